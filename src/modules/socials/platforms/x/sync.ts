import { newestComment } from "../../insights/comments"
import type { CommentData, SyncErrorDetail } from "../../insights/schema"
import { PlatformApiError } from "../http/platform-api-error"
import { forEachConcurrently } from "../http/request-limit"
import { syncMode } from "../shared/http-context"
import { asPlatformError, buildResult, chunk, errorDetail, failedResult, isAccountWide } from "../shared/sync-result"
import type { PostSyncResult, SyncContext, SyncTarget } from "../types"
import { createXClient, type XClient } from "./client"
import { problemName } from "./errors"
import { normalizeReply, normalizeTweet, parseMedia, parseTweets, parseUsers, xTweetsResponseSchema, type XMedia, type XTweet } from "./normalize"

/** `GET /2/tweets?ids=` takes 1–100 ids. */
export const X_LOOKUP_LIMIT = 100
/** Private metrics exist only for posts created within the last 30 days. */
const PRIVATE_METRICS_MAX_AGE_MS = 30 * 24 * 3_600_000
const TWEET_ID = /^\d{1,19}$/

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

async function lookup(client: XClient, states: TweetState[], withPrivate: boolean, concurrency: number): Promise<TweetState[]> {
  const retryPublic: TweetState[] = []
  // Lookups of one account go out together; an account-wide error (token, throttling) stops the rest.
  await forEachConcurrently(chunk(states, X_LOOKUP_LIMIT), concurrency, async (part) => {
    let data: ReturnType<typeof xTweetsResponseSchema.parse>
    try {
      const res = await client.get(
        "/2/tweets",
        {
          ids: part.map((s) => s.target.platformPostId).join(","),
          "tweet.fields": (withPrivate ? PRIVATE_TWEET_FIELDS : PUBLIC_TWEET_FIELDS).join(","),
          expansions: "attachments.media_keys",
          "media.fields": (withPrivate ? PRIVATE_MEDIA_FIELDS : PUBLIC_MEDIA_FIELDS).join(","),
        },
        "tweets-lookup"
      )
      data = xTweetsResponseSchema.parse(res.data ?? {})
    } catch (e) {
      const error = asPlatformError("twitter", e)
      // Some deployments refuse the whole call when one post's private metrics are not ours.
      if (withPrivate && error.isPermission) {
        retryPublic.push(...part)
        return
      }
      for (const s of part) s.failure = error
      if (isAccountWide(error)) throw error
      return
    }
    const media = new Map(parseMedia(data.includes?.media).map((m) => [m.media_key, m]))
    const byId = new Map(parseTweets(data.data).map((t) => [t.id, t]))
    for (const s of part) {
      const tweet = byId.get(s.target.platformPostId)
      if (tweet) {
        s.tweet = tweet
        s.media = media
        continue
      }
      // Ids X could not return are listed in errors[] with HTTP 200; only those posts fail.
      const problem = data.errors?.find((e) => (e.resource_id ?? e.value) === s.target.platformPostId && problemName(e.type) !== "not-authorized-for-field")
      const name = problemName(problem?.type)
      if (withPrivate && name !== "resource-not-found") {
        retryPublic.push(s)
        continue
      }
      s.failure = new PlatformApiError({
        platform: "twitter",
        kind: name === "not-authorized-for-resource" ? "permission" : "not_found",
        status: 200,
        code: name ?? "missing",
        detail: problem?.detail,
      })
    }
  })
  return retryPublic
}

function shouldFetchReplies(ctx: SyncContext, state: TweetState, single: boolean): boolean {
  if (ctx.config.commentsLimit <= 0 || !state.tweet) return false
  const replies = state.tweet.public_metrics?.reply_count
  // No replies: nothing to read, and every read is billed.
  if (replies === 0) return false
  if (single) return true
  switch (ctx.config.xRepliesInBulk) {
    case "never":
      return false
    case "always":
      return true
    case "when_changed":
      return replies === undefined || replies !== state.target.previousCommentCount || (state.target.previousComments?.length ?? 0) === 0
  }
}

/**
 * Replies as comments: search/recent by conversation_id (the last 7 days only),
 * newest first, `since_id` = newest stored reply so later syncs read only new
 * ones. Each reply is a billed read.
 */
async function fetchReplies(client: XClient, ctx: SyncContext, state: TweetState): Promise<void> {
  const tweet = state.tweet
  if (!tweet) return
  const limit = ctx.config.commentsLimit
  const newest = newestComment(state.target.previousComments)
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
    if (newest && TWEET_ID.test(newest.id)) query.since_id = newest.id
    if (nextToken) query.next_token = nextToken
    const res = await client.get("/2/tweets/search/recent", query, "search-recent")
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
}

/**
 * X posts: ceil(N/100) lookups (split into calls with and without private
 * metrics), plus reply searches when comments are wanted (see xRepliesInBulk).
 */
export async function syncTwitterPosts(ctx: SyncContext, targets: SyncTarget[]): Promise<PostSyncResult[]> {
  const now = ctx.now ?? Date.now
  const client = createXClient(ctx)
  const states: TweetState[] = targets.map((target) => ({ target, media: new Map(), errors: [] }))
  for (const s of states) {
    if (!TWEET_ID.test(s.target.platformPostId)) s.failure = new PlatformApiError({ platform: "twitter", kind: "invalid_id", code: "invalid_id" })
  }
  const valid = states.filter((s) => !s.failure)

  try {
    const privateGroup = valid.filter((s) => wantsPrivate(ctx, s.target, now()))
    const publicGroup = valid.filter((s) => !privateGroup.includes(s))
    const fallback = privateGroup.length ? await lookup(client, privateGroup, true, ctx.config.concurrency) : []
    if (publicGroup.length || fallback.length) {
      const leftover = await lookup(client, [...publicGroup, ...fallback], false, ctx.config.concurrency)
      for (const s of leftover) s.failure ??= new PlatformApiError({ platform: "twitter", kind: "not_found", code: "missing" })
    }
  } catch (e) {
    const error = asPlatformError("twitter", e)
    return states.map((s) => (s.failure && !isAccountWide(s.failure) ? failedResult("twitter", s.target, "post", s.failure, now()) : failedResult("twitter", s.target, "post", error, now(), true)))
  }

  const single = syncMode(ctx, targets.length) === "single"
  let stop: PlatformApiError | undefined
  // One search per post, side by side; a post's own pages stay in order.
  await forEachConcurrently(
    states.filter((s) => shouldFetchReplies(ctx, s, single)),
    ctx.config.concurrency,
    async (s) => {
      if (stop) {
        s.errors.push(errorDetail("comments", stop, now()))
        return
      }
      try {
        await fetchReplies(client, ctx, s)
      } catch (e) {
        const error = asPlatformError("twitter", e)
        s.errors.push(errorDetail("comments", error, now()))
        // Throttled or logged out: the other posts' searches would fail the same way.
        if (isAccountWide(error)) stop = error
      }
    }
  )

  return states.map((s) => {
    if (s.failure || !s.tweet) {
      const error = s.failure ?? new PlatformApiError({ platform: "twitter", kind: "not_found", code: "missing" })
      return failedResult("twitter", s.target, "post", error, now(), isAccountWide(error))
    }
    const patch = normalizeTweet(s.tweet, s.media)
    if (s.comments) patch.comments_data = s.comments
    // search/recent sees 7 days only: stored older replies must be merged, never replaced.
    return buildResult("twitter", s.target, patch, s.errors, { commentsComplete: false })
  })
}
