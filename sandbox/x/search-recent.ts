import type { SandboxContext, SandboxReply, TokenFixture, TweetFixture } from "../types"
import { SEARCH_RECENT_WINDOW_MS, xOptions } from "./options"
import { checkParams, FIELD_PARAMS, fieldSelection, TWEET_ID_PATTERN } from "./params"
import { invalidRequest, privateMetricsForbidden, reply, type ParameterError } from "./problems"
import { asksPrivateMetrics, canReadPrivateMetrics, TweetRenderer, type RenderableTweet } from "./render"
import { recordPostReads } from "./usage"

const SEARCH_PARAMS = [
  "query", "max_results", "next_token", "pagination_token", "since_id", "until_id", "start_time", "end_time",
  "sort_order", ...FIELD_PARAMS,
]
const CONVERSATION_QUERY = /^\s*conversation_id:([0-9]{1,19})\s*$/

type Reply = TweetFixture["replies"][number]

/** Replies have no stored impressions; a stable figure keeps the metrics plausible. */
function replyAsTweet(r: Reply, root: TweetFixture): RenderableTweet {
  return {
    id: r.id,
    author_id: r.author_id,
    author_name: r.author_name,
    text: r.text,
    created_at: r.created_at,
    conversation_id: root.conversation_id ?? root.id,
    in_reply_to_user_id: root.author_id,
    public_metrics: {
      retweet_count: 0,
      reply_count: r.reply_count,
      like_count: r.like_count,
      quote_count: 0,
      bookmark_count: 0,
      impression_count: 50 + r.like_count * 20 + r.reply_count * 10,
    },
    replies: [],
  }
}

function conversationRoot(ctx: SandboxContext, conversationId: string): TweetFixture | undefined {
  return ctx.lookup("tweets", conversationId) ?? ctx.fixtures.tweets.find((t) => t.conversation_id === conversationId)
}

/** Reverse-chronological, ties broken by the larger (newer) snowflake. */
function newestFirst(a: Reply, b: Reply): number {
  const byTime = Date.parse(b.created_at) - Date.parse(a.created_at)
  if (byTime) return byTime
  return BigInt(b.id) > BigInt(a.id) ? 1 : BigInt(b.id) < BigInt(a.id) ? -1 : 0
}

function encodeCursor(conversationId: string, last: Reply): string {
  return Buffer.from(JSON.stringify([conversationId, last.created_at, last.id])).toString("base64url")
}

function decodeCursor(token: string, conversationId: string): Reply | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"))
    if (!Array.isArray(parsed) || parsed.length !== 3 || parsed[0] !== conversationId) return undefined
    const [, createdAt, id] = parsed
    if (typeof createdAt !== "string" || typeof id !== "string" || !TWEET_ID_PATTERN.test(id)) return undefined
    return { id, created_at: createdAt, text: "", author_id: "", author_name: "", like_count: 0, reply_count: 0 }
  } catch {
    // Not base64url JSON: X answers an invalid token as a bad parameter, so does the caller.
    return undefined
  }
}

interface SearchWindow {
  conversationId: string
  maxResults: number
  after?: Reply
  sinceId?: bigint
  untilId?: bigint
  startMs: number
  endMs: number
}

/** search/recent sees the last 7 days; search/all the whole archive (X began in 2006). */
function oldestSearchable(archive: "recent" | "all", now: number): number {
  return archive === "recent" ? now - SEARCH_RECENT_WINDOW_MS : Date.UTC(2006, 2, 21)
}

