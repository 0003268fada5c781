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
const MINUTE = 60_000

const target = (platformPostId: string, extra: Partial<SyncTarget> = {}): SyncTarget => ({ targetId: `post_${platformPostId}`, platformPostId, ...extra })
const daysAgo = (n: number): string => new Date(Date.now() - n * DAY).toISOString()

function manyTweets(count: number): TweetFixture[] {
  return Array.from({ length: count }, (_, i) => ({
    id: String(1870000000000000000n + BigInt(i)),
    author_id: USER,
    text: `post ${i}`,
    created_at: daysAgo(1),
    public_metrics: { retweet_count: 1, reply_count: 0, like_count: 2, quote_count: 0, bookmark_count: 0, impression_count: 10 },
    replies: [],
  }))
}

describe("X: refused chunks, throttles that last, real error bodies", () => {
  const sandbox = useSandbox((s) => {
    s.setOptions({ rateLimits: true, x: {} })
  })
  const bulk = { mode: "bulk" as const, config: { xRepliesInBulk: "never" as const } }

  it("a lookup chunk X refuses (429) fails only its 100 posts; the chunks that answered keep their results", async () => {
    sandbox.setOptions({ x: { rateLimits: { tweetsLookup: { user: 2 } } } })
    const tweets = manyTweets(250)
    sandbox.addFixtures({ tweets })
    const results = await syncTwitterPosts(contextFor(sandbox, userCreds, { ...bulk, config: { ...bulk.config, usageStopPercent: 100, usageSlowPercent: 100 } }), tweets.map((t) => target(t.id, { postedAt: t.created_at })))
    expect(results.filter((r) => r.status === "success")).toHaveLength(200)
    const refused = results.filter((r) => r.status === "failed")
    expect(refused).toHaveLength(50)
    expect(refused.every((r) => r.errors[0].code === "rate_limit" && Date.parse(r.errors[0].retry_after ?? "") > Date.now())).toBe(true)
    expect((await sandboxStats(sandbox)).requests.x).toBe(3)
  })

  it("our own budget is checked before each chunk: 2 units left → 200 synced, 50 rate limited, 2 calls", async () => {
    const tweets = manyTweets(250)
    sandbox.addFixtures({ tweets })
    const ctx = contextFor(sandbox, userCreds, { ...bulk, config: { ...bulk.config, budgets: { twitter: { limit: 2, windowMs: 15 * MINUTE } } } })
    const results = await syncTwitterPosts(ctx, tweets.map((t) => target(t.id, { postedAt: t.created_at })))
    expect(results.filter((r) => r.status === "success")).toHaveLength(200)
    const refused = results.filter((r) => r.status === "failed")
    expect(refused).toHaveLength(50)
    expect(refused[0].errors[0]).toMatchObject({ code: "rate_limit", retry_after: expect.any(String) })
    expect((await sandboxStats(sandbox)).requests.x).toBe(2)
  })

  it("a 429 without any header pauses the account for X's 15-minute window, and the next run honours it", async () => {
    sandbox.setOptions({ x: { rateLimits: { tweetsLookup: { user: 0 } }, omitRateLimitHeaders: true } })
    const budgetStore = new InMemoryRateBudgetStore()
    const [first] = await syncTwitterPosts(contextFor(sandbox, userCreds, { ...bulk, budgetStore }), [target(ids.example)])
    expect(first).toMatchObject({ status: "failed", errors: [expect.objectContaining({ code: "rate_limit" })] })
    const wait = Date.parse(first.errors[0].retry_after ?? "") - Date.now()
    expect(wait).toBeGreaterThan(14 * MINUTE)
    expect(wait).toBeLessThanOrEqual(15 * MINUTE)
    expect((await sandboxStats(sandbox)).requests.x).toBe(1)

    const next = contextFor(sandbox, userCreds, { ...bulk, budgetStore })
    const [second] = await syncTwitterPosts(next, [target(ids.example)])
    expect(second.status).toBe("failed")
    expect(Date.parse(second.errors[0].retry_after ?? "") - Date.now()).toBeGreaterThan(14 * MINUTE)
    expect((await sandboxStats(sandbox)).requests.x).toBe(1)
  })

  it("a monthly usage cap (headers still show room) waits until the cap resets, says so, and pauses every endpoint", async () => {
    sandbox.setOptions({ x: { usageCapExceeded: true } })
    const budgetStore = new InMemoryRateBudgetStore()
    const [result] = await syncTwitterPosts(contextFor(sandbox, userCreds, { budgetStore }), [target(ids.example, { postedAt: daysAgo(2) })])
    const resetDay = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 1, 1)).toISOString().slice(0, 10)
    expect(result.errors[0].message).toBe(`Rate limit exceeded: the X app's monthly usage cap is reached; X reads resume when it resets on ${resetDay} (UTC)`)
    expect(Math.abs(Date.parse(result.errors[0].retry_after ?? "") - Date.parse(`${resetDay}T00:00:00Z`))).toBeLessThan(1_000)
    // One lookup and no search: the cap stops the account (the 15-minute headers still show room, see x-usage-errors.test.ts).
    expect((await sandboxStats(sandbox)).requests.x).toBe(1)

    sandbox.setOptions({ x: {} })
    const [again] = await syncTwitterPosts(contextFor(sandbox, userCreds, { budgetStore }), [target(ids.example, { postedAt: daysAgo(2) })])
    expect(again.status).toBe("failed")
    expect((await sandboxStats(sandbox)).requests.x).toBe(1)
  })

  it("an app not attached to a Project stops the account after the first answer and says what to change", async () => {
    sandbox.setOptions({ x: { clientNotEnrolled: true } })
    const tweets = manyTweets(250)
    sandbox.addFixtures({ tweets })
    const results = await syncTwitterPosts(contextFor(sandbox, userCreds, bulk), tweets.map((t) => target(t.id, { postedAt: t.created_at })))
    expect((await sandboxStats(sandbox)).requests.x).toBe(1)
    expect(results.every((r) => r.status === "failed" && r.fatal?.kind === "app_config" && !r.fatal.isAuth)).toBe(true)
    expect(results[0].errors[0]).toMatchObject({ section: "account", code: "app_config" })
    expect(results[0].errors[0].message).toMatch(/not attached to a Project.*developer portal/)
  })

  it("partial errors without type, resource_id or value: the named posts fail alone as not found, no second lookup", async () => {
    sandbox.setOptions({ x: { partialErrorShape: "minimal" } })
    const ctx = contextFor(sandbox, userCreds, bulk)
    const results = await syncTwitterPosts(ctx, [target(ids.deleted), target(ids.example), target(ids.unknown)])
    expect(results.map((r) => r.status)).toEqual(["failed", "success", "failed"])
    expect(results[0].errors[0]).toMatchObject({ code: "not_found", message: "Post not found" })
    expect(results.some((r) => r.fatal)).toBe(false)
    expect(ctx.counter.total()).toBe(1)
  })
})

