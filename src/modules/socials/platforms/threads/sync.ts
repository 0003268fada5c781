import type { SyncErrorDetail } from "../../insights/schema"
import { PlatformApiError } from "../http/platform-api-error"
import { forEachConcurrently } from "../http/request-limit"
import { asPlatformError, buildResult, errorDetail, failedResult, notice } from "../shared/sync-result"
import type { PostSyncResult, SyncContext, SyncTarget } from "../types"
import { createThreadsClient, type ThreadsClient } from "./client"
import { isThreadsAccountProblem } from "./errors"
import { normalizeThreadsPost, readThreadsMetrics, THREADS_MEDIA_FIELDS, THREADS_METRICS, threadsMediaSchema, type ThreadsMedia } from "./normalize"
import { THREADS, THREADS_LABEL } from "./platform-id"
import { readReplies, type RepliesRead } from "./replies"

/** Threads media ids are numeric. */
export const THREADS_MEDIA_ID = /^\d{1,25}$/

/** The account-wide answer (token, throttle, threads_basic refused) that ended this run's calls. */
interface RunState {
  stop?: PlatformApiError
}

function stopOn(run: RunState, error: PlatformApiError): void {
  if (isThreadsAccountProblem(error)) run.stop ??= error
}

/** Insights and replies of one post, side by side; each failure costs only its own section. */
async function readSections(client: ThreadsClient, ctx: SyncContext, target: SyncTarget, media: ThreadsMedia, run: RunState, errors: SyncErrorDetail[]) {
  const now = ctx.now ?? Date.now
  const section = async <T>(name: "insights" | "comments", read: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await read()
    } catch (e) {
      const error = asPlatformError(THREADS, e)
      errors.push(errorDetail(name, error, now()))
      stopOn(run, error)
      return undefined
    }
  }
  const wantsReplies = ctx.config.commentsLimit > 0 && media.has_replies !== false
  const [insights, replies] = await Promise.all([
    section("insights", () => client.get(`${media.id}/insights`, { metric: THREADS_METRICS.join(",") }, "insights")),
    wantsReplies ? section("comments", () => readReplies(client, media.id, ctx.config.commentsLimit, target.previousComments)) : Promise.resolve(undefined),
  ])
  // No replies at all: any stored ones were deleted on Threads.
  const noReplies: RepliesRead | undefined = media.has_replies === false ? { comments: [], complete: true } : undefined
  return { metrics: insights ? readThreadsMetrics(insights.data) : undefined, replies: replies ?? noReplies }
}

async function syncOne(client: ThreadsClient, ctx: SyncContext, target: SyncTarget, run: RunState): Promise<PostSyncResult> {
  const now = ctx.now ?? Date.now
  if (!THREADS_MEDIA_ID.test(target.platformPostId)) {
    return failedResult(THREADS, target, "post", new PlatformApiError({ platform: THREADS, kind: "invalid_id", code: "invalid_id" }), now())
  }
  let media: ThreadsMedia
  try {
    const res = await client.get(target.platformPostId, { fields: THREADS_MEDIA_FIELDS.join(",") }, "media")
    const parsed = threadsMediaSchema.safeParse(res.data)
    if (!parsed.success) throw new PlatformApiError({ platform: THREADS, kind: "malformed_response", status: res.status, code: "media_shape", message: `${THREADS_LABEL} returned an incomplete response` })
    media = parsed.data
  } catch (e) {
    const error = asPlatformError(THREADS, e)
    stopOn(run, error)
    return failedResult(THREADS, target, "post", error, now(), isThreadsAccountProblem(error))
  }
  // Someone else's post reposted by the account: Threads answers its insights with [].
  if (media.media_type === "REPOST_FACADE") {
    const why = notice("insights", "metric_unavailable", `${THREADS_LABEL} gives no insights for a repost of someone else's post`, THREADS)
    return buildResult(THREADS, target, normalizeThreadsPost(media, {}), [why])
  }
  const errors: SyncErrorDetail[] = []
  const { metrics, replies } = await readSections(client, ctx, target, media, run, errors)
  const patch = normalizeThreadsPost(media, metrics ?? {})
  if (replies) patch.comments_data = replies.comments
  return buildResult(THREADS, target, patch, errors, { commentsComplete: replies?.complete ?? false })
}

/**
 * Threads posts: per post one media read, then its insights and its replies (newest first,
 * stopping at the first stored reply). The first post goes alone, so a dead token or a
 * throttle costs one call; after an account-wide answer no further post is read (they fail
 * with that answer), and posts already answered keep their results.
 */
export async function syncThreadsPosts(ctx: SyncContext, targets: SyncTarget[]): Promise<PostSyncResult[]> {
  const now = ctx.now ?? Date.now
  const client = createThreadsClient(ctx)
  const run: RunState = {}
  const results: (PostSyncResult | undefined)[] = targets.map(() => undefined)
  const indexed = targets.map((target, i) => ({ target, i }))
  const [first, ...rest] = indexed
  if (first) results[first.i] = await syncOne(client, ctx, first.target, run)
  await forEachConcurrently(rest, ctx.config.concurrency, async ({ target, i }) => {
    results[i] = run.stop ? failedResult(THREADS, target, "post", run.stop, now(), true) : await syncOne(client, ctx, target, run)
  })
  return results.map((r, i) => r ?? failedResult(THREADS, targets[i], "post", run.stop ?? new PlatformApiError({ platform: THREADS, kind: "server", code: "not_run" }), now(), true))
}
