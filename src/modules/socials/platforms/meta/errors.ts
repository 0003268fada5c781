import { z } from "@medusajs/framework/zod"
import { PlatformApiError, type PlatformErrorKind } from "../http/platform-api-error"
import type { ErrorResponse } from "../http/platform-fetch"
import { isMetricMessage } from "./refused-metrics"

export const metaErrorEnvelopeSchema = z.object({
  error: z.looseObject({
    message: z.string().optional(),
    type: z.string().optional(),
    code: z.coerce.number().optional(),
    error_subcode: z.coerce.number().optional(),
    is_transient: z.boolean().optional(),
    error_user_msg: z.string().optional(),
  }),
})

const RATE_LIMIT_CODES = new Set([4, 17, 32, 341, 613, 80001, 80002])
const TOKEN_CODES = new Set([102, 190])
const EXPIRED_SUBCODES = new Set([463])
const PERMISSION_CODES = new Set([3, 10, 368])
const TRANSIENT_CODES = new Set([1, 2])

/** "(#10) Requires instagram_manage_comments permission" → "instagram_manage_comments". */
function permissionNamed(message: string): string | undefined {
  return /\b([a-z]+(?:_[a-z]+)+)\s+permission/i.exec(message)?.[1] ?? /permission[s]?\s*[:(]\s*([a-z]+(?:_[a-z]+)+)/i.exec(message)?.[1]
}

function kindFor(code: number | undefined, subcode: number | undefined, message: string, status: number, transient: boolean | undefined): PlatformErrorKind {
  if (code !== undefined && RATE_LIMIT_CODES.has(code)) return "rate_limit"
  if (code !== undefined && TOKEN_CODES.has(code)) return "auth"
  // Story insights with fewer than 5 viewers answer code 10; it is not a permission problem.
  if (code === 10 && /not enough viewers/i.test(message)) return "insights_unavailable"
  if (code !== undefined && (PERMISSION_CODES.has(code) || (code >= 200 && code <= 299))) return "permission"
  if (code === 100 && subcode === 33) return "not_found"
  if (code === 100 && isMetricMessage(message)) return "retired_metric"
  if (code === 100 && /does not exist|cannot be loaded|unsupported get request/i.test(message)) return "not_found"
  if (code === 803 || (code === 100 && /invalid (media |object |post )?id/i.test(message))) return "invalid_id"
  if ((code !== undefined && TRANSIENT_CODES.has(code)) || transient) return "server"
  if (status === 429) return "rate_limit"
  if (status >= 500) return "server"
  if (status === 401) return "auth"
  if (status === 404) return "not_found"
  return "invalid_request"
}

/** Maps a Graph error body (top level or a batch item's) to a PlatformApiError. */
export function mapMetaErrorBody(
  platform: "instagram" | "facebook",
  status: number,
  body: unknown,
  extra: { url?: string; secrets?: string[]; retryAfterMs?: number } = {}
): PlatformApiError {
  const parsed = metaErrorEnvelopeSchema.safeParse(body)
  if (!parsed.success) {
    const kind: PlatformErrorKind = status === 429 ? "rate_limit" : status >= 500 ? "server" : status === 401 ? "auth" : status === 404 ? "not_found" : status === 403 ? "permission" : "invalid_request"
    return new PlatformApiError({ platform, kind, status, code: status, url: extra.url, secrets: extra.secrets, retryAfterMs: extra.retryAfterMs, detail: typeof body === "string" ? body.slice(0, 300) : undefined })
  }
  const e = parsed.data.error
  const message = e.message ?? ""
  const kind = kindFor(e.code, e.error_subcode, message, status, e.is_transient)
  return new PlatformApiError({
    platform,
    kind,
    status,
    code: e.code,
    subcode: e.error_subcode,
    detail: message,
    url: extra.url,
    secrets: extra.secrets,
    retryAfterMs: extra.retryAfterMs,
    expired: kind === "auth" ? (e.error_subcode !== undefined && EXPIRED_SUBCODES.has(e.error_subcode)) || /expired/i.test(message) : undefined,
    permission: kind === "permission" ? permissionNamed(message) : undefined,
  })
}

export function metaErrorMapper(platform: "instagram" | "facebook") {
  return (response: ErrorResponse): PlatformApiError =>
    mapMetaErrorBody(platform, response.status, response.body, { url: response.url, secrets: response.secrets })
}
