import { fbtraceId, graphError, isGraphError, unknownError, unknownPath, unsupportedPost, type GraphError } from "../meta/graph-errors"
import type { SandboxReply, SandboxRequest } from "../types"
import { getUser, listThreads } from "./account"
import { getUserInsights } from "./user-insights"
import { authenticate, tokenOf } from "./auth"
import { getInsights, getMedia, getReplies } from "./edges"
import { refreshThreadsToken } from "./oauth"
import type { ThreadsRateLimiter } from "./rate-limit"
import type { ThreadsScope } from "./scope"
import type { ThreadsFixtures, ThreadsSandboxOptions } from "./types"

export interface ThreadsHandlerContext {
  fixtures: ThreadsFixtures
  options: ThreadsSandboxOptions
  limiter: ThreadsRateLimiter
  now: number
  /** Absolute root of the Threads host, e.g. "http://127.0.0.1:4010/threads". */
  baseUrl: string
  /** Consumes one armed server error (options.serverErrors); true when this call must fail. */
  takeServerError(): boolean
}

const NUMERIC_ID = /^\d+$/

/**
 * Threads API emulation (graph.threads.net): `/{version}/me`, `/{version}/me/threads` and
 * `/threads_insights` (or the user id), `/{version}/{media-id}`, its `/insights`, `/replies` and `/conversation` edges, and
 * `/refresh_access_token`. Errors use Graph's envelope; throttling answers code 4/17/613.
 */
export function handleThreadsRequest(req: SandboxRequest, ctx: ThreadsHandlerContext): SandboxReply {
  if (ctx.takeServerError()) return errorReply(unknownError())
  const segments = req.path.split("/").filter(Boolean)
  if (req.method !== "GET") return errorReply(unsupportedPost())
  if (segments.length === 1 && segments[0] === "refresh_access_token") {
    const out = refreshThreadsToken(ctx.fixtures, req.query, ctx.now, ctx.options.issuedTokenTtlSeconds)
    return { status: out.status, body: out.body, headers: baseHeaders() }
  }
  const [version, ...rest] = segments
  if (!version || !/^v\d+\.\d+$/.test(version)) return errorReply(unknownPath(req.path))
  if (!(ctx.options.activeVersions ?? ["v1.0"]).includes(version)) {
    return errorReply(graphError(12, `(#12) Version ${version} is not supported by the Threads API`))
  }
  const tokenValue = tokenOf(req.query, req.headers)
  const token = authenticate(ctx.fixtures, tokenValue, ctx.now)
  if (isGraphError(token)) return errorReply(token)
  const throttle = ctx.limiter.take(token.token, ctx.now)
  if (throttle) return errorReply(throttle, usage(ctx, token.token))

  const scope: ThreadsScope = { fixtures: ctx.fixtures, options: ctx.options, token, query: req.query, version, baseUrl: ctx.baseUrl, now: ctx.now }
  const body = route(scope, rest)
  if (isGraphError(body)) return errorReply(body, usage(ctx, token.token))
  return { status: 200, body, headers: { ...baseHeaders(), ...usage(ctx, token.token) } }
}

function route(scope: ThreadsScope, rest: string[]): unknown {
  const [id, edge, ...more] = rest
  const own = id === "me" || id === scope.token.user_id
  if (!id || more.length) return unknownPath(`/${rest.join("/")}`)
  if (own && !edge) return getUser(scope)
  if (own && edge === "threads") return listThreads(scope)
  if (own && edge === "threads_insights") return getUserInsights(scope)
  if (!NUMERIC_ID.test(id)) return unknownPath(`/${rest.join("/")}`)
  if (!edge) return getMedia(scope, id)
  if (edge === "insights") return getInsights(scope, id)
  if (edge === "replies" || edge === "conversation") return getReplies(scope, id, edge)
  return unknownPath(`/${rest.join("/")}`)
}

function usage(ctx: ThreadsHandlerContext, token: string): Record<string, string> {
  if (!ctx.options.appUsageHeader) return {}
  const pct = ctx.limiter.usagePercent(token, ctx.now)
  return { "x-app-usage": JSON.stringify({ call_count: pct, total_cputime: pct, total_time: pct }) }
}

function baseHeaders(): Record<string, string> {
  return { "x-fb-trace-id": fbtraceId(), "cache-control": "private, no-cache, no-store, must-revalidate" }
}

function errorReply(e: GraphError, extra: Record<string, string> = {}): SandboxReply {
  return { status: e.status, body: e.body, headers: { ...baseHeaders(), ...extra } }
}
