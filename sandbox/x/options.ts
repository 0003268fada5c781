import type { SandboxContext, TokenFixture, XEndpointLimit, XSandboxOptions } from "../types"

/** The X endpoints the sandbox serves, each with its own rate-limit bucket (§4.3). */
export type XEndpoint = "tweetsLookup" | "tweetById" | "searchRecent" | "searchAll" | "userById" | "userTweets"

const MINUTE_MS = 60_000
const DAY_MS = 24 * 60 * MINUTE_MS

/** §4.3: `user` is OAuth 2.0 user context, `app` the app-only Bearer. */
const DEFAULT_LIMITS: Record<XEndpoint, Required<XEndpointLimit>> = {
  tweetsLookup: { user: 5000, app: 3500 },
  tweetById: { user: 900, app: 450 },
  searchRecent: { user: 300, app: 450 },
  searchAll: { user: 300, app: 300 },
  userById: { user: 900, app: 300 },
  userTweets: { user: 900, app: 1500 },
}

/** X access tokens from the refresh grant live two hours. */
export const X_DEFAULT_TOKEN_TTL_SECONDS = 7200
/** non_public_metrics / organic_metrics are only served for posts created within 30 days. */
export const PRIVATE_METRICS_MAX_AGE_MS = 30 * DAY_MS
/** search/recent only sees the last 7 days; older replies need the full-archive search. */
export const SEARCH_RECENT_WINDOW_MS = 7 * DAY_MS

export function xOptions(ctx: SandboxContext): XSandboxOptions {
  return ctx.options.x ?? {}
}

export function isAppOnly(token: TokenFixture): boolean {
  return token.auth_type === "app_only"
}

export function endpointLimit(ctx: SandboxContext, endpoint: XEndpoint, token: TokenFixture): number {
  const configured = xOptions(ctx).rateLimits?.[endpoint]
  const key = isAppOnly(token) ? "app" : "user"
  return configured?.[key] ?? DEFAULT_LIMITS[endpoint][key]
}

export function rateLimitWindowMs(ctx: SandboxContext): number {
  return (xOptions(ctx).rateLimitWindowSeconds ?? 15 * 60) * 1000
}
