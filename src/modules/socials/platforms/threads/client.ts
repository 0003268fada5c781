import { PlatformApiError } from "../http/platform-api-error"
import { platformFetch, type PlatformHttpConfig, type PlatformResponse } from "../http/platform-fetch"
import { budgetKey, type BudgetRule } from "../http/rate-budget"
import { httpConfigFromContext } from "../shared/http-context"
import type { TokenManager } from "../shared/token-manager"
import type { SyncContext } from "../types"
import { threadsConfigOf, type ThreadsConfig } from "./config"
import { threadsDialect } from "./dialect"
import { withThreadsWording } from "./errors"
import { THREADS } from "./platform-id"
import { createThreadsTokens } from "./token-refresh"

export interface ThreadsClient {
  readonly config: ThreadsConfig
  tokens: TokenManager
  /** GET `/{version}/{path}` ("{media-id}/insights", "me"); query without the token. */
  get(path: string, query: Record<string, string>, operation: string): Promise<PlatformResponse>
}

/** The account's budget on Threads (one app–user pair). */
export function threadsBudget(ctx: SyncContext, config: ThreadsConfig): BudgetRule {
  const owner = { accountId: ctx.credentials.accountId, accessToken: ctx.credentials.accessToken }
  return { key: budgetKey(THREADS, owner), ...config.budget }
}

/**
 * Threads API over HTTP, auth only: the token goes in the Authorization header (Graph hosts
 * take it there; UNCONFIRMED for graph.threads.net, whose docs show `access_token` in the
 * query), so no URL we send, log or store carries it. Long-lived tokens are renewed near
 * their expiry (createThreadsTokens).
 */
export function createThreadsClient(ctx: SyncContext, config: ThreadsConfig = threadsConfigOf(ctx)): ThreadsClient {
  const http = httpConfigFromContext(ctx)
  const tokens = createThreadsTokens(ctx, config, http)
  const appSecret = config.threadsAppSecret ? [config.threadsAppSecret] : []
  const httpConfig: PlatformHttpConfig = { ...http, dialect: threadsDialect, secrets: () => [...tokens.secrets(), ...appSecret] }
  const root = `${config.threadsGraphApiUrl}/${config.threadsApiVersion}`
  const budgets = [threadsBudget(ctx, config)]

  return {
    config,
    tokens,
    async get(path, query, operation) {
      const qs = new URLSearchParams(query).toString()
      const url = `${root}/${path}${qs ? `?${qs}` : ""}`
      try {
        return await tokens.withToken((token) =>
          platformFetch({ platform: THREADS, method: "GET", url, headers: { authorization: `Bearer ${token}` }, budgets, operation: `threads.${operation}` }, httpConfig)
        )
      } catch (e) {
        throw e instanceof PlatformApiError ? withThreadsWording(e) : e
      }
    },
  }
}
