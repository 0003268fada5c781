import type SocialsModuleService from "../service"
import type { SocialsConfig } from "../platforms/config"

export type SelectPostsForSyncOptions = {
  platform_id?: string
  limit: number
  /** Only posts whose next scheduled sync is due (sync after publish, cadence). */
  due_only?: boolean
  /** Only posts not updated since this time: a scheduled run pages without revisiting. */
  untouched_since?: string
  /** Platforms whose budget ran out during this run. */
  exclude_platform_ids?: string[]
  /** Only posts not synced within the freshness window (scheduled runs). */
  stale_only?: boolean
}

/** `posted` posts, never-synced first, then the longest-unsynced; ids only (posts are paged, never all loaded). */
export async function selectPostIdsForSync(
  socials: SocialsModuleService,
  config: SocialsConfig,
  options: SelectPostsForSyncOptions
): Promise<string[]> {
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
  if (options.untouched_since) {
    and.push({ updated_at: { $lt: new Date(options.untouched_since) } })
  }
  if (options.stale_only) {
    and.push({
      $or: [
        { insights_synced_at: null },
        { insights_synced_at: { $lt: new Date(now.getTime() - config.freshnessWindowMs) } },
      ],
    })
  }
  const posts = await socials.listSocialPosts(
    { $and: and },
    { select: ["id"], take: options.limit, order: { insights_synced_at: "ASC NULLS FIRST", id: "ASC" } }
  )
  return posts.map((p) => p.id)
}
