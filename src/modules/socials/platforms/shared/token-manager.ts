import type { SocialPlatform } from "../../insights/schema"
import { PlatformApiError } from "../http/platform-api-error"
import type { PlatformCredentials, RefreshedToken, SyncLogger, TokenStore } from "../types"

/** Refresh this long before the stored expiry so a token does not die mid-batch. */
const EXPIRY_SKEW_MS = 60_000

export interface TokenManager {
  current(): string
  /** Every token in play, for redaction. */
  secrets(): string[]
  /**
   * Runs `call` with a usable token: refreshes first when the stored one has
   * expired, and refreshes + retries once when the platform answers 401.
   */
  withToken<T>(call: (token: string) => Promise<T>): Promise<T>
  /**
   * Refreshes now, whatever the expiry (the daily token job renews ahead of it), under
   * the store's lock and after re-reading the stored pair. "renewed": a new access token
   * is in use and saved (or another run's, adopted); "unchanged": the platform kept the
   * held one; "not_renewable": nothing to refresh with. A refusal throws (reconnect).
   */
  renew(): Promise<RenewOutcome>
}

export type RenewOutcome = "renewed" | "unchanged" | "not_renewable"

export interface TokenManagerOptions {
  platform: SocialPlatform
  credentials: PlatformCredentials
  /** Absent, or the credentials lack a refresh token: the token cannot be refreshed. */
  refresh?: (refreshToken: string) => Promise<RefreshedToken>
  onTokenRefreshed?: (token: RefreshedToken) => Promise<void> | void
  /**
   * Where the pair is stored, shared with other runs and processes: a refresh holds
   * its lock and first re-reads it, so one rotation of X's refresh token is not
   * spent twice (the second would get invalid_grant with a valid pair stored).
   */
  store?: TokenStore
  now?: () => number
  logger?: SyncLogger
}

function expiryMs(value: PlatformCredentials["tokenExpiresAt"]): number | undefined {
  if (value === undefined || value === null || value === "") return undefined
  const t = value instanceof Date ? value.getTime() : typeof value === "number" ? value : Date.parse(value)
  return Number.isNaN(t) ? undefined : t
}

export function createTokenManager(options: TokenManagerOptions): TokenManager {
  const now = options.now ?? Date.now
  let accessToken = options.credentials.accessToken
  let refreshToken = options.credentials.refreshToken
  let expiresAt = expiryMs(options.credentials.tokenExpiresAt)
  const retired: string[] = []
  let inFlight: Promise<void> | undefined
  let refreshedOnce = false

  const canRefresh = (): boolean => !!options.refresh && !!refreshToken
  const secrets = (): string[] => [accessToken, refreshToken, ...retired].filter((s): s is string => !!s)

  const use = (next: { accessToken: string; refreshToken?: string; expiresAt?: number }) => {
    if (next.accessToken !== accessToken) retired.push(accessToken)
    if (refreshToken && next.refreshToken && next.refreshToken !== refreshToken) retired.push(refreshToken)
    accessToken = next.accessToken
    refreshToken = next.refreshToken ?? refreshToken
    expiresAt = next.expiresAt
    refreshedOnce = true
  }

  /** Takes the stored pair when another run replaced the one this run holds; true if it did. */
  const adoptStored = async (held: string): Promise<boolean> => {
    const stored = await options.store?.read()
    if (!stored?.accessToken || stored.accessToken === held) return false
    use({ accessToken: stored.accessToken, refreshToken: stored.refreshToken, expiresAt: expiryMs(stored.tokenExpiresAt) })
    options.logger?.info(`${options.platform} access token of account ${options.credentials.accountId} was refreshed by another run; using it`)
    return true
  }

  const refreshHeld = async (held: string): Promise<void> => {
    if (await adoptStored(held)) return
    if (!options.refresh || !refreshToken) return
    let fresh: RefreshedToken
    try {
      fresh = await options.refresh(refreshToken)
    } catch (error) {
      // Refused, but the stored pair moved on meanwhile (a run without the lock, a reconnect): not our token's fault.
      if (error instanceof PlatformApiError && error.isAuth && (await adoptStored(held))) return
      throw error
    }
    use({ accessToken: fresh.accessToken, refreshToken: fresh.refreshToken, expiresAt: fresh.expiresAt?.getTime() })
    options.logger?.info(`${options.platform} access token refreshed for account ${options.credentials.accountId}`)
    // Saved before the lock is released: the next run re-reads this pair instead of refreshing again.
    await options.onTokenRefreshed?.({ accessToken, refreshToken, expiresAt: fresh.expiresAt })
  }

  const refreshNow = (): Promise<void> => {
    // Concurrent calls of this run that all saw a 401 share one refresh; other runs wait on the store's lock.
    inFlight ??= (async () => {
      const held = accessToken
      await (options.store ? options.store.withRefreshLock(() => refreshHeld(held)) : refreshHeld(held))
    })().finally(() => {
      inFlight = undefined
    })
    return inFlight
  }

  return {
    current: () => accessToken,
    secrets,
    async renew(): Promise<RenewOutcome> {
      if (!canRefresh()) return "not_renewable"
      const held = accessToken
      await refreshNow()
      return accessToken !== held ? "renewed" : "unchanged"
    },
    async withToken<T>(call: (token: string) => Promise<T>): Promise<T> {
      if (inFlight) await inFlight
      if (expiresAt !== undefined && expiresAt - EXPIRY_SKEW_MS <= now() && canRefresh() && !refreshedOnce) await refreshNow()
      const used = accessToken
      try {
        return await call(used)
      } catch (error) {
        if (!(error instanceof PlatformApiError) || !error.isAuth) throw error
        // Once per run: take a pair another run stored meanwhile, else refresh (both shared by concurrent calls).
        if (used === accessToken && !refreshedOnce && (canRefresh() || options.store)) await refreshNow()
        if (used === accessToken) throw error
        return call(accessToken)
      }
    },
  }
}

/** The error a token endpoint's refusal becomes: the account must be reconnected. */
export function refreshRefused(platform: SocialPlatform, status: number | undefined, detail: string | undefined, secrets: string[]): PlatformApiError {
  return new PlatformApiError({ platform, kind: "auth", status, code: "refresh_failed", expired: true, detail, secrets })
}
