import { z } from "@medusajs/framework/zod"
import { PlatformApiError, type PlatformErrorKind } from "../http/platform-api-error"
import type { ErrorResponse } from "../http/platform-fetch"
import { retryAfterFromHeaders } from "../http/usage-headers"

export const linkedInErrorSchema = z.looseObject({
  status: z.number().optional(),
  serviceErrorCode: z.number().optional(),
  code: z.string().optional(),
  message: z.string().optional(),
})

const EXPIRED_CODES = new Set([65602])

/** LinkedIn's limits are daily and reset at midnight UTC; its 429s carry no headers. */
export function untilUtcMidnight(now: number): number {
  const d = new Date(now)
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1) - now
}

export function mapLinkedInError(response: ErrorResponse, now: number = Date.now()): PlatformApiError {
  const { status, platform, url, secrets } = response
  const parsed = linkedInErrorSchema.safeParse(response.body)
  const body = parsed.success ? parsed.data : {}
  const message = body.message ?? (typeof response.body === "string" ? response.body.slice(0, 300) : undefined)
  let kind: PlatformErrorKind
  let retryAfterMs: number | undefined
  if (status === 429) {
    kind = "rate_limit"
    // Every LinkedIn limit is daily, and its 429s (DAY-limit text, serviceErrorCode 101, bare
    // bodies alike) say nothing else: without a Retry-After the only safe wait is midnight UTC.
    // Retrying sooner burns calls of a quota that cannot come back today.
    retryAfterMs = retryAfterFromHeaders(response.headers, now) ?? untilUtcMidnight(now)
  } else if (status === 401) kind = "auth"
  else if (status === 403) kind = "permission"
  else if (status === 404) kind = "not_found"
  else if (status === 426) kind = "version_unsupported"
  else if (status >= 500) kind = "server"
  else kind = "invalid_request"
  const permission = kind === "permission" ? /access:\s*([A-Za-z]+\.[A-Z_-]+)/.exec(message ?? "")?.[1] : undefined
  return new PlatformApiError({
    platform,
    kind,
    status,
    code: body.serviceErrorCode ?? body.code ?? status,
    detail: message,
    url,
    secrets,
    retryAfterMs,
    permission,
    expired: kind === "auth" ? (body.serviceErrorCode !== undefined && EXPIRED_CODES.has(body.serviceErrorCode)) || /expired/i.test(message ?? "") : undefined,
  })
}
