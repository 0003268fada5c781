import type { SandboxContext, SandboxReply, TokenFixture, TweetFixture } from "../types"
import { xOptions } from "./options"
import { checkParams, FIELD_PARAMS, fieldSelection, listParam, TWEET_ID_PATTERN } from "./params"
import { invalidRequest, privateMetricsForbidden, reply, type ParameterError } from "./problems"
import { asksPrivateMetrics, canReadPrivateMetrics, TweetRenderer } from "./render"
import { recordPostReads } from "./usage"

const TIMELINE_PARAMS = ["max_results", "pagination_token", "exclude", "since_id", "until_id", "start_time", "end_time", ...FIELD_PARAMS]
/** "3,200 most recent" posts are reachable; past them X answers 200 with no data. */
export const X_TIMELINE_REACH = 3200

/** Newest first: by time, ties by the larger snowflake. */
function newestFirst(a: TweetFixture, b: TweetFixture): number {
  const byTime = Date.parse(b.created_at) - Date.parse(a.created_at)
  if (byTime) return byTime
  return BigInt(b.id) > BigInt(a.id) ? 1 : BigInt(b.id) < BigInt(a.id) ? -1 : 0
}

/** The cursor is opaque on X; here it is the offset in the user's timeline, base64url. */
const encodeToken = (offset: number) => Buffer.from(`o:${offset}`).toString("base64url")
function decodeToken(raw: string): number | undefined {
  const m = /^o:(\d+)$/.exec(Buffer.from(raw, "base64url").toString("utf8"))
  return m ? Number(m[1]) : undefined
}

interface TimelineQuery {
  maxResults: number
  offset: number
  excludeReplies: boolean
  excludeRetweets: boolean
  /** since_id / until_id: exclusive bounds on the snowflake id. */
  sinceId?: bigint
  untilId?: bigint
  /** start_time (inclusive) / end_time (exclusive), epoch ms. */
  startMs?: number
  endMs?: number
}

/** YYYY-MM-DDTHH:mm:ssZ, as X documents it (RFC 3339 at second granularity; milliseconds are accepted too). */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/

function parseTimeline(query: URLSearchParams): TimelineQuery | ParameterError[] {
  const errors = checkParams(query, TIMELINE_PARAMS)
  const rawMax = query.get("max_results") ?? "10"
  const maxResults = Number(rawMax)
  if (!Number.isInteger(maxResults) || maxResults < 5 || maxResults > 100) {
    errors.push({ parameters: { max_results: [rawMax] }, message: `The \`max_results\` query parameter value [${rawMax}] is not between 5 and 100` })
  }
  const exclude = listParam(query, "exclude")
  for (const value of exclude) {
    if (value !== "replies" && value !== "retweets") {
      errors.push({ parameters: { exclude: [value] }, message: `The \`exclude\` query parameter value [${value}] is not one of [replies,retweets]` })
    }
  }
  const token = query.get("pagination_token")
  const offset = token ? decodeToken(token) : 0
  if (offset === undefined) {
    errors.push({ parameters: { pagination_token: [token ?? ""] }, message: `The \`pagination_token\` query parameter value [${token}] is not valid` })
  }
  const ids: Partial<Record<"since_id" | "until_id", bigint>> = {}
  for (const name of ["since_id", "until_id"] as const) {
    const value = query.get(name)
    if (value === null) continue
    if (TWEET_ID_PATTERN.test(value)) ids[name] = BigInt(value)
    else errors.push({ parameters: { [name]: [value] }, message: `The \`${name}\` query parameter value [${value}] does not match ${TWEET_ID_PATTERN.source}` })
  }
  const times: Partial<Record<"start_time" | "end_time", number>> = {}
  for (const name of ["start_time", "end_time"] as const) {
    const value = query.get(name)
    if (value === null) continue
    if (TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value))) times[name] = Date.parse(value)
    else errors.push({ parameters: { [name]: [value] }, message: `Invalid '${name}':'${value}'. '${name}' must be a valid timestamp in YYYY-MM-DDTHH:mm:ssZ` })
  }
  if (errors.length) return errors
  return {
    maxResults,
    offset: offset ?? 0,
    excludeReplies: exclude.includes("replies"),
    excludeRetweets: exclude.includes("retweets"),
    sinceId: ids.since_id,
    untilId: ids.until_id,
    startMs: times.start_time,
    endMs: times.end_time,
  }
}

function kept(t: TweetFixture, q: TimelineQuery): boolean {
  const refs = t.referenced_tweets ?? []
  if (q.excludeReplies && refs.some((r) => r.type === "replied_to")) return false
  if (q.excludeRetweets && refs.some((r) => r.type === "retweeted")) return false
  if (q.sinceId !== undefined && BigInt(t.id) <= q.sinceId) return false
  if (q.untilId !== undefined && BigInt(t.id) >= q.untilId) return false
  const at = Date.parse(t.created_at)
  if (q.startMs !== undefined && at < q.startMs) return false
  if (q.endMs !== undefined && at >= q.endMs) return false
  return true
}

/**
 * GET /2/users/:id/tweets: the user's posts newest first, `max_results` 5–100 (default 10),
 * `meta.next_token` → `pagination_token`, `exclude=replies,retweets`, `since_id`/`until_id`
 * (exclusive ids) and `start_time` (inclusive)/`end_time` (exclusive). Every returned post is a
 * billed read; posts left out by these bounds are not. Only the newest 3,200 are reachable
 * (past them: 200, `result_count: 0`), bounds or not.
 */
export function userTweets(ctx: SandboxContext, token: TokenFixture, query: URLSearchParams, userId: string): SandboxReply {
  const parsed = parseTimeline(query)
  const errors = Array.isArray(parsed) ? parsed : []
  if (!TWEET_ID_PATTERN.test(userId)) errors.push({ parameters: { id: [userId] }, message: `The \`id\` query parameter value [${userId}] does not match ^[0-9]{1,19}$` })
  if (errors.length || Array.isArray(parsed)) return invalidRequest(errors)

  const timeline = ctx.fixtures.tweets.filter((t) => t.author_id === userId && !t.deleted).sort(newestFirst).slice(0, X_TIMELINE_REACH).filter((t) => kept(t, parsed))
  const page = timeline.slice(parsed.offset, parsed.offset + parsed.maxResults)
  if (page.length === 0) return reply(200, { meta: { result_count: 0 } })

  const now = ctx.now()
  const sel = fieldSelection(query)
  const refusal = xOptions(ctx).privateMetricsRefusal ?? "field-errors"
  const allowed = page.map((t) => canReadPrivateMetrics(token, t, now))
  if (refusal === "forbidden") {
    const refused = page.filter((t, i) => !allowed[i] && asksPrivateMetrics(sel, t)).map((t) => t.id)
    if (refused.length) return privateMetricsForbidden(refused)
  }
  const renderer = new TweetRenderer(sel, refusal === "omit" ? "omit" : "field-errors", "ids")
  page.forEach((t, i) => renderer.add(t, allowed[i]))
  recordPostReads(ctx, token.token, page.length)

  const meta: Record<string, unknown> = { result_count: page.length, newest_id: page[0].id, oldest_id: page[page.length - 1].id }
  const end = parsed.offset + page.length
  if (end < timeline.length) meta.next_token = encodeToken(end)
  const body: Record<string, unknown> = { data: renderer.data }
  const includes = renderer.includes()
  if (includes) body.includes = includes
  if (renderer.errors.length) body.errors = renderer.errors
  body.meta = meta
  return reply(200, body)
}
