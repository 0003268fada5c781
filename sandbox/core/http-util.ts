import type { IncomingMessage, ServerResponse } from "node:http"
import type { SandboxReply } from "../types"

/** Big enough for a 50-item Meta batch with long field lists, small enough to stop runaway bodies. */
const MAX_BODY_BYTES = 5 * 1024 * 1024

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on("data", (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new Error(`request body over ${MAX_BODY_BYTES} bytes`))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
    req.on("error", reject)
  })
}

export function serializeBody(body: unknown): string {
  return typeof body === "string" ? body : JSON.stringify(body)
}

export function sendReply(res: ServerResponse, reply: SandboxReply, bodyOverride?: string): void {
  const text = bodyOverride ?? serializeBody(reply.body)
  const headers: Record<string, string> = {
    "content-type": "application/json; charset=UTF-8",
    ...reply.headers,
  }
  headers["content-length"] = String(Buffer.byteLength(text))
  res.writeHead(reply.status, headers)
  res.end(text)
}

export function lowerCaseHeaders(req: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value
  }
  return out
}

/**
 * The token a request carries, wherever its platform puts it: Meta's `access_token` query or
 * form field, or an `Authorization: Bearer` header (X, LinkedIn).
 */
export function extractToken(query: URLSearchParams, headers: Record<string, string | undefined>, body: string): string | undefined {
  const fromQuery = query.get("access_token")
  if (fromQuery) return fromQuery
  const auth = headers["authorization"]
  // Graph also takes "OAuth <token>"; X's OAuth 1.0a header (key="value", ...) is not a token.
  const scheme = auth ? /^(?:bearer\s+(\S+)|oauth\s+([^\s,="]+))$/i.exec(auth.trim()) : null
  if (scheme) return scheme[1] ?? scheme[2]
  if (body && isFormBody(headers, body)) {
    const fromForm = new URLSearchParams(body).get("access_token")
    if (fromForm) return fromForm
  }
  return undefined
}

export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve()
}

/** Form-encoded, or untyped and not JSON (curl -d without a content type). */
export function isFormBody(headers: Record<string, string | undefined>, body: string): boolean {
  const type = headers["content-type"] ?? ""
  if (type.includes("application/x-www-form-urlencoded")) return true
  return type === "" && !/^\s*[[{]/.test(body)
}
