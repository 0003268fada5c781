import { randomBytes } from "node:crypto"
import type { SandboxReply } from "../types"

/** App credentials every sandbox family accepts on its authorization and token endpoints. */
export const SANDBOX_OAUTH_APPS = {
  meta: { clientId: "sandbox-meta-app-id", clientSecret: "sandbox-meta-app-secret" },
  x: { clientId: "sandbox-x-client-id", clientSecret: "sandbox-x-client-secret" },
  linkedin: { clientId: "sandbox-linkedin-client-id", clientSecret: "sandbox-linkedin-client-secret" },
  threads: { clientId: "sandbox-threads-app-id", clientSecret: "sandbox-threads-app-secret" },
} as const

export const randomCode = (prefix: string) => `${prefix}-${randomBytes(12).toString("base64url")}`

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * The platform's consent screen, reduced to what a test clicks: Allow and Deny
 * links to the family's decide endpoint, carrying the original query along.
 */
export function consentPage(opts: { platform: string; appName: string; scopes: string[]; decideUrl: string; query: URLSearchParams }): SandboxReply {
  const link = (choice: "allow" | "deny") => {
    const q = new URLSearchParams(opts.query)
    q.set("choice", choice)
    return `${opts.decideUrl}?${q}`
  }
  const html = `<!doctype html><html><head><title>${escape(opts.platform)}: authorize ${escape(opts.appName)}</title></head><body>
<h1>${escape(opts.appName)} wants to read your ${escape(opts.platform)} accounts</h1>
<ul>${opts.scopes.map((s) => `<li>${escape(s)}</li>`).join("")}</ul>
<a id="allow" data-testid="sandbox-allow" href="${escape(link("allow"))}">Allow</a>
<a id="deny" data-testid="sandbox-deny" href="${escape(link("deny"))}">Deny</a>
</body></html>`
  return { status: 200, body: html, headers: { "content-type": "text/html; charset=utf-8" } }
}

export function redirectTo(base: string, params: Record<string, string>, fragment = ""): SandboxReply {
  const url = new URL(base)
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v)
  return { status: 302, body: "", headers: { location: `${url}${fragment}` } }
}

export function htmlError(status: number, message: string): SandboxReply {
  return { status, body: `<!doctype html><html><body><h1>Error</h1><p>${escape(message)}</p></body></html>`, headers: { "content-type": "text/html; charset=utf-8" } }
}
