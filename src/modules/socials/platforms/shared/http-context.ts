import type { SocialPlatform } from "../../insights/schema"
import { retryPolicyFromConfig } from "../config"
import type { PlatformHttpConfig } from "../http/platform-fetch"
import { budgetKey, type BudgetRule } from "../http/rate-budget"
import { sharedRequestLimit } from "../http/request-limit"
import type { SyncContext } from "../types"

/** Transport settings every platform client shares, from the module config and the test seams. */
export function httpConfigFromContext(ctx: SyncContext): Omit<PlatformHttpConfig, "mapError" | "secrets"> {
  return {
    timeoutMs: ctx.config.requestTimeoutMs,
    retry: retryPolicyFromConfig(ctx.config),
    budgetStore: ctx.budgetStore,
    usageThresholds: {
      slowPercent: ctx.config.usageSlowPercent,
      stopPercent: ctx.config.usageStopPercent,
      slowPauseMs: Math.min(1_000, ctx.config.maxWaitMs),
      stopCooldownMs: 5 * 60_000,
    },
    onRequest: ctx.onRequest,
    limit: ctx.requestLimit ?? sharedRequestLimit(ctx.config, ctx.config.concurrency),
    fetch: ctx.fetch,
    sleep: ctx.sleep,
    random: ctx.random,
    now: ctx.now,
  }
}

/** The account's budget on this platform (optionally one endpoint group, as X counts per endpoint). */
export function accountBudget(ctx: SyncContext, platform: SocialPlatform, group?: string): BudgetRule {
  const { limit, windowMs } = ctx.config.budgets[platform]
  return { key: budgetKey(platform, { accountId: ctx.credentials.accountId, accessToken: ctx.credentials.accessToken }, group), limit, windowMs }
}

export function syncMode(ctx: SyncContext, targetCount: number): "single" | "bulk" {
  return ctx.mode ?? (targetCount <= 1 ? "single" : "bulk")
}
