import type { PlatformHandler, SandboxContext, SandboxReply, SandboxRequest, TokenFixture } from "../types"
import { authenticate, hasReadScopes } from "./auth"
import { handleXConnect } from "./oauth-connect"
import { refreshXToken } from "./oauth-token"
import { xOptions, type XEndpoint } from "./options"
import { clientNotEnrolled, forbidden, pageNotFound, rateLimited, reply, unauthorized, usageCapped } from "./problems"
import { takeRateLimit } from "./rate-limit"
import { searchAll, searchRecent } from "./search-recent"
import { lookupTweet, lookupTweets } from "./tweets-lookup"
import { lookupUser } from "./users-lookup"
import { userTweets } from "./user-tweets"
import { isUsageCapped } from "./usage"

interface Route {
  endpoint: XEndpoint
  run(ctx: SandboxContext, token: TokenFixture, query: URLSearchParams): SandboxReply
}

function route(req: SandboxRequest): Route | undefined {
  if (req.method !== "GET") return undefined
  const path = req.path.replace(/\/+$/, "")
  if (path === "/2/tweets") return { endpoint: "tweetsLookup", run: lookupTweets }
  if (path === "/2/tweets/search/recent") return { endpoint: "searchRecent", run: searchRecent }
  if (path === "/2/tweets/search/all") return { endpoint: "searchAll", run: searchAll }
  const timeline = /^\/2\/users\/([^/]+)\/tweets$/.exec(path)
  if (timeline) return { endpoint: "userTweets", run: (ctx, token, query) => userTweets(ctx, token, query, safeDecode(timeline[1])) }
  const user = /^\/2\/users\/([^/]+)$/.exec(path)
  if (user) return { endpoint: "userById", run: (ctx, token, query) => lookupUser(ctx, token, query, safeDecode(user[1])) }
  const single = /^\/2\/tweets\/([^/]+)$/.exec(path)
  if (single) {
    const id = safeDecode(single[1])
    return { endpoint: "tweetById", run: (ctx, token, query) => lookupTweet(ctx, token, query, id) }
  }
  return undefined
}

/** A malformed escape is left as is; the id check then answers it with X's 400. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

function withHeaders(r: SandboxReply, headers: Record<string, string>): SandboxReply {
  return { ...r, headers: { ...headers, ...r.headers } }
}

/**
 * X API v2 under /x. Order of checks: token (401) → per-token, per-endpoint 15-minute window
 * (429) → monthly usage cap (429) → scopes (403) → the endpoint. Every answer after a valid
 * token carries the x-rate-limit-* headers.
 */
export const handleXRequest: PlatformHandler = (req, ctx) => {
  const connect = handleXConnect(req, ctx)
  if (connect) return connect
  if (req.path === "/2/oauth2/token" && req.method === "POST") return refreshXToken(req, ctx)
  const target = route(req)
  if (!target) return pageNotFound()

  const token = authenticate(req, ctx)
  if (!token) return unauthorized()
  if (xOptions(ctx).clientNotEnrolled) return clientNotEnrolled()
  const limit = takeRateLimit(ctx, target.endpoint, token)
  if (limit.exceeded) return reply(429, rateLimited(xOptions(ctx).rateLimitBody ?? "problem"), xOptions(ctx).omitRateLimitHeaders ? undefined : limit.headers)
  if (isUsageCapped(ctx)) return reply(429, usageCapped(), limit.headers)
  if (!hasReadScopes(token)) return withHeaders(forbidden(), limit.headers)
  return withHeaders(target.run(ctx, token, req.query), limit.headers)
}
