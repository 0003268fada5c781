import { platformFetch, type PlatformHttpConfig, type PlatformResponse } from "../http/platform-fetch"
import { accountBudget, httpConfigFromContext } from "../shared/http-context"
import { refreshOAuthToken } from "../shared/oauth-refresh"
import { createTokenManager, type TokenManager } from "../shared/token-manager"
import type { SyncContext } from "../types"
import { linkedinDialect } from "./dialect"

export interface LinkedInClient {
  tokens: TokenManager
  /** `pathAndQuery` below /rest, already Rest.li-encoded (URLSearchParams would re-encode List(...)). */
  get(pathAndQuery: string, operation: string): Promise<PlatformResponse>
}

/**
 * LinkedIn versioned REST: every call carries LinkedIn-Version (sunset versions
 * answer 426) and X-Restli-Protocol-Version 2.0.0. Tokens last 60 days; refresh
 * tokens exist for approved partners only, so refresh needs LINKEDIN_CLIENT_ID/SECRET.
 */
export function createLinkedInClient(ctx: SyncContext): LinkedInClient {
  const base = ctx.config.linkedinApiUrl
  const http = httpConfigFromContext(ctx)
  const now = ctx.now ?? Date.now
  const { linkedinClientId: clientId, linkedinClientSecret: clientSecret } = ctx.config
  const tokens: TokenManager = createTokenManager({
    platform: "linkedin",
    credentials: ctx.credentials,
    now,
    onTokenRefreshed: ctx.onTokenRefreshed,
    store: ctx.tokenStore,
    logger: ctx.logger,
    refresh:
      clientId && clientSecret
        ? (refreshToken) =>
            refreshOAuthToken({
              platform: "linkedin",
              url: `${base}/oauth/v2/accessToken`,
              form: { grant_type: "refresh_token", refresh_token: refreshToken, client_id: clientId, client_secret: clientSecret },
              http,
              secrets: () => [...tokens.secrets(), clientSecret],
              now,
            })
        : undefined,
  })
  const config: PlatformHttpConfig = { ...http, dialect: linkedinDialect, secrets: () => tokens.secrets() }

  return {
    tokens,
    get(pathAndQuery, operation) {
      return tokens.withToken((token) =>
        platformFetch(
          {
            platform: "linkedin",
            method: "GET",
            url: `${base}/rest/${pathAndQuery}`,
            headers: {
              authorization: `Bearer ${token}`,
              "linkedin-version": ctx.config.linkedinApiVersion,
              "x-restli-protocol-version": "2.0.0",
            },
            budgets: [accountBudget(ctx, "linkedin")],
            operation: `linkedin.${operation}`,
          },
          config
        )
      )
    },
  }
}
