import { nextSyncAt } from "../scheduling/cadence"
import type { PostSyncOutcome } from "./sync-types"
import type { PostRecord } from "./sync-persistence"

/**
 * New due times for posts a sync skipped or failed before any platform call, so
 * none keeps a past `next_sync_at` it cannot act on:
 * - no platform post id: not due until an edit adds one (the edit makes it due);
 * - fresh: due when its cadence says, counted from its last sync, and not before
 *   the freshness window ends (null past the cadence horizon).
 * Account-level states (disabled, needs_reconnect) keep their due time: the
 * scheduled runs leave such accounts out, and their posts are due as soon as the
 * account is active again.
 */
export function rescheduleAfterSkip(
  skipped: { post: PostRecord; outcome: PostSyncOutcome }[],
  now: Date,
  freshnessWindowMs: number
): { id: string; next_sync_at: Date | null }[] {
  const rows: { id: string; next_sync_at: Date | null }[] = []
  for (const { post, outcome } of skipped) {
    const current = post.next_sync_at ? new Date(post.next_sync_at) : null
    if (outcome.code === "missing_platform_post_id" && current) {
      rows.push({ id: post.id, next_sync_at: null })
    } else if (outcome.code === "fresh" && current && current <= now && post.insights_synced_at) {
      const syncedAt = new Date(post.insights_synced_at)
      const cadence = nextSyncAt(post.posted_at ? new Date(post.posted_at) : null, syncedAt)
      const freshUntil = syncedAt.getTime() + freshnessWindowMs
      rows.push({ id: post.id, next_sync_at: cadence && new Date(Math.max(cadence.getTime(), freshUntil)) })
    }
  }
  return rows
}
