import { newestComment } from "../../insights/comments"
import type { CommentData, SyncErrorDetail } from "../../insights/schema"
import { PlatformApiError } from "../http/platform-api-error"
import { forEachConcurrently } from "../http/request-limit"
import { syncMode } from "../shared/http-context"
import { asPlatformError, buildResult, chunk, errorDetail, failedResult, isAccountWide } from "../shared/sync-result"
import type { PostSyncResult, SyncContext, SyncTarget } from "../types"
import { createXClient, type XClient, type XEndpointGroup } from "./client"
import { postProblems } from "./partial-errors"
import { normalizeReply, normalizeTweet, parseMedia, parseTweets, parseUsers, xTweetsResponseSchema, type XMedia, type XTweet } from "./normalize"
import { currentSpendState, readCapReached, withReads } from "../../x-spend/sync-guard"
import type { XSpendState } from "../../x-spend/meter"

/** `GET /2/tweets?ids=` takes 1–100 ids. */
export const X_LOOKUP_LIMIT = 100
/** Private metrics exist only for posts created within the last 30 days. */
const PRIVATE_METRICS_MAX_AGE_MS = 30 * 24 * 3_600_000
const TWEET_ID = /^\d{1,19}$/
/** search/recent sees the last 7 days only (§4.1). */
export const SEARCH_RECENT_WINDOW_MS = 7 * 24 * 3_600_000

const PUBLIC_TWEET_FIELDS = ["created_at", "public_metrics", "conversation_id", "attachments", "author_id"]
const PRIVATE_TWEET_FIELDS = [...PUBLIC_TWEET_FIELDS, "non_public_metrics", "organic_metrics"]
const PUBLIC_MEDIA_FIELDS = ["type", "duration_ms", "public_metrics"]
const PRIVATE_MEDIA_FIELDS = [...PUBLIC_MEDIA_FIELDS, "non_public_metrics"]

interface TweetState {
  target: SyncTarget
  tweet?: XTweet
  media: Map<string, XMedia>
  errors: SyncErrorDetail[]
  failure?: PlatformApiError
  comments?: CommentData[]
  commentsComplete?: boolean
  commentsWindowStart?: string
}

function postedAtMs(target: SyncTarget): number | undefined {
  if (!target.postedAt) return undefined
  const t = target.postedAt instanceof Date ? target.postedAt.getTime() : Date.parse(target.postedAt)
  return Number.isNaN(t) ? undefined : t
}

/**
 * Private metrics need a user-context token, the account's own post and an age
 * under 30 days; asking otherwise earns field errors, so such posts go in calls
 * that ask only for public metrics (no error, no lost data).
 */
function wantsPrivate(ctx: SyncContext, target: SyncTarget, now: number): boolean {
  if (ctx.credentials.authType !== "user_context") return false
  const posted = postedAtMs(target)
  return posted === undefined || now - posted < PRIVATE_METRICS_MAX_AGE_MS
}

/** The account-wide answer (token, throttle, app settings) that ended this run's calls, if any. */
interface RunState {
  stop?: PlatformApiError
  /** The account's X read counter (spend and monthly cap), when the service provides one. */
  meter?: SyncContext["xReads"]
  now: () => number
}

/** Posts an answer returned (`data` is one post or a list): what X bills. */
function readCount(res: { data?: unknown }): number {
  const data = (res.data as { data?: unknown } | undefined)?.data
  return Array.isArray(data) ? data.length : data ? 1 : 0
}

/** One `GET /2/tweets?ids=` chunk; its own failure is recorded on its own posts only. */
async function lookupChunk(client: XClient, part: TweetState[], withPrivate: boolean, run: RunState, retryPublic: TweetState[]): Promise<void> {
  let data: ReturnType<typeof xTweetsResponseSchema.parse>
  try {
    // The local budget is booked per chunk (platformFetch): a refusal fails this chunk, not the ones that answered.
    // Every returned post is a billed read (X's monthly cap and the spend counters).
    const res = await withReads(run.meter, run.now, part.length, () =>
      client.get(
        "/2/tweets",
        {
          ids: part.map((s) => s.target.platformPostId).join(","),
          "tweet.fields": (withPrivate ? PRIVATE_TWEET_FIELDS : PUBLIC_TWEET_FIELDS).join(","),
          expansions: "attachments.media_keys",
          "media.fields": (withPrivate ? PRIVATE_MEDIA_FIELDS : PUBLIC_MEDIA_FIELDS).join(","),
        },
        "tweets-lookup"
      ), readCount)
    data = xTweetsResponseSchema.parse(res.data ?? {})
  } catch (e) {
    const error = asPlatformError("twitter", e)
    // Some deployments refuse the whole call when one post's private metrics are not ours.
    if (withPrivate && error.isPermission) {
      retryPublic.push(...part)
      return
    }
    for (const s of part) s.failure = error
    if (isAccountWide(error)) run.stop ??= error
    return
  }
  const media = new Map(parseMedia(data.includes?.media).map((m) => [m.media_key, m]))
  const byId = new Map(parseTweets(data.data).map((t) => [t.id, t]))
  const problems = postProblems(data.errors)
  for (const s of part) {
    const tweet = byId.get(s.target.platformPostId)
    if (tweet) {
      s.tweet = tweet
      s.media = media
      continue
    }
    // Ids X could not return are listed in errors[] with HTTP 200; only those posts fail.
    const problem = problems.get(s.target.platformPostId)
    if (withPrivate && problem?.kind !== "not_found") {
      retryPublic.push(s)
      continue
    }
    const kind = problem?.kind === "permission" ? "permission" : "not_found"
    s.failure = new PlatformApiError({ platform: "twitter", kind, status: 200, code: problem?.code ?? "missing", detail: problem?.detail })
  }
}

