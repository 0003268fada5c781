import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { resolveSocials } from "./resolve-socials"
import { leasePostSyncLocks } from "../utils/post-sync-locks"
import type { PostSyncOutcome, SyncMode } from "../../modules/socials/services/post-insights-service"

export type SyncPostsInsightsStepInput = {
  ids: string[]
  force?: boolean
  mode: SyncMode
}

export const SYNC_POSTS_INSIGHTS_STEP = "sync-posts-insights"

/** Waiting for another run's token refresh: a refresh is one HTTP call, bounded by the request timeout. */
const REFRESH_LOCK_TIMEOUT_SECONDS = 30

/**
 * Syncs posts under a per-post lock held for the whole sync (renewed while it
 * runs), so concurrent requests, the jobs and other processes never sync one post
 * twice at once: a post whose lock is held is reported as `sync_in_progress`.
 * Nothing to compensate: a sync only records what the platform said.
 */
export const syncPostsInsightsStep = createStep(
  SYNC_POSTS_INSIGHTS_STEP,
  async (input: SyncPostsInsightsStepInput, { container }) => {
    const socials = resolveSocials(container)
    const locking = container.resolve(Modules.LOCKING)
    const lease = await leasePostSyncLocks(locking, input.ids, {
      expireSeconds: socials.config.syncLockSeconds,
      logger: container.resolve(ContainerRegistrationKeys.LOGGER),
    })
    const busy: PostSyncOutcome[] = lease.busy.map((id) => ({
      postId: id,
      status: "skipped",
      code: "sync_in_progress",
      error: "A sync of this post is already running",
    }))
    try {
      const outcomes = lease.locked.length
        ? await socials.postInsights.syncPostsByIds(lease.locked, {
            force: input.force,
            mode: input.mode,
            // One token refresh per account at a time, across processes (X rotates refresh tokens).
            refreshLock: (key, job) => locking.execute(key, job, { timeout: REFRESH_LOCK_TIMEOUT_SECONDS }),
          })
        : []
      return new StepResponse([...outcomes, ...busy])
    } finally {
      await lease.release()
    }
  }
)
