import type { PlatformHttpConfig, PlatformResponse } from "../http/platform-fetch"
import { PlatformApiError } from "../http/platform-api-error"
import { platformFetch } from "../http/platform-fetch"
import { pauseBudget, type BudgetRule } from "../http/rate-budget"
import { accountBudget, httpConfigFromContext } from "../shared/http-context"
import { refreshOAuthToken } from "../shared/oauth-refresh"
import { createTokenManager, type TokenManager } from "../shared/token-manager"
import type { SyncContext } from "../types"
import { xDialect } from "./dialect"

/** X counts each endpoint in its own 15-minute window (users-lookup: the daily account snapshot; user-tweets: the import). */
export type XEndpointGroup = "tweets-lookup" | "search-recent" | "search-all" | "users-lookup" | "user-tweets"

const GROUPS: XEndpointGroup[] = ["tweets-lookup", "search-recent", "search-all", "users-lookup", "user-tweets"]

/** search/all also allows only one request per second (§4.3): a local budget spaces them out. */
function endpointBudgets(ctx: SyncContext, group: XEndpointGroup): BudgetRule[] {
  const rules = [accountBudget(ctx, "twitter", group)]
  if (group === "search-all") rules.push({ ...accountBudget(ctx, "twitter", "search-all-1s"), limit: 1, windowMs: 1_000 })
  return rules
}

export interface XClient {
  tokens: TokenManager
  get(path: string, query: Record<string, string>, group: XEndpointGroup): Promise<PlatformResponse>
}

/**
 * X API v2 over Bearer auth. User-context OAuth 2.0 tokens last about two hours;
 * with a refresh token and X_CLIENT_ID configured they are refreshed (and the new
 * pair handed to onTokenRefreshed) instead of failing the sync.
 */
export function createXClient(ctx: SyncContext): XClient {
  const base = ctx.config.xApiUrl
  const http = httpConfigFromContext(ctx)
  const now = ctx.now ?? Date.now
  const clientId = ctx.config.xClientId
  const clientSecret = ctx.config.xClientSecret
  const tokens: TokenManager = createTokenManager({
    platform: "twitter",
    credentials: ctx.credentials,
    now,
    onTokenRefreshed: ctx.onTokenRefreshed,
    store: ctx.tokenStore,
    logger: ctx.logger,
    refresh: clientId
      ? (refreshToken) =>
          refreshOAuthToken({
            platform: "twitter",
            url: `${base}/2/oauth2/token`,
            // Confidential clients authenticate with Basic; public (PKCE) clients send client_id only.
            headers: clientSecret ? { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}` } : undefined,
            form: { grant_type: "refresh_token", refresh_token: refreshToken, client_id: clientId },
            http,
            secrets: () => [...tokens.secrets(), ...(clientSecret ? [clientSecret] : [])],
            now,
          })
      : undefined,
  })
  const config: PlatformHttpConfig = { ...http, dialect: xDialect, secrets: () => tokens.secrets() }

  return {
    tokens,
    async get(path, query, group) {
      const url = `${base}${path}?${new URLSearchParams(query).toString()}`
      try {
        return await tokens.withToken((token) =>
          platformFetch({ platform: "twitter", method: "GET", url, headers: { authorization: `Bearer ${token}` }, budgets: endpointBudgets(ctx, group), operation: `twitter.${group}` }, config)
        )
      } catch (e) {
        // The usage cap covers every endpoint, not just the one that hit it (platformFetch paused that one).
        if (e instanceof PlatformApiError && e.code === "usage-capped" && e.retryAfterMs) {
          for (const other of GROUPS) await pauseBudget(ctx.budgetStore, accountBudget(ctx, "twitter", other).key, now() + e.retryAfterMs)
        }
        throw e
      }
    },
  }
}
