import { accountBudget, httpConfigFromContext } from "../shared/http-context"
import { createTokenManager } from "../shared/token-manager"
import type { SyncContext } from "../types"
import { createGraphClient, type GraphClient } from "./graph-client"
import { InMemoryRefusedMetricsStore, type RefusedMetricsStore } from "./refused-metrics"

/** A sync context as Meta reads it: tests may bring their own store of refused metrics. */
export type MetaSyncContext = SyncContext & { refusedMetrics?: RefusedMetricsStore }

/** Refusals are rules of Meta's for an account and version: remembered for the process, shared by its syncs. */
const PROCESS_REFUSED_METRICS = new InMemoryRefusedMetricsStore()

export function refusedMetricsOf(ctx: MetaSyncContext): RefusedMetricsStore {
  return ctx.refusedMetrics ?? PROCESS_REFUSED_METRICS
}

/**
 * Meta tokens cannot be refreshed with a refresh token (long-lived tokens are
 * re-issued through login), so an auth error goes straight to the caller.
 */
export function createMetaGraphClient(ctx: SyncContext, platform: "instagram" | "facebook", baseUrl: string): GraphClient {
  const tokens = createTokenManager({ platform, credentials: ctx.credentials, now: ctx.now, logger: ctx.logger })
  return createGraphClient({
    platform,
    baseUrl,
    version: ctx.config.metaGraphApiVersion,
    tokens,
    http: httpConfigFromContext(ctx),
    budgets: [accountBudget(ctx, platform)],
  })
}
