import { z } from "@medusajs/framework/zod"
import { PLATFORM_LABELS, PlatformApiError, type PlatformErrorKind } from "../http/platform-api-error"
import type { ErrorResponse } from "../http/platform-fetch"
import { isAccountWide } from "../shared/sync-result"
import { isMetricMessage } from "./refused-metrics"

export const metaErrorEnvelopeSchema = z.object({
  error: z.looseObject({
    message: z.string().optional(),
    type: z.string().optional(),
    code: z.coerce.number().optional(),
    error_subcode: z.coerce.number().optional(),
    is_transient: z.boolean().optional(),
    error_user_title: z.string().optional(),
    error_user_msg: z.string().optional(),
  }),
})

type MetaPlatform = "instagram" | "facebook"

/** The whole error body, not only its message: Meta puts the meaning in code, subcode and the user fields. */
interface MetaErrorFacts {
  platform: MetaPlatform
  status: number
  code?: number
  subcode?: number
  message: string
  userTitle?: string
  userMsg?: string
  transient?: boolean
}

interface Classified {
  kind: PlatformErrorKind
  /** User-facing message replacing the generic one of the kind. */
  message?: string
  permission?: string
  expired?: boolean
}

const RATE_LIMIT_CODES = new Set([4, 17, 32, 341, 613, 80001, 80002])
const TOKEN_CODES = new Set([102, 190])
const PERMISSION_CODES = new Set([3, 10, 368])
const TRANSIENT_CODES = new Set([1, 2])
/** Instagram: "Media Posted Before Business Account Conversion" (insights never exist for it). */
export const SUBCODE_BEFORE_BUSINESS_CONVERSION = 2108006

export function noInsightsBeforeConversion(label: string): string {
  return `${label} gives no insights for media posted before the account became a business account; likes and comments are still synced`
}

/**
 * Permissions needed to read a post at all: refused once, refused for every post of
 * the account. (Insights and comment permissions only cost their own section.)
 */
const ACCOUNT_PERMISSIONS = new Set(["pages_read_engagement", "pages_show_list", "instagram_basic", "instagram_business_basic"])

/** §3.3 token subcodes: why the account must be reconnected. */
const TOKEN_REASONS: Record<number, { reason: string; expired?: boolean }> = {
  458: { reason: "The app was removed from the account" },
  459: { reason: "The account is checkpointed: log in to Facebook and complete the security check" },
  460: { reason: "The access token was invalidated because the password was changed" },
  463: { reason: "Access token expired", expired: true },
  464: { reason: "The account's user is not confirmed" },
  467: { reason: "Access token is invalid or was revoked" },
  492: { reason: "The session is invalid (the user may no longer have a role on the Page)" },
}

/** App settings, not the account or the post: every call of the app fails the same way. */
const APP_CONFIG: { test: RegExp; message: (label: string) => string }[] = [
  {
    test: /appsecret_proof/i,
    message: (label) =>
      `${label} refuses calls without appsecret_proof: the Meta app has "Require App Secret" on (App settings > Advanced); turn it off for this app`,
  },
  {
    test: /Page Public Content Access.*(reviewed|approved)/i,
    message: (label) =>
      `${label} refuses the Meta app's 'Page Public Content Access' (not approved in App Review): connect the account with a token of one of its admins (pages_read_engagement), or get the feature approved`,
  },
]

