import { mergeCrossPostWithPrevious } from "../insights/cross-post"
import type { PostInsights } from "../insights/schema"
import type { SocialPlatform } from "../platforms/catalog"
import type { PostSyncResult } from "../platforms/types"
import { nextSyncAt, retryAfterFailureAt } from "../scheduling/cadence"
import { insightsPatch } from "./insights-patch"
import { SNAPSHOT_COUNT_METRICS, SNAPSHOT_RATE_METRIC, type SnapshotCountMetric, type SnapshotNumbers } from "../insights/snapshot-metrics"

export type PlatformRecord = {
  id: string
  /** A catalog platform id; a row from a newer build may hold one this build does not know. */
  provider: SocialPlatform
  account_id: string | null
  api_config: unknown
  status: "active" | "needs_reconnect" | "disabled"
}

export type PostRecord = {
  id: string
  status: string
  media_type: string | null
  posted_at: Date | string | null
  insights: unknown
  insights_synced_at: Date | string | null
  next_sync_at?: Date | string | null
  platform: PlatformRecord
}

export type PostUpdateRow = {
  id: string
  /** Only the keys this sync changed (see insights-patch.ts): an edit saved meanwhile keeps its own. */
  insights_set: Record<string, unknown>
  insights_unset: string[]
  insights_sync_status: "success" | "partial" | "failed"
  insights_synced_at?: Date
  next_sync_at: Date | null
  /** `next_sync_at` as read before the platform calls: moved meanwhile (an edit made the post due), it stays. */
  read_next_sync_at: Date | null
}

export type SnapshotRow = { post_id: string; synced_at: Date } & SnapshotNumbers

/**
 * Turns one batch's platform answers into rows: merged insights (keep-last-good),
 * the bookkeeping columns that must agree with them, and one snapshot per post
 * that got numbers. Written together, in one transaction, by the module service.
 */
export function buildPersistence(posts: PostRecord[], results: PostSyncResult[], now: Date, commentsLimit: number) {
  const byPost = new Map<string, PostSyncResult[]>()
  for (const result of results) {
    const own = byPost.get(result.targetId)
    if (own) {
      own.push(result)
    } else {
      byPost.set(result.targetId, [result])
    }
  }
  const rows: PostUpdateRow[] = []
  const snapshots: SnapshotRow[] = []
  const merged = new Map<string, PostInsights>()

  for (const post of posts) {
    const outcomes = byPost.get(post.id) ?? []
    const previous = (post.insights ?? {}) as Record<string, unknown>
    const insights = mergeCrossPostWithPrevious(previous, post.platform.provider, outcomes, { now, commentsLimit })
    const status = insights.sync_status ?? "failed"
    const failures = status === "failed" ? Number(previous.consecutive_failures ?? 0) + 1 : 0
    const stored = replaceNulCharacters({ ...insights, consecutive_failures: failures })
    merged.set(post.id, stored)

    const postedAt = post.posted_at ? new Date(post.posted_at) : null
    const retryAfterMs = Math.max(
      0,
      ...outcomes.flatMap((o) => o.errors).map((d) => (d.retry_after ? Date.parse(d.retry_after) - now.getTime() : 0))
    )
    const patch = insightsPatch(previous, stored)
    rows.push({
      id: post.id,
      insights_set: patch.set,
      insights_unset: patch.unset,
      insights_sync_status: status,
      // A failed sync keeps the time of the last good one.
      ...(status !== "failed" ? { insights_synced_at: now } : {}),
      next_sync_at: status === "failed" ? retryAfterFailureAt(now, failures, retryAfterMs) : nextSyncAt(postedAt, now),
      read_next_sync_at: post.next_sync_at ? new Date(post.next_sync_at) : null,
    })
    if (status !== "failed") {
      snapshots.push(snapshotOf(post.id, insights, now))
    }
  }
  return { posts: rows, snapshots, merged }
}

function snapshotOf(postId: string, insights: PostInsights, now: Date): SnapshotRow {
  const finite = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value)
  const counts = Object.fromEntries(
    SNAPSHOT_COUNT_METRICS.map((m) => [m, finite(insights[m]) ? Math.round(insights[m] as number) : null])
  ) as Record<SnapshotCountMetric, number | null>
  const rate = insights[SNAPSHOT_RATE_METRIC]
  return { post_id: postId, synced_at: now, ...counts, [SNAPSHOT_RATE_METRIC]: typeof rate === "number" ? rate : null }
}

/**
 * PostgreSQL jsonb cannot hold U+0000, and platform text (a comment, a name) can:
 * one such character would fail the whole batch's transaction. It becomes U+FFFD.
 */
export function replaceNulCharacters<T>(value: T): T {
  if (typeof value === "string") {
    return (value.includes("\u0000") ? value.replace(/\u0000/g, "\uFFFD") : value) as T
  }
  if (Array.isArray(value)) {
    return value.map(replaceNulCharacters) as T
  }
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [replaceNulCharacters(k), replaceNulCharacters(v)])) as T
  }
  return value
}
