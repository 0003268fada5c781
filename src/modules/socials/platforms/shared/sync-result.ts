import { computeEngagement } from "../../insights/engagement"
import type { PostInsightsPatch, SocialPlatform, SyncErrorDetail, SyncSection } from "../../insights/schema"
import { deriveSyncStatus } from "../../insights/sync-errors"
import { PlatformApiError } from "../http/platform-api-error"
import type { PostSyncResult, SyncTarget } from "../types"

export function errorDetail(section: SyncSection, error: PlatformApiError, now: number): SyncErrorDetail {
  const detail: SyncErrorDetail = { section, code: error.kind, message: error.message, platform: error.platform }
  if (error.retryAfterMs !== undefined) detail.retry_after = new Date(now + error.retryAfterMs).toISOString()
  return detail
}

export function notice(section: SyncSection, code: string, message: string, platform: SocialPlatform): SyncErrorDetail {
  return { section, code, message, severity: "notice", platform }
}

/** Anything thrown that is not already a PlatformApiError is a bug in our code, not a platform answer. */
export function asPlatformError(platform: SocialPlatform, error: unknown): PlatformApiError {
  if (error instanceof PlatformApiError) return error
  return new PlatformApiError({
    platform,
    kind: "malformed_response",
    code: "unexpected",
    detail: error instanceof Error ? error.message : String(error),
    cause: error,
  })
}

function hasMetrics(patch: PostInsightsPatch): boolean {
  const keys: (keyof PostInsightsPatch)[] = ["likes", "comments", "shares", "saves", "impressions", "reach", "video_views", "comments_data", "reactions"]
  return keys.some((k) => patch[k] !== undefined)
}

/** Adds engagement numbers and derives the status from what answered. */
export function buildResult(
  platform: SocialPlatform,
  target: SyncTarget,
  patch: PostInsightsPatch,
  errors: SyncErrorDetail[],
  extra: Pick<PostSyncResult, "commentsComplete" | "commentsWindowStart"> = {}
): PostSyncResult {
  const insights: PostInsightsPatch = { ...patch, platform, platform_post_id: patch.platform_post_id ?? target.platformPostId }
  const { engagement, engagement_rate } = computeEngagement(insights)
  if (engagement !== undefined) Object.assign(insights, { engagement, engagement_rate })
  for (const key of Object.keys(insights) as (keyof PostInsightsPatch)[]) if (insights[key] === undefined) delete insights[key]
  const status = deriveSyncStatus(hasMetrics(insights), errors)
  return { targetId: target.targetId, platform, status, insights: status === "failed" ? undefined : insights, errors, ...extra }
}

/** A whole-post failure; account-wide causes (token, throttling, API version) are labelled "Account". */
export function failedResult(platform: SocialPlatform, target: SyncTarget, section: SyncSection, error: PlatformApiError, now: number, fatal = false): PostSyncResult {
  const where: SyncSection = section === "post" && isAccountWide(error) ? "account" : section
  return { targetId: target.targetId, platform, status: "failed", errors: [errorDetail(where, error, now)], ...(fatal ? { fatal: error } : {}) }
}

/** Errors that concern the account, not one post: stop the whole batch. */
export function isAccountWide(error: PlatformApiError): boolean {
  return error.isAuth || error.isRateLimit || error.kind === "version_unsupported" || error.kind === "app_config"
}

export function toIsoDate(value: string | number | undefined | null): string | undefined {
  if (value === undefined || value === null || value === "") return undefined
  // Graph timestamps use "+0000"; Date.parse needs "+00:00" on some engines.
  const normalized = typeof value === "string" ? value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2") : value
  const t = typeof normalized === "number" ? normalized : Date.parse(normalized)
  return Number.isNaN(t) ? undefined : new Date(t).toISOString()
}

export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