function parseSearch(query: URLSearchParams, now: number, archive: "recent" | "all"): SearchWindow | ParameterError[] {
  const errors = checkParams(query, SEARCH_PARAMS)
  const q = query.get("query") ?? ""
  const match = CONVERSATION_QUERY.exec(q)
  if (!q) errors.push({ parameters: { query: [] }, message: "The `query` query parameter can not be empty" })
  else if (!match) {
    errors.push({ parameters: { query: [q] }, message: `The sandbox only answers \`conversation_id:<id>\` queries, not [${q}]` })
  }
  const rawMax = query.get("max_results") ?? "10"
  const maxResults = Number(rawMax)
  if (!Number.isInteger(maxResults) || maxResults < 10 || maxResults > 100) {
    errors.push({ parameters: { max_results: [rawMax] }, message: `The \`max_results\` query parameter value [${rawMax}] is not between 10 and 100` })
  }
  const ids: Partial<Record<"since_id" | "until_id", bigint>> = {}
  for (const name of ["since_id", "until_id"] as const) {
    const value = query.get(name)
    if (value === null) continue
    if (TWEET_ID_PATTERN.test(value)) ids[name] = BigInt(value)
    else errors.push({ parameters: { [name]: [value] }, message: `The \`${name}\` query parameter value [${value}] does not match ${TWEET_ID_PATTERN.source}` })
  }
  const oldest = oldestSearchable(archive, now)
  const times: Record<"start_time" | "end_time", number> = { start_time: oldest, end_time: now }
  for (const name of ["start_time", "end_time"] as const) {
    const value = query.get(name)
    if (value === null) continue
    const ms = Date.parse(value)
    if (Number.isNaN(ms)) errors.push({ parameters: { [name]: [value] }, message: `Invalid '${name}':'${value}'.` })
    else if (ms < oldest) {
      errors.push({
        parameters: { [name]: [value] },
        message: `Invalid '${name}':'${value}'. '${name}' must be on or after ${new Date(oldest).toISOString()}`,
      })
    } else times[name] = ms
  }
  const conversationId = match?.[1] ?? ""
  const cursorToken = query.get("next_token") ?? query.get("pagination_token")
  const after = cursorToken ? decodeCursor(cursorToken, conversationId) : undefined
  if (cursorToken && match && !after) {
    errors.push({ parameters: { next_token: [cursorToken] }, message: `The \`next_token\` query parameter value [${cursorToken}] is not valid` })
  }
  if (errors.length) return errors
  return { conversationId, maxResults, after, sinceId: ids.since_id, untilId: ids.until_id, startMs: times.start_time, endMs: times.end_time }
}

function inWindow(r: Reply, w: SearchWindow): boolean {
  const at = Date.parse(r.created_at)
  if (at < w.startMs || at > w.endMs) return false
  if (w.sinceId !== undefined && BigInt(r.id) <= w.sinceId) return false
  if (w.untilId !== undefined && BigInt(r.id) >= w.untilId) return false
  return w.after === undefined || newestFirst(w.after, r) < 0
}

/**
 * GET /2/tweets/search/recent?query=conversation_id:<id>: the replies of a conversation from
 * the last 7 days, newest first, `next_token` paging. Only replies are returned, never the root
 * post (real search may also match the root when it is recent; clients filter it out anyway).
 */
export function searchRecent(ctx: SandboxContext, token: TokenFixture, query: URLSearchParams): SandboxReply {
  return search(ctx, token, query, "recent")
}

/** GET /2/tweets/search/all: the same answer over the full archive (apps with full-archive access). */
export function searchAll(ctx: SandboxContext, token: TokenFixture, query: URLSearchParams): SandboxReply {
  return search(ctx, token, query, "all")
}

function search(ctx: SandboxContext, token: TokenFixture, query: URLSearchParams, archive: "recent" | "all"): SandboxReply {
  const now = ctx.now()
  const parsed = parseSearch(query, now, archive)
  if (Array.isArray(parsed)) return invalidRequest(parsed)

  const root = conversationRoot(ctx, parsed.conversationId)
  const matching = (root?.replies ?? []).filter((r) => inWindow(r, parsed)).sort(newestFirst)
  const page = matching.slice(0, parsed.maxResults)
  if (!root || page.length === 0) return reply(200, { meta: { result_count: 0 } })

  const sel = fieldSelection(query)
  const refusal = xOptions(ctx).privateMetricsRefusal ?? "field-errors"
  const tweets = page.map((r) => replyAsTweet(r, root))
  const allowed = tweets.map((t) => canReadPrivateMetrics(token, t, now))
  if (refusal === "forbidden") {
    const refused = tweets.filter((t, i) => !allowed[i] && asksPrivateMetrics(sel, t)).map((t) => t.id)
    if (refused.length) return privateMetricsForbidden(refused)
  }
  const renderer = new TweetRenderer(sel, refusal === "omit" ? "omit" : "field-errors", "ids")
  tweets.forEach((t, i) => renderer.add(t, allowed[i]))
  recordPostReads(ctx, token.token, page.length)

  const meta: Record<string, unknown> = {
    newest_id: page[0].id,
    oldest_id: page[page.length - 1].id,
    result_count: page.length,
  }
  if (matching.length > page.length) meta.next_token = encodeCursor(parsed.conversationId, page[page.length - 1])
  const body: Record<string, unknown> = { data: renderer.data }
  const includes = renderer.includes()
  if (includes) body.includes = includes
  if (renderer.errors.length) body.errors = renderer.errors
  body.meta = meta
  return reply(200, body)
}
