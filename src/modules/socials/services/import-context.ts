import type { Logger } from "@medusajs/framework/types"
import type { SocialsConfig } from "../platforms/config"
import type { RateBudgetStore } from "../platforms/http/rate-budget"
import type { SyncContext } from "../platforms/types"
import type { StoredApiConfig } from "../utils/api-config"
import { accountMeter, type XReadCounterStore, type XReadMeter } from "../x-spend/meter"
import { X_NEAR_CAP_SHARE, type XSpendSettings } from "../x-spend/settings"
import type { InsightsStore } from "./insights-store"
import { createPlatformTokenStore, type RefreshLock } from "./platform-token-store"
import type { PlatformRecord } from "./sync-persistence"

export interface AccountContextStore {
  readonly config: SocialsConfig
  readonly budgetStore: RateBudgetStore
  insightsStore(): InsightsStore
  /** X only: where reads are counted, and the price and cap (the X spend counter). */
  readonly xSpend?: XSpendSettings
  xReadCounters?(): XReadCounterStore
}

/** The X read meter of an account (every post an import lists is a billed read). */
export function xReadMeterOf(socials: AccountContextStore, platform: PlatformRecord): XReadMeter | undefined {
  if (platform.provider !== "twitter" || !socials.xReadCounters || !socials.xSpend) return undefined
  return accountMeter(socials.xReadCounters(), platform.id, socials.xSpend, X_NEAR_CAP_SHARE)
}

/**
 * An account's client context as a sync builds it (its budgets, token store and refresh);
 * undefined without a token. `lock` (Medusa's Locking module, handed in by a step) makes a
 * refresh wait for one another process is doing, so X's single-use refresh token is spent once.
 */
export function accountContext(socials: AccountContextStore, platform: PlatformRecord, logger: Logger, lock?: RefreshLock): SyncContext | undefined {
  const store = socials.insightsStore()
  const secrets = store.openSecrets(platform.api_config as StoredApiConfig | null, platform.id)
  if (!secrets.accessToken) return undefined
  const tokens = createPlatformTokenStore(store, platform, logger, lock)
  return {
    config: socials.config,
    credentials: {
      accessToken: secrets.accessToken,
      refreshToken: secrets.refreshToken ?? undefined,
      tokenExpiresAt: secrets.tokenExpiresAt ?? undefined,
      authType: secrets.authType === "app_only" ? "app_only" : secrets.authType === "user_context" ? "user_context" : undefined,
      accountId: platform.account_id ?? "",
    },
    budgetStore: socials.budgetStore,
    logger,
    mode: "bulk",
    onTokenRefreshed: (token) => tokens.save(token),
    tokenStore: tokens,
    xReads: xReadMeterOf(socials, platform),
  }
}
