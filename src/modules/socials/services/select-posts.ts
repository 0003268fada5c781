import { PLATFORM_CATALOG } from "../platforms/catalog"
import type { InsightsStore } from "./insights-store"
import type { SocialsConfig } from "../platforms/config"
import type { PostedBetween } from "../scheduling/cadence-tiers"

/**
 * Position in "oldest sync first" order (then by platform, so a page holds few
 * accounts and their batches stay full). A failed sync does not move a post, so
 * the cursor passes it.
 */
export type SyncCursor = { synced_at: string | null; platform_id: string; id: string }

export type SelectPostsForSyncOptions = {
  platform_id?: string
  limit: number
  /** Only posts whose next scheduled sync is due (sync after publish, cadence). */
  due_only?: boolean
  /** Keyset cursor: only posts after this one in sync order (a scheduled run pages without revisiting). */
  after?: SyncCursor
  /** Platforms whose budget ran out during this run. */
  exclude_platform_ids?: string[]
  /** Only posts not synced within the freshness window (scheduled runs). */
  stale_only?: boolean
  /** With stale_only: also not synced since this time (the start of a scheduled run). */
  synced_before?: string
  /**
   * Only posts a sync can do something for (scheduled runs): the account is active
   * (not disabled, not waiting for a reconnect), the post has its platform's id and
   * it is not fresh. Anything else would be skipped or failed before any call, and
   * a page of those would keep the posts behind them from ever being picked.
   */
  syncable_only?: boolean
  /**
   * Only posts the cadence makes due (`next_sync_at` passed) or never synced (the
   * nightly sweep): a post past the cadence horizon (`next_sync_at` null) is synced
   * on demand only, a post on a slow step on that step, not every night.
   */
  cadence_due?: boolean
  /**
   * Scheduled runs: keep only the posts each account's remaining budget covers, in
   * priority order; move the others' `next_sync_at` to when the budget returns
   * (services/plan-budgeted-sync.ts). The cursor still passes the whole page.
   */
  plan_budget?: boolean
  /** Only posts published in this range (scheduled runs page through the cadence's tiers, youngest first). */
  posted_between?: PostedBetween
}

/** Posts that carry the id their account's platform needs (`insights->>key` neither null nor empty). */
function hasPlatformPostId(): Record<string, unknown> {
  return {
    $or: PLATFORM_CATALOG.map(({ providers, postIdField }) => ({
      platform: { provider: { $in: [...providers] } },
      $and: [{ insights: { [postIdField]: { $ne: null } } }, { insights: { [postIdField]: { $ne: "" } } }],
    })),
  }
}

function postedBetween({ after, before, include_unknown }: PostedBetween): Record<string, unknown> {
  const range: Record<string, unknown>[] = []
  if (after) range.push({ posted_at: { $gt: new Date(after) } })
  if (before) range.push({ posted_at: { $lte: new Date(before) } })
  const known = { $and: range.length ? range : [{ posted_at: { $ne: null } }] }
  return include_unknown ? { $or: [known, { posted_at: null }] } : known
}

/**
 * `posted` posts, never-synced first, then the longest-unsynced, grouped by platform
 * within one sync time; ids only (posts are paged, never all loaded).
 */
export async function selectPostIdsForSync(
  store: Pick<InsightsStore, "listPostsInSyncOrder">,
  config: SocialsConfig,
  options: SelectPostsForSyncOptions
): Promise<{ ids: string[]; cursor: SyncCursor | null }> {
  const now = new Date()
  const and: Record<string, unknown>[] = [{ status: "posted" }]
  if (options.platform_id) {
    and.push({ platform_id: options.platform_id })
  }
  if (options.exclude_platform_ids?.length) {
    and.push({ platform_id: { $nin: options.exclude_platform_ids } })
  }
  if (options.due_only) {
    and.push({ next_sync_at: { $lte: now } })
  }
  if (options.after) {
    const { synced_at, platform_id, id } = options.after
    const sameSyncTime = synced_at === null ? null : new Date(synced_at)
    const afterWithinSyncTime = [
      { insights_synced_at: sameSyncTime, platform_id: { $gt: platform_id } },
      { insights_synced_at: sameSyncTime, platform_id, id: { $gt: id } },
    ]
    const laterSyncTime =
      sameSyncTime === null ? { insights_synced_at: { $ne: null } } : { insights_synced_at: { $gt: sameSyncTime } }
    and.push({ $or: [...afterWithinSyncTime, laterSyncTime] })
  }
  if (options.stale_only || options.syncable_only) {
    const staleBefore = Math.min(
      now.getTime() - config.freshnessWindowMs,
      options.synced_before ? Date.parse(options.synced_before) : Infinity
    )
    and.push({ $or: [{ insights_synced_at: null }, { insights_synced_at: { $lt: new Date(staleBefore) } }] })
  }
  if (options.syncable_only) {
    and.push({ platform: { status: "active" } }, hasPlatformPostId())
  }
  if (options.cadence_due) {
    and.push({ $or: [{ insights_synced_at: null }, { next_sync_at: { $lte: now } }] })
  }
  if (options.posted_between) {
    and.push(postedBetween(options.posted_between))
  }
  const posts = await store.listPostsInSyncOrder({ $and: and }, options.limit)
  const last = posts[posts.length - 1]
  return {
    ids: posts.map((p) => p.id),
    cursor: last
      ? {
          id: last.id,
          platform_id: last.platform_id,
          synced_at: last.insights_synced_at ? new Date(last.insights_synced_at).toISOString() : null,
        }
      : null,
  }
}
