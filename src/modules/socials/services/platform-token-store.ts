import type { Logger } from "@medusajs/framework/types"
import type { InsightsStore } from "./insights-store"
import type { RefreshedToken, TokenStore } from "../platforms/types"
import type { StoredApiConfig } from "../utils/api-config"
import type { PlatformRecord } from "./sync-persistence"

/**
 * Runs `job` holding `key` across processes (Medusa's Locking module; the
 * workflow step passes it in, as a module cannot resolve another module).
 */
export type RefreshLock = <T>(key: string, job: () => Promise<T>) => Promise<T>

export const tokenRefreshLockKey = (platformId: string) => `socials:token-refresh:${platformId}`

export interface PlatformTokenStore extends TokenStore {
  /** Seals and saves a refreshed pair (the account is usable again). */
  save(token: RefreshedToken): Promise<void>
  /**
   * The sealed access token this run last knew to be stored (as read, or as it
   * saved). The platform is marked needs_reconnect only while it is still this
   * one: a refusal of a token someone has replaced says nothing about the account.
   */
  knownSealedToken(): string | null
}

/** One platform's stored tokens, as the sync of one group of its posts sees them. */
export function createPlatformTokenStore(
  store: Pick<InsightsStore, "readApiConfig" | "openSecrets" | "saveRefreshedToken">,
  platform: PlatformRecord,
  logger: Logger,
  lock?: RefreshLock
): PlatformTokenStore {
  let stored = (platform.api_config as StoredApiConfig | null) ?? null
  const sealed = () => stored?.access_token_encrypted ?? null

  return {
    // Without a lock (no Locking module handed in) refreshes still re-read the stored pair first.
    withRefreshLock: (job) => (lock ? lock(tokenRefreshLockKey(platform.id), job) : job()),
    async read() {
      const current = await store.readApiConfig(platform.id)
      if (current === undefined) return undefined
      try {
        const secrets = store.openSecrets(current, platform.id)
        stored = current
        if (!secrets.accessToken) return undefined
        return {
          accessToken: secrets.accessToken,
          refreshToken: secrets.refreshToken ?? undefined,
          tokenExpiresAt: secrets.tokenExpiresAt ?? undefined,
        }
      } catch (error) {
        // Unreadable now (key changed mid-run): keep the pair this run holds.
        logger.warn(`socials: cannot re-read the token of platform ${platform.id}: ${error instanceof Error ? error.message : String(error)}`)
        return undefined
      }
    },
    async save(token) {
      stored = await store.saveRefreshedToken(
        platform,
        {
          access_token: token.accessToken,
          ...(token.refreshToken ? { refresh_token: token.refreshToken } : {}),
          token_expires_at: token.expiresAt ? token.expiresAt.toISOString() : null,
        },
        stored
      )
    },
    knownSealedToken: sealed,
  }
}
