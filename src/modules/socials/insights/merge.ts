import { mergeComments, sortCommentsNewestFirst, DEFAULT_COMMENTS_LIMIT } from "./comments"
import { computeEngagement } from "./engagement"
import {
  INSIGHTS_SCHEMA_VERSION,
  PLATFORM_METRICS_FIELD,
  PUBLISH_ID_FIELDS,
  readStoredInsights,
  validatePostInsights,
  type PostInsights,
  type PostInsightsPatch,
  type SocialPlatform,
  type SyncErrorDetail,
  type SyncStatus,
} from "./schema"
import { formatSyncErrors } from "./sync-errors"

/** The part of a platform sync result that the merge needs (PostSyncResult satisfies it). */
export interface SyncOutcome {
  platform: SocialPlatform
  status: SyncStatus
  insights?: PostInsightsPatch
  errors: SyncErrorDetail[]
  /**
   * The fetched comments are exactly the newest N (nothing was skipped as already
   * known), so they replace the stored list and comments deleted on the platform go.
   */
  commentsComplete?: boolean
  /**
   * ISO time: the fetch returned every comment created after it, so a stored comment
   * newer than this that did not come back was deleted on the platform (dropped);
   * older stored ones are outside what was fetched (kept).
   */
  commentsWindowStart?: string
}

export interface MergeOptions {
  now?: Date
  commentsLimit?: number
}

const BLOCK_FIELDS = new Set<string>(Object.values(PLATFORM_METRICS_FIELD))
const NEVER_PATCHED = new Set<string>(["schema_version", "platform", "comments_data", "engagement", "engagement_rate", ...PUBLISH_ID_FIELDS])

/**
 * Keep-last-good merge of one platform's sync result into the stored blob.
 * - failed: every stored metric and comment stays, last_synced_at does not move.
 * - partial: sections that answered override, failed sections keep their old
 *   values (a failed section contributes no fields, so nothing becomes 0).
 * - publish-time ids are never touched.
 */
export function mergeWithPrevious(previous: unknown, result: SyncOutcome, options: MergeOptions = {}): PostInsights {
  const prev = readStoredInsights(previous, result.platform)
  const errorFields = {
    sync_errors: formatSyncErrors(result.errors),
    sync_error_details: result.errors,
  }

  if (result.status === "failed") {
    return validatePostInsights({ ...prev, schema_version: INSIGHTS_SCHEMA_VERSION, sync_status: "failed", ...errorFields })
  }

  const merged: Record<string, unknown> = { ...prev }
  const patch = result.insights ?? {}
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || NEVER_PATCHED.has(key)) continue
    if (BLOCK_FIELDS.has(key) && value && typeof value === "object") {
      // Shallow: a metric refused this time keeps its last known value rather than vanishing.
      const before = merged[key]
      merged[key] = { ...(before && typeof before === "object" ? before : {}), ...value }
    } else {
      merged[key] = value
    }
  }

  const limit = options.commentsLimit ?? DEFAULT_COMMENTS_LIMIT
  if (patch.comments_data) {
    merged.comments_data = result.commentsComplete
      ? sortCommentsNewestFirst(patch.comments_data).slice(0, limit)
      : mergeComments(prev.comments_data, patch.comments_data, limit, result.commentsWindowStart)
  }

  const next = merged as PostInsights
  const { engagement, engagement_rate } = computeEngagement(next)
  return validatePostInsights({
    ...next,
    schema_version: INSIGHTS_SCHEMA_VERSION,
    engagement,
    engagement_rate,
    last_synced_at: (options.now ?? new Date()).toISOString(),
    sync_status: result.status,
    ...errorFields,
  })
}
