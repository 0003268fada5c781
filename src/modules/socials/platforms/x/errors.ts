import { z } from "@medusajs/framework/zod"
import { PlatformApiError, type PlatformErrorKind } from "../http/platform-api-error"
import type { ErrorResponse } from "../http/platform-fetch"
import { retryAfterFromHeaders } from "../http/usage-headers"

/**
 * X answers in the problem format (`{title, detail, type, status}`), sometimes
 * with nested `errors[]`, and 429s in the v1.1 shape `{"errors":[{"code":88}]}`.
 * Problem types live under api.twitter.com or api.x.com: match the suffix.
 */
export const xProblemSchema = z.looseObject({
  title: z.string().optional(),
  detail: z.string().optional(),
  type: z.string().optional(),
  status: z.number().optional(),
  period: z.string().optional(),
  reason: z.string().optional(),
  registration_url: z.string().optional(),
  errors: z.array(z.looseObject({ code: z.number().optional(), message: z.string().optional(), parameters: z.record(z.string(), z.unknown()).optional() })).optional(),
})

export function problemName(type: string | undefined): string | undefined {
  return type?.split("/problems/")[1]
}

/** X counts every endpoint in fixed 15-minute windows. */
export const X_RATE_LIMIT_WINDOW_MS = 15 * 60_000

/** When a usage cap resets: the next UTC day or (the captured "Monthly") the next UTC month. */
function capResetAt(now: number, period: string | undefined): number {
  const d = new Date(now)
  return /daily/i.test(period ?? "")
    ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1)
    : Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)
}

/**
 * An app not attached to a Project (`reason: "client-not-enrolled"`) is refused on every call,
 * whatever the post or token: only the app's settings can fix it. Other client-forbidden
 * answers (e.g. private metrics of someone else's post) stay per request.
 */
function isNotEnrolled(body: z.infer<typeof xProblemSchema>): boolean {
  return body.reason === "client-not-enrolled" || body.registration_url !== undefined || /attached to a Project/i.test(body.detail ?? "")
}

function rateLimitError(response: ErrorResponse, body: z.infer<typeof xProblemSchema>, name: string | undefined, detail: string | undefined, now: number): PlatformApiError {
  const { status, platform, url, secrets } = response
  if (name === "usage-capped" || body.title === "UsageCapExceeded") {
    // The monthly post-read cap: the 15-minute headers may still show room, so they are ignored.
    const resetAt = capResetAt(now, body.period)
    const day = new Date(resetAt).toISOString().slice(0, 10)
    const message = `Rate limit exceeded: the X app's ${(body.period ?? "monthly").toLowerCase()} usage cap is reached; X reads resume when it resets on ${day} (UTC)`
    return new PlatformApiError({ platform, kind: "rate_limit", status, code: "usage-capped", detail, url, secrets, retryAfterMs: resetAt - now, message })
  }
  // Without Retry-After / x-rate-limit-reset the window that refused us ends at most 15 minutes from now.
  const retryAfterMs = retryAfterFromHeaders(response.headers, now) ?? X_RATE_LIMIT_WINDOW_MS
  return new PlatformApiError({ platform, kind: "rate_limit", status, code: name ?? status, detail, url, secrets, retryAfterMs })
}

export function mapXError(response: ErrorResponse, now: number = Date.now()): PlatformApiError {
  const { status, platform, url, secrets } = response
  const parsed = xProblemSchema.safeParse(response.body)
  const body = parsed.success ? parsed.data : {}
  const name = problemName(body.type)
  const detail = body.detail ?? body.errors?.[0]?.message ?? (typeof response.body === "string" ? response.body.slice(0, 300) : undefined)
  if (status === 429 || name === "rate-limit-exceeded" || name === "usage-capped" || body.errors?.some((e) => e.code === 88)) {
    return rateLimitError(response, body, name, detail, now)
  }
  if (name === "client-forbidden" && isNotEnrolled(body)) {
    const message =
      "X refused this app: it is not attached to a Project. In the X developer portal, add the app to a Project " +
      "(with the access level the post lookup needs), then sync again with that app's keys and tokens"
    return new PlatformApiError({ platform, kind: "app_config", status, code: body.reason ?? name, detail, url, secrets, message })
  }
  let kind: PlatformErrorKind
  if (status === 401) kind = "auth"
  else if (status === 403) kind = "permission"
  else if (status === 404 || name === "resource-not-found") kind = "not_found"
  else if (status >= 500) kind = "server"
  else if (status === 400 && body.errors?.some((e) => e.parameters && ("ids" in e.parameters || "id" in e.parameters))) kind = "invalid_id"
  else kind = "invalid_request"
  return new PlatformApiError({ platform, kind, status, code: name ?? status, detail, url, secrets })
}
