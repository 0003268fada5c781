import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { resolveSocials } from "./resolve-socials"

export type SelectPostsForSyncInput = {
  platform_id?: string
  limit: number
  /** Only posts whose next scheduled sync is due (the frequent job). */
  due_only?: boolean
  /** Skip posts touched since this time (a scheduled run pages without revisiting). */
  untouched_since?: string
  exclude_platform_ids?: string[]
}

export const SELECT_POSTS_FOR_SYNC_STEP = "select-posts-for-sync"

/** Picks `posted` posts, the longest-unsynced first (never-synced before all). */
export const selectPostsForSyncStep = createStep(
  SELECT_POSTS_FOR_SYNC_STEP,
  async (input: SelectPostsForSyncInput, { container }) => {
    const ids = await resolveSocials(container).postInsights.selectPostIdsForSync(input)
    return new StepResponse(ids)
  }
)
