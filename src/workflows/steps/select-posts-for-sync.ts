import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { resolveSocials } from "./resolve-socials"
import type { SelectPostsForSyncOptions } from "../../modules/socials/services/select-posts"

export type SelectPostsForSyncInput = SelectPostsForSyncOptions

export const SELECT_POSTS_FOR_SYNC_STEP = "select-posts-for-sync"

/** Picks `posted` posts, the longest-unsynced first (never-synced before all). */
export const selectPostsForSyncStep = createStep(
  SELECT_POSTS_FOR_SYNC_STEP,
  async (input: SelectPostsForSyncInput, { container }) => {
    const selection = await resolveSocials(container).postInsights.selectPostIdsForSync(input)
    return new StepResponse(selection)
  }
)
