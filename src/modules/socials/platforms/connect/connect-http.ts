import type { SocialPlatform } from "../catalog"
import { PlatformApiError } from "../http/platform-api-error"
import { platformFetch, type ErrorResponse } from "../http/platform-fetch"
import { DEFAULT_RETRY_POLICY } from "../http/retry-policy"

export interface ConnectRequest {
  platform: SocialPlatform
  method: "GET" | "POST"
  url: string
  headers?: Record<string, string>
  form?: Record<string, string>
  /** Codes, secrets and tokens of this call: redacted from every error and log line. */
  secrets: (string | undefined | null)[]
  operation: string
}

/** Connect calls (token endpoints, account discovery, listings) over the one HTTP layer. */
export type ConnectHttp = (request: ConnectRequest) => Promise<unknown>

/** OAuth (RFC 6749 `error_description`), Meta (`error.message`) and LinkedIn (`message`) refusals, in the platform's words. */
export function platformRefusalDetail(body: unknown): string | undefined {
  if (typeof body === "string") return body.slice(0, 300) || undefined
  if (!body || typeof body !== "object") return undefined
  const b = body as Record<string, unknown>
  const nested = b.error && typeof b.error === "object" ? (b.error as Record<string, unknown>) : undefined
  const text = nested?.message ?? b.error_description ?? b.detail ?? b.message ?? b.error
  return typeof text === "string" ? text.slice(0, 300) : undefined
}

function mapConnectError(r: ErrorResponse): PlatformApiError {
  const kind = r.status === 429 ? "rate_limit" : r.status >= 500 ? "server" : r.status === 401 ? "auth" : r.status === 403 ? "permission" : "invalid_request"
  return new PlatformApiError({ platform: r.platform, kind, status: r.status, detail: platformRefusalDetail(r.body), url: r.url, secrets: r.secrets })
}

/**
 * No retries: an authorization code is single use, so a retried exchange after a
 * lost answer would only earn "code already used"; the admin retries the whole flow.
 */
export function createConnectHttp(opts: { timeoutMs: number; fetch?: typeof fetch }): ConnectHttp {
  return async (request) => {
    const secrets = request.secrets.filter((s): s is string => !!s)
    const res = await platformFetch(
      {
        platform: request.platform,
        method: request.method,
        url: request.url,
        headers: request.form ? { "content-type": "application/x-www-form-urlencoded", ...request.headers } : request.headers,
        body: request.form ? new URLSearchParams(request.form) : undefined,
        operation: request.operation,
      },
      { timeoutMs: opts.timeoutMs, retry: { ...DEFAULT_RETRY_POLICY, maxRetries: 0 }, mapError: mapConnectError, secrets: () => secrets, fetch: opts.fetch }
    )
    return res.data
  }
}