/** "requires the 'pages_read_engagement' permission", "(#10) Requires instagram_manage_comments permission" → the name. */
function permissionNamed(message: string): string | undefined {
  return /'?([a-z]+(?:_[a-z]+)+)'?\s+permission/i.exec(message)?.[1]?.toLowerCase() ?? /permission[s]?\s*[:(]\s*([a-z]+(?:_[a-z]+)+)/i.exec(message)?.[1]?.toLowerCase()
}

function classifyToken(f: MetaErrorFacts): Classified {
  const label = PLATFORM_LABELS[f.platform]
  const known = f.subcode !== undefined ? TOKEN_REASONS[f.subcode] : undefined
  const expired = known ? known.expired === true : /expired/i.test(f.message)
  if (!known) return { kind: "auth", expired }
  return { kind: "auth", expired, message: `${known.reason}: reconnect your ${label} account` }
}

function classify(f: MetaErrorFacts): Classified {
  const { code, subcode, message } = f
  const label = PLATFORM_LABELS[f.platform]
  const said = [message, f.userTitle, f.userMsg].filter(Boolean).join(" ")
  if (code !== undefined && RATE_LIMIT_CODES.has(code)) return { kind: "rate_limit" }
  if (code !== undefined && TOKEN_CODES.has(code)) return classifyToken(f)
  const app = APP_CONFIG.find((a) => a.test.test(said))
  if (app) return { kind: "permission", message: app.message(label) }
  if (code === 100 && subcode === SUBCODE_BEFORE_BUSINESS_CONVERSION) {
    return { kind: "insights_unavailable", message: noInsightsBeforeConversion(label) }
  }
  // Story insights with fewer than 5 viewers answer code 10; it is not a permission problem.
  if (code === 10 && /not enough viewers/i.test(said)) return { kind: "insights_unavailable" }
  // Checked before "does not exist": Graph's code-100 permission refusal starts with "Object does not exist".
  const permission = permissionNamed(said)
  if (permission && (code === 100 || (code !== undefined && (PERMISSION_CODES.has(code) || (code >= 200 && code <= 299))))) {
    return ACCOUNT_PERMISSIONS.has(permission)
      ? { kind: "permission", permission, message: `Permission denied (${permission}): reconnect the ${label} account and grant '${permission}'` }
      : { kind: "permission", permission }
  }
  if (code !== undefined && (PERMISSION_CODES.has(code) || (code >= 200 && code <= 299))) return { kind: "permission" }
  const explained = f.userMsg ? `: ${f.userMsg}` : ""
  if (code === 100 && subcode === 33) return { kind: "not_found", message: explained ? `Post not found${explained}` : undefined }
  if (code === 100 && isMetricMessage(message)) return { kind: "retired_metric" }
  if (code === 100 && /does not exist|cannot be loaded|unsupported get request/i.test(message)) return { kind: "not_found", message: explained ? `Post not found${explained}` : undefined }
  if (code === 803 || (code === 100 && /invalid (media |object |post )?id/i.test(message))) return { kind: "invalid_id" }
  if ((code !== undefined && TRANSIENT_CODES.has(code)) || f.transient) return { kind: "server" }
  const byStatus = kindForStatus(f.status)
  if (byStatus !== "invalid_request") return { kind: byStatus }
  return { kind: "invalid_request", message: explained ? `${label} rejected the request${explained}` : undefined }
}

function kindForStatus(status: number): PlatformErrorKind {
  if (status === 429) return "rate_limit"
  if (status >= 500) return "server"
  if (status === 401) return "auth"
  if (status === 404) return "not_found"
  return "invalid_request"
}

/** Maps a Graph error body (top level or a batch item's) to a PlatformApiError. */
export function mapMetaErrorBody(platform: MetaPlatform, status: number, body: unknown, extra: { url?: string; secrets?: string[]; retryAfterMs?: number } = {}): PlatformApiError {
  const parsed = metaErrorEnvelopeSchema.safeParse(body)
  if (!parsed.success) {
    const kind: PlatformErrorKind = status === 403 ? "permission" : kindForStatus(status)
    return new PlatformApiError({ platform, kind, status, code: status, url: extra.url, secrets: extra.secrets, retryAfterMs: extra.retryAfterMs, detail: typeof body === "string" ? body.slice(0, 300) : undefined })
  }
  const e = parsed.data.error
  const facts: MetaErrorFacts = { platform, status, code: e.code, subcode: e.error_subcode, message: e.message ?? "", userTitle: e.error_user_title, userMsg: e.error_user_msg, transient: e.is_transient }
  const c = classify(facts)
  return new PlatformApiError({
    platform,
    kind: c.kind,
    status,
    code: e.code,
    subcode: e.error_subcode,
    // The platform's own words, all of them, for logs and for reading refused metric names.
    detail: [e.message, e.error_user_title, e.error_user_msg].filter(Boolean).join(" | "),
    url: extra.url,
    secrets: extra.secrets,
    retryAfterMs: extra.retryAfterMs,
    expired: c.kind === "auth" ? c.expired : undefined,
    permission: c.permission,
    message: c.message,
  })
}

export function metaErrorMapper(platform: MetaPlatform) {
  return (response: ErrorResponse): PlatformApiError => mapMetaErrorBody(platform, response.status, response.body, { url: response.url, secrets: response.secrets })
}

/**
 * Meta errors that concern every post of the account, so its run stops after the
 * first answer: token and throttling (as on every platform), the Meta app's own
 * settings, and a refused permission that reading any post needs.
 */
export function isMetaAccountProblem(error: PlatformApiError): boolean {
  if (isAccountWide(error)) return true
  if (error.kind !== "permission") return false
  if (error.permission && ACCOUNT_PERMISSIONS.has(error.permission)) return true
  return APP_CONFIG.some((a) => a.test.test(error.detail ?? ""))
}

/** Instagram's "posted before business conversion": a rule of the platform for that post, for good. */
export function isPermanentlyWithoutInsights(error: PlatformApiError): boolean {
  return error.kind === "insights_unavailable" && error.subcode === SUBCODE_BEFORE_BUSINESS_CONVERSION
}
