import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { ImportBusyError, type AccountImportLock } from "../../modules/socials/services/discover-new-posts"

export const importLockKey = (platformId: string) => `socials:import-posts:${platformId}`

/**
 * One import per account at a time, across processes (Medusa's Locking module):
 * "Import posts" and the hourly discovery both list and then create, so two at once
 * could each create the same new post. Waits up to `waitSeconds` for the lock, then
 * throws ImportBusyError (the job was never started).
 */
export function accountImportLock(container: MedusaContainer, waitSeconds: number): AccountImportLock {
  const locking = container.resolve(Modules.LOCKING)
  return async (platformId, job) => {
    let started = false
    try {
      return await locking.execute(
        importLockKey(platformId),
        () => {
          started = true
          return job()
        },
        { timeout: waitSeconds }
      )
    } catch (error) {
      if (!started) throw new ImportBusyError(`another import of platform ${platformId} is running`)
      throw error
    }
  }
}

/** The token refresh lock a step hands to the module's code (which cannot resolve another module). */
export function refreshLockOf(container: MedusaContainer, timeoutSeconds = 30) {
  const locking = container.resolve(Modules.LOCKING)
  return <T>(key: string, job: () => Promise<T>): Promise<T> => locking.execute(key, job, { timeout: timeoutSeconds })
}
