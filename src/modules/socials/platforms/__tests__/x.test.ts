import type { TweetFixture } from "../../../../../sandbox/types"
import { X_DEMO_TOKENS, X_SEED_IDS } from "../../../../../sandbox/x/seed"
import { mergeWithPrevious } from "../../insights/merge"
import { InMemoryRateBudgetStore } from "../http"
import type { PlatformCredentials, SyncTarget } from "../types"
import { syncTwitterPosts } from "../x/sync"
import { contextFor, sandboxStats, useSandbox } from "./sandbox-support"

const USER = "1500000000000000001"
const ids = X_SEED_IDS
const userCreds: PlatformCredentials = { accessToken: X_DEMO_TOKENS.user, accountId: USER, authType: "user_context" }
const DAY = 86_400_000

const target = (platformPostId: string, extra: Partial<SyncTarget> = {}): SyncTarget => ({ targetId: `post_${platformPostId}`, platformPostId, ...extra })
const daysAgo = (n: number): string => new Date(Date.now() - n * DAY).toISOString()

describe("X sync against the sandbox", () => {
  const sandbox = useSandbox((s) => {
    s.setOptions({ rateLimits: true, x: {} })
  })

  const queries = (path: string): URLSearchParams[] =>
    sandbox
      .log()
      .filter((e) => e.family === "x" && e.path === path)
      .map((e) => new URLSearchParams(e.query))

  it("reproduces the spec's example: one lookup plus one reply search", async () => {
    const ctx = contextFor(sandbox, userCreds)
    const [result] = await syncTwitterPosts(ctx, [target(ids.example, { postedAt: daysAgo(2) })])
    expect(result.status).toBe("success")
    expect(result.insights).toMatchObject({ platform: "twitter", likes: 85, comments: 12, shares: 25, saves: 0, impressions: 3500, engagement: 122, engagement_rate: 3.49 })
    expect(result.insights).not.toHaveProperty("reach")
    expect(result.insights?.twitter_insights).toMatchObject({ retweet_count: 20, quote_count: 5, bookmark_count: 0, url_link_clicks: 41, user_profile_clicks: 27, engagements: 190 })
    expect(result.insights?.comments_data).toHaveLength(12)
    expect(result.insights?.comments_data?.[0].from?.name).toBeTruthy()
    expect(ctx.counter.byOperation()).toEqual({ "twitter.tweets-lookup": 1, "twitter.search-recent": 1 })
    expect(queries("/2/tweets")[0].get("tweet.fields")).toContain("non_public_metrics")
  })

  it("video: views from the media, complete views from playback_100 (private metrics)", async () => {
    const [result] = await syncTwitterPosts(contextFor(sandbox, userCreds), [target(ids.video, { postedAt: daysAgo(4) })])
    expect(result.insights).toMatchObject({ media_type: "video", video_views: 12543, complete_views: 3210 })
    expect(result.insights?.twitter_insights).toMatchObject({ playback_25_count: 9876 })
  })

  it("asks private metrics only where they can exist; others come back public-only without errors", async () => {
    const ctx = contextFor(sandbox, userCreds, { mode: "bulk", config: { xRepliesInBulk: "never" } })
    const results = await syncTwitterPosts(ctx, [target(ids.example, { postedAt: daysAgo(2) }), target(ids.old, { postedAt: daysAgo(40) })])
    expect(results.map((r) => r.status)).toEqual(["success", "success"])
    expect(results[1].errors).toEqual([])
    expect(results[1].insights?.twitter_insights).not.toHaveProperty("url_link_clicks")
    const lookups = queries("/2/tweets")
    expect(lookups).toHaveLength(2)
    expect(lookups.find((q) => q.get("ids") === ids.old)?.get("tweet.fields")).not.toContain("non_public_metrics")
  })

  it("an app-only token never asks for private metrics", async () => {
    const ctx = contextFor(sandbox, { accessToken: X_DEMO_TOKENS.app, accountId: USER, authType: "app_only" }, { mode: "bulk", config: { xRepliesInBulk: "never" } })
    const results = await syncTwitterPosts(ctx, [target(ids.example), target(ids.video)])
    expect(results.every((r) => r.status === "success" && r.errors.length === 0)).toBe(true)
    expect(results[1].insights?.complete_views).toBeUndefined()
    expect(results[1].insights?.video_views).toBe(12543)
    expect(queries("/2/tweets")[0].get("tweet.fields")).not.toContain("non_public_metrics")
    expect(ctx.counter.total()).toBe(1)
  })

  it("someone else's post (field errors) or an unknown age: public data still arrives, no error", async () => {
    const ctx = contextFor(sandbox, userCreds, { mode: "bulk", config: { xRepliesInBulk: "never" } })
    const results = await syncTwitterPosts(ctx, [target(ids.otherUser), target(ids.old)])
    expect(results.map((r) => r.status)).toEqual(["success", "success"])
    expect(results[0].insights?.likes).toBe(40)
    expect(ctx.counter.total()).toBe(1)
  })

  it("a platform that refuses the whole private call (403) gets a public retry", async () => {
    sandbox.setOptions({ x: { privateMetricsRefusal: "forbidden" } })
    const ctx = contextFor(sandbox, userCreds, { mode: "bulk", config: { xRepliesInBulk: "never" } })
    const results = await syncTwitterPosts(ctx, [target(ids.otherUser), target(ids.example)])
    expect(results.map((r) => r.status)).toEqual(["success", "success"])
    expect(ctx.counter.total()).toBe(2)
  })

  it("deleted and unknown ids fail alone with 'Post not found' (HTTP 200 errors[])", async () => {
    const ctx = contextFor(sandbox, userCreds, { mode: "bulk", config: { xRepliesInBulk: "never" } })
    const results = await syncTwitterPosts(ctx, [target(ids.deleted), target(ids.example), target(ids.unknown), target("abc")])
    expect(results.map((r) => r.status)).toEqual(["failed", "success", "failed", "failed"])
    expect(results[0].errors[0].message).toBe("Post not found")
    expect(results[2].errors[0].message).toBe("Post not found")
    expect(results[3].errors[0].message).toBe("Invalid media ID")
    expect(results[0].fatal).toBeUndefined()
    expect(ctx.counter.total()).toBe(1)
  })

  it("N posts cost ceil(N/100) lookups", async () => {
    const many: TweetFixture[] = Array.from({ length: 250 }, (_, i) => ({
      id: String(1870000000000000000n + BigInt(i)),
      author_id: USER,
      text: `post ${i}`,
      created_at: daysAgo(1),
      public_metrics: { retweet_count: 1, reply_count: 0, like_count: 2, quote_count: 0, bookmark_count: 0, impression_count: 10 },
      replies: [],
    }))
    sandbox.addFixtures({ tweets: many })
    const ctx = contextFor(sandbox, userCreds)
    const results = await syncTwitterPosts(ctx, many.map((t) => target(t.id, { postedAt: t.created_at })))
    expect(results.every((r) => r.status === "success")).toBe(true)
    expect(ctx.counter.total()).toBe(3)
    expect((await sandboxStats(sandbox)).requests.x).toBe(3)
  })

  it("replies: pages of 100 up to the limit, newest first", async () => {
    // A 10-day-old post is searched on search/recent only because its replies are new since the last sync (0 then).
    const ctx = contextFor(sandbox, userCreds, { config: { commentsLimit: 150 } })
    const [result] = await syncTwitterPosts(ctx, [target(ids.manyReplies, { postedAt: daysAgo(10), previousCommentCount: 0 })])
    expect(result.insights?.comments_data).toHaveLength(130)
    expect(ctx.counter.byOperation()["twitter.search-recent"]).toBe(2)
    const [limited] = await syncTwitterPosts(contextFor(sandbox, userCreds), [target(ids.manyReplies, { postedAt: daysAgo(10), previousCommentCount: 0 })])
    expect(limited.insights?.comments_data).toHaveLength(100)
  })

  it("incremental replies use since_id and merge with the stored ones", async () => {
    const [first] = await syncTwitterPosts(contextFor(sandbox, userCreds), [target(ids.example, { postedAt: daysAgo(2) })])
    const stored = mergeWithPrevious(undefined, first)
    const tweet = sandbox.fixtures.tweets.find((t) => t.id === ids.example)
    tweet?.replies.push({ id: "1869999999999999999", text: "late reply", author_id: "1700000000000000009", author_name: "Late", created_at: new Date().toISOString(), like_count: 0, reply_count: 0 })
    if (tweet) tweet.public_metrics.reply_count = 13

    const ctx = contextFor(sandbox, userCreds)
    const [second] = await syncTwitterPosts(ctx, [target(ids.example, { postedAt: daysAgo(2), previousComments: stored.comments_data })])
    expect(second.insights?.comments_data?.map((c) => c.id)).toEqual(["1869999999999999999"])
    expect(queries("/2/tweets/search/recent").pop()?.get("since_id")).toBe(stored.comments_data?.[0].id)
    const merged = mergeWithPrevious(stored, second)
    expect(merged.comments_data).toHaveLength(13)
    expect(merged.comments).toBe(13)
  })

  it("bulk default: replies are searched only when the reply count moved", async () => {
    const [first] = await syncTwitterPosts(contextFor(sandbox, userCreds), [target(ids.example)])
    const stored = mergeWithPrevious(undefined, first)
    const ctx = contextFor(sandbox, userCreds, { mode: "bulk" })
    await syncTwitterPosts(ctx, [
      target(ids.example, { previousComments: stored.comments_data, previousCommentCount: 12 }),
      target(ids.photo, { previousCommentCount: 1 }),
    ])
    expect(ctx.counter.byOperation()).toEqual({ "twitter.tweets-lookup": 1, "twitter.search-recent": 1 })
  })

  it("an expired token with a refresh token is refreshed once, persisted through the callback, and the call retried", async () => {
    const ctx = contextFor(
      sandbox,
      { accessToken: X_DEMO_TOKENS.expired, refreshToken: X_DEMO_TOKENS.refresh, tokenExpiresAt: new Date(Date.now() - 1000), accountId: USER, authType: "user_context" },
      { config: { xClientId: "sandbox-client" } }
    )
    const [result] = await syncTwitterPosts(ctx, [target(ids.example)])
    expect(result.status).toBe("success")
    expect(ctx.refreshed).toHaveLength(1)
    expect(ctx.refreshed[0].accessToken).toMatch(/^x-at-/)
    expect(ctx.refreshed[0].refreshToken).toMatch(/^x-rt-/)
    expect(ctx.refreshed[0].expiresAt?.getTime()).toBeGreaterThan(Date.now())
    expect(ctx.counter.byOperation()["twitter.token_refresh"]).toBe(1)
  })

  it("a 401 without known expiry also refreshes and retries once", async () => {
    const ctx = contextFor(sandbox, { accessToken: X_DEMO_TOKENS.expired, refreshToken: X_DEMO_TOKENS.refresh, accountId: USER, authType: "user_context" }, { config: { xClientId: "sandbox-client" } })
    const [result] = await syncTwitterPosts(ctx, [target(ids.example)])
    expect(result.status).toBe("success")
    expect(ctx.counter.byOperation()["twitter.tweets-lookup"]).toBe(2)
  })

  it("not refreshable (no refresh token, used refresh token, revoked): isAuth on every post, token never in the output", async () => {
    for (const creds of [
      { accessToken: X_DEMO_TOKENS.expired, accountId: USER },
      { accessToken: X_DEMO_TOKENS.revoked, refreshToken: "x-already-used", accountId: USER },
    ]) {
      const ctx = contextFor(sandbox, creds, { config: { xClientId: "sandbox-client" } })
      const results = await syncTwitterPosts(ctx, [target(ids.example), target(ids.photo)])
      expect(results.every((r) => r.status === "failed" && r.fatal?.isAuth)).toBe(true)
      expect(results[0].errors[0].message).toMatch(/reconnect your X account/)
      const dump = JSON.stringify(results.map((r) => ({ ...r, fatal: { m: r.fatal?.message, u: r.fatal?.url, d: r.fatal?.detail } })))
      expect(dump).not.toContain(creds.accessToken)
      expect(dump).not.toContain("x-already-used")
      expect(ctx.refreshed).toHaveLength(0)
    }
  })

  it("X's 429 with a far reset fails fast with 'Rate limit exceeded' and the reset time", async () => {
    sandbox.setOptions({ x: { rateLimits: { tweetsLookup: { user: 1 } } } })
    await syncTwitterPosts(contextFor(sandbox, userCreds, { mode: "bulk", config: { xRepliesInBulk: "never" } }), [target(ids.example)])
    const ctx = contextFor(sandbox, userCreds, { config: { usageStopPercent: 100, usageSlowPercent: 100 } })
    const started = Date.now()
    const [result] = await syncTwitterPosts(ctx, [target(ids.example)])
    expect(Date.now() - started).toBeLessThan(1_500)
    expect(result).toMatchObject({ status: "failed", errors: [expect.objectContaining({ code: "rate_limit", message: "Rate limit exceeded" })] })
    expect(result.fatal?.retryAfterMs).toBeGreaterThan(60_000)
    expect(Date.parse(result.errors[0].retry_after ?? "")).toBeGreaterThan(Date.now() + 60_000)
    expect(ctx.counter.total()).toBe(1)
  })

  it("x-rate-limit-remaining near zero stops the next call before X answers 429", async () => {
    sandbox.setOptions({ x: { rateLimits: { tweetsLookup: { user: 3 } } } })
    const budgetStore = new InMemoryRateBudgetStore()
    const statuses: string[] = []
    for (let i = 0; i < 4; i++) {
      const [r] = await syncTwitterPosts(contextFor(sandbox, userCreds, { budgetStore, mode: "bulk", config: { xRepliesInBulk: "never" } }), [target(ids.example)])
      statuses.push(r.status)
    }
    // 1/3 ok, 2/3 = 67% ok, 3/3 = 100% → the 4th is stopped locally.
    expect(statuses).toEqual(["success", "success", "success", "failed"])
    const stats = await sandboxStats(sandbox)
    expect(stats.requests.x).toBe(3)
    expect(stats.byStatus["429"]).toBeUndefined()
  })

  it("a usage-capped month waits until the next month", async () => {
    sandbox.setOptions({ x: { usageCapExceeded: true } })
    const [result] = await syncTwitterPosts(contextFor(sandbox, userCreds), [target(ids.example)])
    expect(result.fatal?.isRateLimit).toBe(true)
    const next = new Date()
    expect(new Date(result.errors[0].retry_after ?? "").getUTCDate()).toBe(1)
    expect(Date.parse(result.errors[0].retry_after ?? "")).toBeGreaterThan(next.getTime())
  })

  it("reply search refused mid-way: metrics kept, 'Comments: …' error, status partial", async () => {
    sandbox.setOptions({ x: { rateLimits: { searchRecent: { user: 0 } } } })
    const [result] = await syncTwitterPosts(contextFor(sandbox, userCreds), [target(ids.example)])
    expect(result.status).toBe("partial")
    expect(result.insights?.likes).toBe(85)
    expect(result.errors[0]).toMatchObject({ section: "comments", code: "rate_limit" })
  })
})
