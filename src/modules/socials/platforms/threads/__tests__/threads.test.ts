import type { ThreadsReplyFixture } from "../../../../../../sandbox/threads/types"
import { THREADS_DEMO_TOKENS as T, THREADS_SEED_IDS as IDS } from "../../../../../../sandbox/threads/seed"
import type { PlatformCredentials, SyncTarget } from "../../types"
import { syncThreadsPosts } from "../sync"
import { threadsContext, useThreadsSandbox } from "./threads-sandbox-support"

const DAY = 86_400_000
const creds = (accessToken: string, extra: Partial<PlatformCredentials> = {}): PlatformCredentials => ({ accessToken, accountId: IDS.user, ...extra })
const target = (platformPostId: string, extra: Partial<SyncTarget> = {}): SyncTarget => ({ targetId: `post_${platformPostId}`, platformPostId, ...extra })

function replies(prefix: string, count: number, newest: number): ThreadsReplyFixture[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}${String(i + 1).padStart(4, "0")}`, text: `r${i}`, username: `u${i}`, timestamp: new Date(newest - i * 60_000).toISOString() }))
}

describe("Threads sync against the sandbox", () => {
  const sandbox = useThreadsSandbox()
  const calls = (edge: string) => sandbox.sandbox.log().filter((e) => e.path.endsWith(edge))

  it("a post: media, insights and replies in three calls, stored as the shared fields plus threads_insights", async () => {
    const ctx = threadsContext(sandbox, creds(T.user))
    const [result] = await syncThreadsPosts(ctx, [target(IDS.example)])
    expect(result.status).toBe("success")
    expect(result.errors).toEqual([])
    // shares = 6 reposts + 3 quotes + 2 shares; engagement 120 + 14 + 11 over 2,000 views.
    expect(result.insights).toMatchObject({ platform: "threads", platform_post_id: IDS.example, likes: 120, comments: 14, shares: 11, impressions: 2000, engagement: 145, engagement_rate: 7.25, media_type: "TEXT_POST" })
    expect(result.insights?.permalink).toMatch(/^https:\/\/www\.threads\.net\/@sandbox_coffee\/post\//)
    expect(result.insights).not.toHaveProperty("reach")
    expect(result.insights).toHaveProperty("threads_insights", { views: 2000, likes: 120, replies: 14, reposts: 6, quotes: 3, shares: 2 })
    expect(result.insights?.comments_data).toHaveLength(14)
    expect(result.insights?.comments_data?.[0]).toMatchObject({ id: "180800000000000001", from: { id: "fan_0", name: "fan_0" } })
    expect(result.commentsComplete).toBe(true)
    expect(ctx.counter.byOperation()).toEqual({ "threads.media": 1, "threads.insights": 1, "threads.replies": 1 })
  })

  it("a metric Threads did not answer stays absent: no views means no impressions and an unknown rate", async () => {
    sandbox.sandbox.setOptions({ omitMetrics: ["views", "shares"] })
    const [result] = await syncThreadsPosts(threadsContext(sandbox, creds(T.user)), [target(IDS.example)])
    expect(result.status).toBe("success")
    expect(result.insights).not.toHaveProperty("impressions")
    expect(result.insights).toMatchObject({ shares: 9, engagement: 143, engagement_rate: null })
    expect(result.insights).toHaveProperty("threads_insights", { likes: 120, replies: 14, reposts: 6, quotes: 3 })
  })

  it("a repost of someone else's post: no insights call, a notice instead", async () => {
    const ctx = threadsContext(sandbox, creds(T.user))
    const [result] = await syncThreadsPosts(ctx, [target(IDS.repost)])
    expect(result.status).toBe("failed")
    expect(result.errors[0]).toMatchObject({ section: "insights", code: "metric_unavailable", severity: "notice" })
    expect(ctx.counter.byOperation()).toEqual({ "threads.media": 1 })
  })

  it("replies: pages followed by cursor to the end, newest first, up to the comments limit", async () => {
    sandbox.sandbox.setOptions({ maxLimit: 25 })
    const ctx = threadsContext(sandbox, creds(T.user))
    const [all] = await syncThreadsPosts(ctx, [target(IDS.manyReplies)])
    expect(all.insights?.comments_data).toHaveLength(60)
    expect(all.insights?.comments_data?.[0].id).toBe("180600000000000001")
    expect(ctx.counter.byOperation()["threads.replies"]).toBe(3)
    expect(calls("/replies").map((e) => new URLSearchParams(e.query).get("after") !== null)).toEqual([false, true, true])
    const limitedCtx = threadsContext(sandbox, creds(T.user), { config: { commentsLimit: 30 } })
    const [limited] = await syncThreadsPosts(limitedCtx, [target(IDS.manyReplies)])
    expect(limited.insights?.comments_data).toHaveLength(30)
    expect(limitedCtx.counter.byOperation()["threads.replies"]).toBe(2)
  })

  it("replies without next links (cursors only): full pages are followed on the after cursor", async () => {
    sandbox.sandbox.setOptions({ pagingLinks: "cursors-only" })
    const post = sandbox.sandbox.fixtures.media.find((m) => m.id === IDS.manyReplies)
    if (post) post.replies = replies("1809000000000", 130, Date.now() - 60_000)
    const ctx = threadsContext(sandbox, creds(T.user), { config: { commentsLimit: 150 } })
    const [result] = await syncThreadsPosts(ctx, [target(IDS.manyReplies)])
    expect(result.insights?.comments_data).toHaveLength(130)
    expect(ctx.counter.byOperation()["threads.replies"]).toBe(2)
  })

  it("incremental replies: the next sync stops at the first page holding a stored reply", async () => {
    sandbox.sandbox.setOptions({ maxLimit: 25 })
    const [first] = await syncThreadsPosts(threadsContext(sandbox, creds(T.user)), [target(IDS.manyReplies)])
    const stored = first.insights?.comments_data ?? []
    const post = sandbox.sandbox.fixtures.media.find((m) => m.id === IDS.manyReplies)
    post?.replies.push(...replies("1805900000000", 2, Date.now()))
    const ctx = threadsContext(sandbox, creds(T.user))
    const [second] = await syncThreadsPosts(ctx, [target(IDS.manyReplies, { previousComments: stored, previousCommentCount: stored.length })])
    expect(ctx.counter.byOperation()["threads.replies"]).toBe(1)
    expect(second.insights?.comments_data?.slice(0, 2).map((c) => c.id)).toEqual(["18059000000000001", "18059000000000002"])
    expect(second.insights?.comments_data).toHaveLength(25)
    // Stopped at a known reply: the list is only the new part, merged with the stored one, not a replacement.
    expect(second.commentsComplete).toBe(false)
  })

  it("a post without replies: no replies call, and the stored replies go (they were deleted)", async () => {
    const ctx = threadsContext(sandbox, creds(T.user))
    const old = [{ id: "1", text: "gone", created_time: new Date(Date.now() - DAY).toISOString() }]
    const [result] = await syncThreadsPosts(ctx, [target(IDS.quiet, { previousComments: old })])
    expect(result.insights?.comments_data).toEqual([])
    expect(result.commentsComplete).toBe(true)
    expect(ctx.counter.byOperation()["threads.replies"]).toBeUndefined()
  })
})
