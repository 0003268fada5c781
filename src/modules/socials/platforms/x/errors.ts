import { z } from "@medusajs/framework/zod"
import { PlatformApiError, type PlatformErrorKind } from "../http/platform-api-error"
import type { ErrorResponse } from "../http/platform-fetch"

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
  errors: z.array(z.looseObject({ code: z.number().optional(), message: z.string().optional(), parameters: z.record(z.string(), z.unknown()).optional() })).optional(),
})

export function problemName(type: string | undefined): string | undefined {
  return type?.split("/problems/")[1]
}

/** Start of the next UTC month: when a monthly usage cap resets. */
function untilNextMonth(now: number): number {
  const d = new Date(now)
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - now
}

export function mapXError(response: ErrorResponse, now: number = Date.now()): PlatformApiError {
  const { status, platform, url, secrets } = response
  const parsed = xProblemSchema.safeParse(response.body)
  const body = parsed.success ? parsed.data : {}
  const name = problemName(body.type)
  const detail = body.detail ?? body.errors?.[0]?.message ?? (typeof response.body === "string" ? response.body.slice(0, 300) : undefined)
  let kind: PlatformErrorKind
  let retryAfterMs: number | undefined
  if (status === 429 || name === "rate-limit-exceeded" || name === "usage-capped" || body.errors?.some((e) => e.code === 88)) {
    kind = "rate_limit"
    if (name === "usage-capped" || body.title === "UsageCapExceeded") retryAfterMs = untilNextMonth(now)
  } else if (status === 401) kind = "auth"
  else if (status === 403) kind = "permission"
  else if (status === 404 || name === "resource-not-found") kind = "not_found"
  else if (status >= 500) kind = "server"
  else if (status === 400 && body.errors?.some((e) => e.parameters && ("ids" in e.parameters || "id" in e.parameters))) kind = "invalid_id"
  else kind = "invalid_request"
  return new PlatformApiError({ platform, kind, status, code: name ?? status, detail, url, secrets, retryAfterMs })
}
