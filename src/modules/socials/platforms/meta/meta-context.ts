import { accountBudget, httpConfigFromContext } from "../shared/http-context"
import { createTokenManager } from "../shared/token-manager"
import type { SyncContext } from "../types"
import { createGraphClient, type GraphClient } from "./graph-client"

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
