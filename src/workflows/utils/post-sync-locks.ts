import { MedusaError } from "@medusajs/framework/utils"
import type { ILockingModule, Logger } from "@medusajs/framework/types"

export const postSyncLockKey = (postId: string) => `socials:post-sync:${postId}`

/** Posts this sync holds (renewed until released) and posts another sync holds. */
export type PostSyncLease = { locked: string[]; busy: string[]; release: () => Promise<void> }

/**
 * Takes the per-post sync locks (Medusa's Locking module, Redis-backed when
 * REDIS_URL is set) and keeps them for as long as the sync runs: each lock lives
 * `expireSeconds` and is renewed every third of that, so a slow page never
 * outlives its locks while a process killed mid-sync frees its posts after at
 * most `expireSeconds`. A post locked by someone else is `busy`; a provider that
 * fails (Redis down) is an error for the whole sync, never a "sync in progress".
 */
export async function leasePostSyncLocks(
  locking: ILockingModule,
  postIds: string[],
  options: { expireSeconds: number; logger: Logger }
): Promise<PostSyncLease> {
  const ownerId = `sync-${process.pid}-${Math.random().toString(36).slice(2)}`
  const expire = options.expireSeconds
  const locked: string[] = []
  const busy: string[] = []
  for (const id of postIds) {
    try {
      // One key at a time: acquiring several at once keeps the first ones when a later one fails.
      await locking.acquire(postSyncLockKey(id), { ownerId, expire })
      locked.push(id)
    } catch (error) {
      if (isLockConflict(error)) {
        busy.push(id)
        continue
      }
      await releaseQuietly(locking, locked, ownerId, options.logger)
      throw lockingUnavailable(error, options.logger)
    }
  }
  const renewal = renewUntilStopped(locking, locked, ownerId, expire, options.logger)
  return {
    locked,
    busy,
    release: async () => {
      await renewal.stop()
      await releaseQuietly(locking, locked, ownerId, options.logger)
    },
  }
}

/** Re-acquiring with the same owner extends a lock in every provider (in-memory, Redis, Postgres). */
function renewUntilStopped(locking: ILockingModule, ids: string[], ownerId: string, expire: number, logger: Logger) {
  const intervalMs = Math.max(250, Math.floor((expire * 1000) / 3))
  let stopped = !ids.length
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()
  const renew = async () => {
    for (const id of ids) {
      if (stopped) {
        return
      }
      try {
        await locking.acquire(postSyncLockKey(id), { ownerId, expire })
      } catch (error) {
        // Two more tries remain before the lock lapses; the sync itself goes on.
        logger.warn(`socials: could not renew the sync lock of post ${id}: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
  }
  const schedule = () => {
    if (stopped) {
      return
    }
    timer = setTimeout(() => {
      running = renew().finally(schedule)
    }, intervalMs)
    timer.unref?.()
  }
  schedule()
  return {
    stop: async () => {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}

async function releaseQuietly(locking: ILockingModule, ids: string[], ownerId: string, logger: Logger): Promise<void> {
  if (!ids.length) {
    return
  }
  try {
    await locking.release(ids.map(postSyncLockKey), { ownerId })
  } catch (error) {
    // The locks expire on their own; the sync's result stands.
    logger.warn(`socials: could not release ${ids.length} sync lock(s): ${error instanceof Error ? error.message : String(error)}`)
  }
}

/**
 * A refusal because another owner holds the key. The Redis provider throws a
 * CONFLICT MedusaError; the in-memory and Postgres providers plain errors with
 * these messages. Anything else (a connection error, a timeout) is the provider failing.
 */
export function isLockConflict(error: unknown): boolean {
  if (error instanceof MedusaError) {
    return error.type === MedusaError.Types.CONFLICT
  }
  return error instanceof Error && /^Failed to acquire lock for key|is already locked\.$/.test(error.message)
}

function lockingUnavailable(error: unknown, logger: Logger): MedusaError {
  logger.error(`socials: the locking provider failed while locking posts for a sync: ${error instanceof Error ? error.message : String(error)}`)
  return new MedusaError(
    MedusaError.Types.UNEXPECTED_STATE,
    "Could not lock the posts for a sync: the locking provider (Medusa's Locking module; Redis when REDIS_URL is set) " +
      "is not answering. Nothing was synced; see the server log, then try again."
  )
}
