import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import { resolveSocials } from "./resolve-socials"
import type { PostSyncOutcome, SyncMode } from "../../modules/socials/services/post-insights-service"

export type SyncPostsInsightsStepInput = {
  ids: string[]
  force?: boolean
  mode: SyncMode
}

export const SYNC_POSTS_INSIGHTS_STEP = "sync-posts-insights"

/** Waiting for another run's token refresh: a refresh is one HTTP call, bounded by the request timeout. */
const REFRESH_LOCK_TIMEOUT_SECONDS = 30

/** Locks held at most this long: a process killed mid-sync frees its posts after it. */
const LOCK_EXPIRE_SECONDS = 120

/**
 * Syncs posts under a per-post lock (Medusa's Locking module, Redis-backed when
 * REDIS_URL is set), so concurrent requests, the jobs and other processes never
 * sync one post twice at once: a post whose lock is held is reported as `locked`.
 * Nothing to compensate: a sync only records what the platform said.
 */
export const syncPostsInsightsStep = createStep(
  SYNC_POSTS_INSIGHTS_STEP,
  async (input: SyncPostsInsightsStepInput, { container }) => {
    const locking = container.resolve(Modules.LOCKING)
    const ownerId = `sync-${process.pid}-${Math.random().toString(36).slice(2)}`
    const locked: string[] = []
    const busy: PostSyncOutcome[] = []
    for (const id of input.ids) {
      try {
        // One key at a time: acquiring several at once keeps the first ones when a later one fails.
        await locking.acquire(postSyncLockKey(id), { ownerId, expire: LOCK_EXPIRE_SECONDS })
        locked.push(id)
      } catch {
        busy.push({ postId: id, status: "skipped", code: "sync_in_progress", error: "A sync of this post is already running" })
      }
    }
    try {
      const outcomes = locked.length
        ? await resolveSocials(container).postInsights.syncPostsByIds(locked, {
            force: input.force,
            mode: input.mode,
            // One token refresh per account at a time, across processes (X rotates refresh tokens).
            refreshLock: (key, job) => locking.execute(key, job, { timeout: REFRESH_LOCK_TIMEOUT_SECONDS }),
          })
        : []
      return new StepResponse([...outcomes, ...busy])
    } finally {
      if (locked.length) {
        await locking.release(locked.map(postSyncLockKey), { ownerId })
      }
    }
  }
)

export const postSyncLockKey = (postId: string) => `socials:post-sync:${postId}`