/**
 * The first chunk goes alone, so a dead token, a spent cap or an app X refuses costs one
 * call; the others then go out together, and after an account-wide answer no further
 * chunk is sent (their posts fail with that answer).
 */
async function lookup(client: XClient, states: TweetState[], withPrivate: boolean, concurrency: number, run: RunState): Promise<TweetState[]> {
  const retryPublic: TweetState[] = []
  const [first, ...rest] = chunk(states, X_LOOKUP_LIMIT)
  if (first && !run.stop) await lookupChunk(client, first, withPrivate, run, retryPublic)
  await forEachConcurrently(rest, concurrency, (part) => lookupChunk(client, part, withPrivate, run, retryPublic), () => run.stop !== undefined)
  return retryPublic
}

/**
 * Which search can find this post's replies. search/recent sees the last 7 days: a
 * younger post (or one of unknown age) is searched there. An older one only on the full
 * archive when the app has it (xFullArchiveSearch), or on search/recent when its reply
 * count rose since the stored one (those replies came after the last sync).
 */
function replySearch(ctx: SyncContext, state: TweetState, now: number): SearchGroup | undefined {
  const created = state.tweet?.created_at ? Date.parse(state.tweet.created_at) : postedAtMs(state.target)
  if (created === undefined || Number.isNaN(created) || now - created < SEARCH_RECENT_WINDOW_MS) return "search-recent"
  if (ctx.config.xFullArchiveSearch) return "search-all"
  const replies = state.tweet?.public_metrics?.reply_count
  const before = state.target.previousCommentCount
  return replies !== undefined && before !== undefined && replies > before ? "search-recent" : undefined
}

function shouldFetchReplies(ctx: SyncContext, state: TweetState, single: boolean, spend: XSpendState): boolean {
  if (ctx.config.commentsLimit <= 0 || !state.tweet) return false
  const replies = state.tweet.public_metrics?.reply_count
  // No replies: nothing to read, and every read is billed.
  if (replies === 0) return false
  if (single) return true
  // Near the monthly cap, the reads left go to metrics: bulk and scheduled syncs skip replies.
  if (spend !== "ok") return false
  switch (ctx.config.xRepliesInBulk) {
    case "never":
      return false
    case "always":
      return true
    case "when_changed":
      return replies === undefined || replies !== state.target.previousCommentCount || (state.target.previousComments?.length ?? 0) === 0
  }
}

type SearchGroup = Extract<XEndpointGroup, "search-recent" | "search-all">

const SEARCH_PATHS: Record<SearchGroup, string> = {
  "search-recent": "/2/tweets/search/recent",
  "search-all": "/2/tweets/search/all",
}

/**
 * Replies as comments: search by conversation_id, newest first, `since_id` = newest
 * stored reply so later syncs read only new ones. Each reply is a billed read. Sets
 * what the answer proves about the stored replies: all of them (full archive read to
 * the end), those after `commentsWindowStart`, or nothing (since_id: only newer ones).
 */