describe("X reply search only where it can find something", () => {
  const sandbox = useSandbox((s) => {
    s.setOptions({ rateLimits: true, x: {} })
  })
  const searches = (path: string) => sandbox.log().filter((e) => e.family === "x" && e.path === path).length

  it("a post older than 7 days gets no search/recent; younger ones do", async () => {
    const ctx = contextFor(sandbox, userCreds, { mode: "bulk", config: { xRepliesInBulk: "always" } })
    const results = await syncTwitterPosts(ctx, [target(ids.old, { postedAt: daysAgo(40) }), target(ids.example, { postedAt: daysAgo(2) })])
    expect(results.map((r) => r.status)).toEqual(["success", "success"])
    expect(results[0].insights?.comments).toBe(4)
    expect(results[0].insights?.comments_data).toBeUndefined()
    expect(results[1].insights?.comments_data).toHaveLength(12)
    expect(ctx.counter.byOperation()["twitter.search-recent"]).toBe(1)
  })

  it("with full-archive access (xFullArchiveSearch) the old post's replies come from search/all", async () => {
    const ctx = contextFor(sandbox, userCreds, { config: { xFullArchiveSearch: true } })
    const [result] = await syncTwitterPosts(ctx, [target(ids.old, { postedAt: daysAgo(40) })])
    expect(result.insights?.comments_data).toHaveLength(4)
    expect(searches("/2/tweets/search/all")).toBe(1)
    expect(searches("/2/tweets/search/recent")).toBe(0)
    expect(result.commentsComplete).toBe(true)
  })

  it("a reply deleted on X (the count went down) disappears from comments_data: the 7-day window is read again", async () => {
    const [first] = await syncTwitterPosts(contextFor(sandbox, userCreds), [target(ids.example, { postedAt: daysAgo(2) })])
    const stored = mergeWithPrevious(undefined, first)
    const tweet = sandbox.fixtures.tweets.find((t) => t.id === ids.example)
    const gone = stored.comments_data?.[1].id
    if (tweet) {
      tweet.replies = tweet.replies.filter((r) => r.id !== gone)
      tweet.public_metrics.reply_count = 11
    }
    const [second] = await syncTwitterPosts(contextFor(sandbox, userCreds), [target(ids.example, { postedAt: daysAgo(2), previousComments: stored.comments_data, previousCommentCount: 12 })])
    const merged = mergeWithPrevious(stored, second)
    expect(merged.comments_data).toHaveLength(11)
    expect(merged.comments_data?.map((c) => c.id)).not.toContain(gone)
    expect(sandbox.log().filter((e) => e.path === "/2/tweets/search/recent").pop()?.query).not.toContain("since_id")
  })

  it("an old post whose reply count rose since the last sync is searched: the new replies are recent", async () => {
    const ctx = contextFor(sandbox, userCreds, { mode: "bulk" })
    const [result] = await syncTwitterPosts(ctx, [target(ids.manyReplies, { postedAt: daysAgo(10), previousCommentCount: 120 })])
    expect(result.insights?.comments_data).toHaveLength(100)
    expect(ctx.counter.byOperation()["twitter.search-recent"]).toBe(1)
  })
})
