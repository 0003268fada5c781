import type { SocialPlatform } from "../../insights/schema"
import { PlatformApiError } from "../http/platform-api-error"
import type { PlatformCredentials, RefreshedToken, SyncLogger } from "../types"

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
}

export interface TokenManagerOptions {
  platform: SocialPlatform
  credentials: PlatformCredentials
  /** Absent, or the credentials lack a refresh token: the token cannot be refreshed. */
  refresh?: (refreshToken: string) => Promise<RefreshedToken>
  onTokenRefreshed?: (token: RefreshedToken) => Promise<void> | void
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

  const refreshNow = (): Promise<void> => {
    // Concurrent calls that all saw a 401 share one refresh.
    inFlight ??= (async () => {
      if (!options.refresh || !refreshToken) return
      const fresh = await options.refresh(refreshToken)
      retired.push(accessToken)
      if (refreshToken && fresh.refreshToken && fresh.refreshToken !== refreshToken) retired.push(refreshToken)
      accessToken = fresh.accessToken
      refreshToken = fresh.refreshToken ?? refreshToken
      expiresAt = fresh.expiresAt?.getTime()
      refreshedOnce = true
      options.logger?.info(`${options.platform} access token refreshed for account ${options.credentials.accountId}`)
      await options.onTokenRefreshed?.({ accessToken, refreshToken, expiresAt: fresh.expiresAt })
    })().finally(() => {
      inFlight = undefined
    })
    return inFlight
  }

  return {
    current: () => accessToken,
    secrets,
    async withToken<T>(call: (token: string) => Promise<T>): Promise<T> {
      if (inFlight) await inFlight
      if (expiresAt !== undefined && expiresAt - EXPIRY_SKEW_MS <= now() && canRefresh() && !refreshedOnce) await refreshNow()
      const used = accessToken
      try {
        return await call(used)
      } catch (error) {
        if (!(error instanceof PlatformApiError) || !error.isAuth || !canRefresh()) throw error
        if (used !== accessToken) return call(accessToken)
        if (refreshedOnce) throw error
        await refreshNow()
        return call(accessToken)
      }
    },
  }
}

/** The error a token endpoint's refusal becomes: the account must be reconnected. */
export function refreshRefused(platform: SocialPlatform, status: number | undefined, detail: string | undefined, secrets: string[]): PlatformApiError {
  return new PlatformApiError({ platform, kind: "auth", status, code: "refresh_failed", expired: true, detail, secrets })
}
