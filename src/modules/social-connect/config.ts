import { z } from "@medusajs/framework/zod"
import { resolveSocialsConfig } from "../socials/platforms/config"
import { threadsConfigFrom } from "../socials/platforms/threads/config"
import type { ConnectProvider } from "./types"

const url = z.url({ protocol: /^https?$/ })

/**
 * "Connect account" settings: app credentials and authorization endpoints, from
 * module options with the environment variables named in CONNECT_ENV as
 * fallbacks. The endpoints are configurable so the sandbox can stand in.
 */
const connectSchema = z.object({
  metaAppId: z.string().optional(),
  metaAppSecret: z.string().optional(),
  xClientId: z.string().optional(),
  xClientSecret: z.string().optional(),
  linkedinClientId: z.string().optional(),
  linkedinClientSecret: z.string().optional(),
  threadsAppId: z.string().optional(),
  threadsAppSecret: z.string().optional(),
  /** A base URL: the plugin appends /{META_GRAPH_API_VERSION}/dialog/oauth. */
  metaOAuthDialogUrl: url.default("https://www.facebook.com"),
  xOAuthAuthorizeUrl: url.default("https://x.com/i/oauth2/authorize"),
  /** Authorization (`/authorization`) and token (`/accessToken`) endpoints live under it. */
  linkedinOAuthUrl: url.default("https://www.linkedin.com/oauth/v2"),
  threadsOAuthUrl: url.default("https://threads.com/oauth/authorize"),
  /** The redirect URI is `<backendUrl>/admin/social-platforms/connect/:provider/callback`. */
  backendUrl: url.default("http://localhost:9000"),
})

export const CONNECT_ENV = {
  metaAppId: "META_APP_ID",
  metaAppSecret: "META_APP_SECRET",
  xClientId: "X_CLIENT_ID",
  xClientSecret: "X_CLIENT_SECRET",
  linkedinClientId: "LINKEDIN_CLIENT_ID",
  linkedinClientSecret: "LINKEDIN_CLIENT_SECRET",
  threadsAppId: "THREADS_APP_ID",
  threadsAppSecret: "THREADS_APP_SECRET",
  metaOAuthDialogUrl: "META_OAUTH_DIALOG_URL",
  xOAuthAuthorizeUrl: "X_OAUTH_AUTHORIZE_URL",
  linkedinOAuthUrl: "LINKEDIN_OAUTH_URL",
  threadsOAuthUrl: "THREADS_OAUTH_URL",
  backendUrl: "MEDUSA_BACKEND_URL",
} as const

export type ConnectSettings = z.output<typeof connectSchema>

/** Everything a provider's flow needs: its settings plus the API bases the sync already reads. */
export interface ConnectConfig extends ConnectSettings {
  metaGraphApiUrl: string
  metaGraphApiVersion: string
  xApiUrl: string
  linkedinApiUrl: string
  linkedinApiVersion: string
  threadsGraphApiUrl: string
  threadsApiVersion: string
  requestTimeoutMs: number
}

const trim = (u: string) => u.replace(/\/+$/, "")

/** Options beat environment; blank strings count as unset. Throws naming the bad setting. */
export function resolveConnectConfig(options: unknown = {}, env: Record<string, string | undefined> = process.env): ConnectConfig {
  const given: Record<string, unknown> = options && typeof options === "object" ? { ...(options as Record<string, unknown>) } : {}
  for (const [key, name] of Object.entries(CONNECT_ENV)) {
    const value = env[name]
    if ((given[key] === undefined || given[key] === "") && value !== undefined && value.trim() !== "") given[key] = value.trim()
  }
  const parsed = connectSchema.safeParse(given)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")} (env ${CONNECT_ENV[String(i.path[0]) as keyof typeof CONNECT_ENV] ?? "?"}): ${i.message}`)
    throw new Error(`Invalid connect options: ${problems.join("; ")}`)
  }
  const socials = resolveSocialsConfig(options, env)
  const threads = threadsConfigFrom(options, env)
  const s = parsed.data
  return {
    ...s,
    metaOAuthDialogUrl: trim(s.metaOAuthDialogUrl),
    linkedinOAuthUrl: trim(s.linkedinOAuthUrl),
    backendUrl: trim(s.backendUrl),
    metaGraphApiUrl: socials.metaGraphApiUrl,
    metaGraphApiVersion: socials.metaGraphApiVersion,
    xApiUrl: socials.xApiUrl,
    linkedinApiUrl: socials.linkedinApiUrl,
    linkedinApiVersion: socials.linkedinApiVersion,
    threadsGraphApiUrl: threads.threadsGraphApiUrl,
    threadsApiVersion: threads.threadsApiVersion,
    requestTimeoutMs: socials.requestTimeoutMs,
  }
}

/** App credentials of a provider, or the variables to set when they are missing. */
export function providerCredentials(config: ConnectConfig, provider: ConnectProvider): { clientId: string; clientSecret: string } | { missing: string[] } {
  const [idKey, secretKey] = CREDENTIAL_KEYS[provider]
  const clientId = config[idKey]
  const clientSecret = config[secretKey]
  const missing = [!clientId && CONNECT_ENV[idKey], !clientSecret && CONNECT_ENV[secretKey]].filter((m): m is (typeof CONNECT_ENV)[typeof idKey] => !!m)
  return clientId && clientSecret ? { clientId, clientSecret } : { missing }
}

const CREDENTIAL_KEYS = {
  meta: ["metaAppId", "metaAppSecret"],
  x: ["xClientId", "xClientSecret"],
  linkedin: ["linkedinClientId", "linkedinClientSecret"],
  threads: ["threadsAppId", "threadsAppSecret"],
} as const satisfies Record<ConnectProvider, readonly [keyof ConnectSettings, keyof ConnectSettings]>

export function redirectUriFor(config: ConnectConfig, provider: ConnectProvider): string {
  return `${config.backendUrl}/admin/social-platforms/connect/${provider}/callback`
}