async function fetchReplies(client: XClient, ctx: SyncContext, state: TweetState, group: SearchGroup, now: number): Promise<void> {
  const tweet = state.tweet
  if (!tweet) return
  const limit = ctx.config.commentsLimit
  const newest = newestComment(state.target.previousComments)
  // Fewer replies than stored means some were deleted: read the window again (no since_id) so they go.
  const shrank = (tweet.public_metrics?.reply_count ?? Infinity) < (state.target.previousCommentCount ?? 0)
  const sinceId = newest && TWEET_ID.test(newest.id) && !shrank ? newest.id : undefined
  const collected: CommentData[] = []
  let nextToken: string | undefined
  do {
    const query: Record<string, string> = {
      query: `conversation_id:${tweet.conversation_id ?? tweet.id}`,
      max_results: String(Math.min(100, Math.max(10, limit - collected.length))),
      "tweet.fields": "created_at,public_metrics,author_id,conversation_id",
      expansions: "author_id",
      "user.fields": "username,name",
    }
    if (sinceId) query.since_id = sinceId
    if (nextToken) query.next_token = nextToken
    const res = await withReads(ctx.xReads, () => now, Number(query.max_results), () => client.get(SEARCH_PATHS[group], query, group), readCount)
    const data = xTweetsResponseSchema.parse(res.data ?? {})
    const users = new Map(parseUsers(data.includes?.users).map((u) => [u.id, u]))
    for (const reply of parseTweets(data.data)) {
      if (reply.id === tweet.id) continue
      const comment = normalizeReply(reply, users)
      if (comment && collected.length < limit) collected.push(comment)
    }
    nextToken = data.meta?.next_token
  } while (nextToken && collected.length < limit)
  state.comments = collected
  if (sinceId) return
  if (nextToken) state.commentsWindowStart = collected[collected.length - 1]?.created_time
  else if (group === "search-all") state.commentsComplete = true
  else state.commentsWindowStart = new Date(now - SEARCH_RECENT_WINDOW_MS).toISOString()
}

/** One search per post, side by side; a post's own pages stay in order. An account-wide failure stops the rest. */
async function fetchAllReplies(client: XClient, ctx: SyncContext, states: TweetState[], single: boolean, run: RunState, now: () => number, spend: XSpendState): Promise<void> {
  const wanted = states.flatMap((s) => {
    const group = shouldFetchReplies(ctx, s, single, spend) ? replySearch(ctx, s, now()) : undefined
    return group ? [{ s, group }] : []
  })
  await forEachConcurrently(wanted, ctx.config.concurrency, async ({ s, group }) => {
    if (run.stop) {
      s.errors.push(errorDetail("comments", run.stop, now()))
      return
    }
    try {
      await fetchReplies(client, ctx, s, group, now())
    } catch (e) {
      const error = asPlatformError("twitter", e)
      s.errors.push(errorDetail("comments", error, now()))
      // Throttled, logged out or refused app: the other posts' searches would fail the same way.
      if (isAccountWide(error)) run.stop ??= error
    }
  })
}

function toResult(s: TweetState, run: RunState, now: number): PostSyncResult {
  if (s.failure || !s.tweet) {
    const error = s.failure ?? run.stop ?? new PlatformApiError({ platform: "twitter", kind: "not_found", code: "missing" })
    return failedResult("twitter", s.target, "post", error, now, isAccountWide(error))
  }
  const patch = normalizeTweet(s.tweet, s.media)
  if (s.comments) patch.comments_data = s.comments
  // search/recent sees 7 days only: stored older replies are merged, never replaced.
  return buildResult("twitter", s.target, patch, s.errors, { commentsComplete: s.commentsComplete ?? false, commentsWindowStart: s.commentsWindowStart })
}

/**
 * X posts: ceil(N/100) lookups (split into calls with and without private
 * metrics), plus reply searches where they can find something (see replySearch,
 * xRepliesInBulk). A failed chunk fails its own posts; an account-wide answer
 * (token, throttle, app not enrolled) stops the calls not yet sent, and posts
 * already answered keep their results.
 */
export async function syncTwitterPosts(ctx: SyncContext, targets: SyncTarget[]): Promise<PostSyncResult[]> {
  const now = ctx.now ?? Date.now
  const client = createXClient(ctx)
  const states: TweetState[] = targets.map((target) => ({ target, media: new Map(), errors: [] }))
  for (const s of states) {
    if (!TWEET_ID.test(s.target.platformPostId)) s.failure = new PlatformApiError({ platform: "twitter", kind: "invalid_id", code: "invalid_id" })
  }
  const valid = states.filter((s) => !s.failure)
  const run: RunState = { meter: ctx.xReads, now }
  const spend = await currentSpendState(ctx.xReads, now())
  // At the monthly cap not a single call: every post waits for the month to turn, saying why.
  if (spend === "capped" && ctx.xReads) run.stop = readCapReached(ctx.xReads, now())

  const privateGroup = valid.filter((s) => wantsPrivate(ctx, s.target, now()))
  const publicGroup = valid.filter((s) => !privateGroup.includes(s))
  const fallback = privateGroup.length && !run.stop ? await lookup(client, privateGroup, true, ctx.config.concurrency, run) : []
  if (!run.stop && (publicGroup.length || fallback.length)) await lookup(client, [...publicGroup, ...fallback], false, ctx.config.concurrency, run)

  const single = syncMode(ctx, targets.length) === "single"
  await fetchAllReplies(client, ctx, states.filter((s) => s.tweet && !s.failure), single, run, now, spend)
  return states.map((s) => toResult(s, run, now()))
}
