import { z } from "@medusajs/framework/zod"
import { PlatformApiError } from "../http/platform-api-error"
import { platformFetch, type PlatformHttpConfig } from "../http/platform-fetch"
import { createTokenManager, type TokenManager } from "../shared/token-manager"
import type { PlatformCredentials, RefreshedToken, SyncContext } from "../types"
import type { ThreadsConfig } from "./config"
import { refreshRefusedError } from "./errors"
import { THREADS } from "./platform-id"

const DAY_MS = 86_400_000
/**
 * Long-lived tokens last 60 days and can be renewed once at least 24 h old, but never once
 * expired (platform-onboarding §6.1). Renewing in the last week keeps every token far from
 * both edges, whatever the sync schedule.
 */
export const THREADS_REFRESH_WITHIN_MS = 7 * DAY_MS

const refreshAnswerSchema = z.looseObject({ access_token: z.string().min(1), expires_in: z.coerce.number().optional() })

function expiryMs(value: PlatformCredentials["tokenExpiresAt"]): number | undefined {
  if (value === undefined || value === null || value === "") return undefined
  const t = value instanceof Date ? value.getTime() : typeof value === "number" ? value : Date.parse(value)
  return Number.isNaN(t) ? undefined : t
}

/** GET /refresh_access_token?grant_type=th_refresh_token&access_token=…: the token renews itself (no refresh token, no app secret). */
export async function requestThreadsRefresh(config: ThreadsConfig, token: string, http: Omit<PlatformHttpConfig, "mapError" | "secrets">, secrets: () => string[], now: () => number): Promise<RefreshedToken> {
  const url = `${config.threadsGraphApiUrl}/refresh_access_token?${new URLSearchParams({ grant_type: "th_refresh_token", access_token: token })}`
  const res = await platformFetch(
    { platform: THREADS, method: "GET", url, operation: "threads.token_refresh" },
    {
      ...http,
      // A token endpoint is not a metrics endpoint: it has its own limits and no budget here.
      budgetStore: undefined,
      secrets: () => [...secrets(), token],
      mapError: (r) =>
        r.status >= 500 || r.status === 429
          ? new PlatformApiError({ platform: THREADS, kind: r.status === 429 ? "rate_limit" : "server", status: r.status, url: r.url, secrets: r.secrets })
          : refreshRefusedError(r.status, typeof r.body === "string" ? r.body : JSON.stringify(r.body ?? ""), r.secrets),
    }
  )
  const parsed = refreshAnswerSchema.safeParse(res.data)
  if (!parsed.success) throw refreshRefusedError(res.status, "refresh answered without an access_token", [...secrets(), token])
  const { access_token, expires_in } = parsed.data
  return { accessToken: access_token, expiresAt: expires_in !== undefined ? new Date(now() + expires_in * 1000) : undefined }
}

/**
 * The shared token manager, taught Threads' rules: the long-lived token is its own refresh
 * credential, and it is "due" a week before it expires (so the manager renews it then). A
 * renewal refused while the token still works (too young, a hiccup) keeps it in use; the
 * next API answer says whether it is really dead. One that cannot work any more
 * (expired, revoked) ends in "reconnect your Threads account".
 */
export function createThreadsTokens(ctx: SyncContext, config: ThreadsConfig, http: Omit<PlatformHttpConfig, "mapError" | "secrets">): TokenManager {
  const now = ctx.now ?? Date.now
  const realExpiry = expiryMs(ctx.credentials.tokenExpiresAt)
  const appSecret = config.threadsAppSecret ? [config.threadsAppSecret] : []
  let kept: string | undefined
  const tokens: TokenManager = createTokenManager({
    platform: THREADS,
    credentials: {
      ...ctx.credentials,
      refreshToken: ctx.credentials.accessToken,
      tokenExpiresAt: realExpiry === undefined ? undefined : realExpiry - THREADS_REFRESH_WITHIN_MS,
    },
    now,
    store: ctx.tokenStore,
    logger: ctx.logger,
    refresh: async () => {
      const current = tokens.current()
      try {
        return await requestThreadsRefresh(config, current, http, () => [...tokens.secrets(), ...appSecret], now)
      } catch (error) {
        const stillValid = realExpiry !== undefined && realExpiry > now()
        if (!(error instanceof PlatformApiError) || !error.isAuth || !stillValid) throw error
        ctx.logger?.warn(`threads: renewing the access token of account ${ctx.credentials.accountId} was refused (${error.status ?? "?"}); it stays in use until it expires`)
        kept = current
        return { accessToken: current, expiresAt: new Date(realExpiry) }
      }
    },
    // Nothing to save when the renewal was refused and the held token kept; the pair has no refresh token of its own.
    onTokenRefreshed: (t) => (t.accessToken === kept ? undefined : ctx.onTokenRefreshed?.({ accessToken: t.accessToken, expiresAt: t.expiresAt })),
  })
  return tokens
}
