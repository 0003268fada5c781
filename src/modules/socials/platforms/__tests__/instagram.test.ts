import { META_DEMO_TOKENS, META_SEED_IDS } from "../../../../../sandbox/seed"
import type { InstagramMediaFixture } from "../../../../../sandbox/types"
import { mergeWithPrevious } from "../../insights/merge"
import { validatePostInsights } from "../../insights/schema"
import { InMemoryRateBudgetStore } from "../http"
import { InMemoryRefusedMetricsStore } from "../meta/refused-metrics"
import { syncInstagramPosts } from "../instagram/sync"
import type { SyncTarget } from "../types"
import { comments, contextFor, sandboxStats, useSandbox } from "./sandbox-support"

const IG_USER = META_SEED_IDS.instagramUsers[0]
const ids = META_SEED_IDS.instagram
const creds = { accessToken: META_DEMO_TOKENS.page, accountId: IG_USER }
const NOW = Date.now()

/** The spec's Instagram example: 150 likes, 25 comments, 10 shares, 30 saves, reach 3500. */
const specExample: InstagramMediaFixture = {
  id: "17990000000000001",
  owner_id: IG_USER,
  media_type: "IMAGE",
  media_product_type: "FEED",
  permalink: "https://www.instagram.com/p/ABC123/",
  caption: "spec example",
  timestamp: new Date(NOW - 86_400_000).toISOString(),
  like_count: 150,
  comments: comments("1799000", 25, NOW - 60_000),
  insights: { views: 5000, reach: 3500, saved: 30, shares: 10, likes: 150, comments: 25, total_interactions: 215, profile_visits: 45, follows: 12, reposts: 1 },
}

const target = (platformPostId: string, extra: Partial<SyncTarget> = {}): SyncTarget => ({ targetId: `post_${platformPostId}`, platformPostId, ...extra })

describe("Instagram sync against the sandbox", () => {
  const sandbox = useSandbox((s) => {
    s.addFixtures({ instagram: [specExample] })
  })

  it("reproduces the spec's example in ONE request", async () => {
    const ctx = contextFor(sandbox, creds)
    const [result] = await syncInstagramPosts(ctx, [target(specExample.id, { mediaProductType: "FEED" })])
    expect(result.status).toBe("success")
    expect(result.insights).toMatchObject({
      platform: "instagram",
      platform_post_id: specExample.id,
      permalink: "https://www.instagram.com/p/ABC123/",
      media_type: "IMAGE",
      likes: 150,
      comments: 25,
      shares: 10,
      saves: 30,
      impressions: 5000,
      reach: 3500,
      engagement: 215,
      engagement_rate: 6.14,
    })
    expect(result.insights?.instagram_insights).toMatchObject({ views: 5000, reach: 3500, saved: 30, profile_visits: 45, follows: 12 })
    expect(result.insights?.comments_data).toHaveLength(25)
    expect(result.insights?.comments_data?.[0]).toMatchObject({ id: "1799000000001", text: "comment 1", from: { name: "user_0" }, like_count: 0 })
    expect(result.commentsComplete).toBe(true)
    expect(ctx.counter.total()).toBe(1)
    expect((await sandboxStats(sandbox)).requests.meta).toBe(1)
    const stored = mergeWithPrevious({ instagram_media_id: specExample.id }, result)
    expect(validatePostInsights(stored)).toMatchObject({ engagement: 215, engagement_rate: 6.14, sync_status: "success", instagram_media_id: specExample.id })
  })

  it("reels: views are impressions and video views, watch time is stored in seconds", async () => {
    const ctx = contextFor(sandbox, creds)
    const [result] = await syncInstagramPosts(ctx, [target(ids.reel, { mediaProductType: "REELS" })])
    const reel = sandbox.fixtures.instagram.find((m) => m.id === ids.reel)
    expect(result.status).toBe("success")
    expect(result.insights?.impressions).toBe(reel?.insights.views)
    expect(result.insights?.video_views).toBe(reel?.insights.views)
    expect(result.insights?.avg_watch_time).toBeCloseTo((reel?.insights.ig_reels_avg_watch_time ?? 0) / 1000, 2)
    expect(result.insights?.instagram_insights).toHaveProperty("reels_skip_rate")
    expect(result.insights?.instagram_insights).not.toHaveProperty("follows")
  })

  it("story, carousel and feed video each get their product type's metrics in one batch", async () => {
    const ctx = contextFor(sandbox, creds)
    const results = await syncInstagramPosts(ctx, [
      target(ids.story, { mediaProductType: "STORY" }),
      target(ids.carousel, { mediaProductType: "FEED" }),
      target(ids.feedVideo, { mediaProductType: "FEED" }),
      target(ids.image, { mediaProductType: "FEED" }),
    ])
    expect(results.map((r) => r.status)).toEqual(["success", "success", "success", "success"])
    expect(results[0].insights?.instagram_insights).toHaveProperty("navigation")
    expect(results[1].insights?.media_type).toBe("CAROUSEL_ALBUM")
    expect(results[2].insights?.video_views).toBeGreaterThan(0)
    expect(ctx.counter.total()).toBe(1)
  })

  it("unknown product type uses the FEED∩REELS-safe set and reports the product type", async () => {
    const ctx = contextFor(sandbox, creds)
    const [feed, reel] = await syncInstagramPosts(ctx, [target(ids.image), target(ids.reel)])
    expect(feed.status).toBe("success")
    expect(reel.status).toBe("success")
    expect(reel.insights?.media_product_type).toBe("REELS")
    expect(ctx.counter.total()).toBe(1)
  })

  it("a story with an unknown product type recovers by probing and does not poison other posts", async () => {
    const refusedMetrics = new InMemoryRefusedMetricsStore()
    const ctx = contextFor(sandbox, creds, { refusedMetrics })
    const [story] = await syncInstagramPosts(ctx, [target(ids.story)])
    expect(story.status).toBe("success")
    expect(story.insights?.reach).toBeGreaterThan(0)
    expect(story.errors.map((e) => e.message)).toContainEqual(expect.stringContaining("does not provide 'likes'"))
    expect(await refusedMetrics.get(`instagram:${IG_USER}:v25.0:UNKNOWN`)).toEqual([])
  })

  it("retired metric: drops it, retries once, remembers it per account and API version and says so", async () => {
    const refusedMetrics = new InMemoryRefusedMetricsStore()
    const config = { instagramMetrics: { FEED: ["impressions", "views", "reach", "saved", "likes", "comments", "shares"] } }
    const ctx = contextFor(sandbox, creds, { config, refusedMetrics })
    const [first] = await syncInstagramPosts(ctx, [target(specExample.id, { mediaProductType: "FEED" })])
    expect(first.status).toBe("success")
    expect(first.insights).toMatchObject({ impressions: 5000, reach: 3500, saves: 30 })
    expect(first.insights?.instagram_insights).not.toHaveProperty("impressions")
    expect(first.errors).toContainEqual(
      expect.objectContaining({ section: "insights", code: "metric_unavailable", severity: "notice", message: "Instagram no longer provides 'impressions' for this media; showing 'views'" })
    )
    expect(ctx.counter.total()).toBe(2)
    expect(await refusedMetrics.get(`instagram:${IG_USER}:v25.0:FEED`)).toEqual(["impressions"])
    const stored = mergeWithPrevious(undefined, first)
    expect(stored.sync_errors).toEqual(["Insights metrics: Instagram no longer provides 'impressions' for this media; showing 'views'"])

    const again = contextFor(sandbox, creds, { config, refusedMetrics })
    const [second] = await syncInstagramPosts(again, [target(specExample.id, { mediaProductType: "FEED" })])
    expect(second.status).toBe("success")
    expect(again.counter.total()).toBe(1)
    expect(second.errors.map((e) => e.code)).toEqual(["metric_unavailable"])
  })

  it("a metric that still works on an older version is asked again there (refusals are per version)", async () => {
    const refusedMetrics = new InMemoryRefusedMetricsStore()
    await refusedMetrics.add(`instagram:${IG_USER}:v25.0:FEED`, ["impressions"])
    const ctx = contextFor(sandbox, creds, { refusedMetrics, config: { metaGraphApiVersion: "v21.0", instagramMetrics: { FEED: ["impressions", "reach"] } } })
    const [legacy] = await syncInstagramPosts(ctx, [target(ids.legacyImage, { mediaProductType: "FEED" })])
    expect(legacy.status).toBe("success")
    expect(legacy.insights?.instagram_insights).toHaveProperty("impressions")
    expect(ctx.counter.total()).toBe(1)
  })

  it("unknown metric name: reads the allowed list from metric[N]", async () => {
    const ctx = contextFor(sandbox, creds, { config: { instagramMetrics: { FEED: ["views", "engagement", "reach"] } } })
    const [result] = await syncInstagramPosts(ctx, [target(specExample.id, { mediaProductType: "FEED" })])
    expect(result.status).toBe("success")
    expect(result.insights?.reach).toBe(3500)
    expect(result.errors[0].message).toBe("Instagram no longer provides 'engagement' for this media; showing 'total_interactions'")
  })

  it("hidden likes: falls back to the likes insight, never invents a zero", async () => {
    const ctx = contextFor(sandbox, creds)
    const [result] = await syncInstagramPosts(ctx, [target(ids.hiddenLikes, { mediaProductType: "FEED" })])
    const media = sandbox.fixtures.instagram.find((m) => m.id === ids.hiddenLikes)
    expect(result.insights?.likes).toBe(media?.insights.likes)

    // Neither like_count nor a likes insight: likes stay unknown.
    sandbox.addFixtures({ instagram: [{ ...specExample, id: "17990000000000002", hide_like_count: true }] })
    const noLikesInsight = contextFor(sandbox, creds, { config: { instagramMetrics: { FEED: ["views", "reach", "saved", "shares"] } } })
    const [bare] = await syncInstagramPosts(noLikesInsight, [target("17990000000000002", { mediaProductType: "FEED" })])
    expect(bare.insights).not.toHaveProperty("likes")
    expect(bare.errors).toContainEqual(expect.objectContaining({ code: "likes_hidden", severity: "notice" }))
    expect(bare.status).toBe("success")
    expect(bare.insights?.engagement).toBe(65)
  })

  it("comments beyond 50 take one more page; the limit is respected", async () => {
    const ctx = contextFor(sandbox, creds)
    const [result] = await syncInstagramPosts(ctx, [target(ids.manyComments, { mediaProductType: "FEED" })])
    expect(result.insights?.comments_data).toHaveLength(75)
    expect(ctx.counter.total()).toBe(2)
    const times = result.insights?.comments_data?.map((c) => Date.parse(c.created_time)) ?? []
    expect([...times].sort((a, b) => b - a)).toEqual(times)

    const limited = contextFor(sandbox, creds, { config: { commentsLimit: 30 } })
    const [few] = await syncInstagramPosts(limited, [target(ids.manyComments, { mediaProductType: "FEED" })])
    expect(few.insights?.comments_data).toHaveLength(30)
    expect(limited.counter.total()).toBe(1)
  })

  it("incremental comments: stops paging at a stored comment and merges", async () => {
    const first = await syncInstagramPosts(contextFor(sandbox, creds), [target(ids.manyComments, { mediaProductType: "FEED" })])
    const stored = mergeWithPrevious(undefined, first[0])
    const media = sandbox.fixtures.instagram.find((m) => m.id === ids.manyComments)
    media?.comments.push({ id: "17999999999999999", text: "brand new", from: { id: "9", name: "newbie" }, created_time: new Date().toISOString(), like_count: 0 })

    const ctx = contextFor(sandbox, creds)
    const [second] = await syncInstagramPosts(ctx, [target(ids.manyComments, { mediaProductType: "FEED", previousComments: stored.comments_data })])
    expect(ctx.counter.total()).toBe(1)
    expect(second.commentsComplete).toBe(false)
    const merged = mergeWithPrevious(stored, second)
    expect(merged.comments_data).toHaveLength(76)
    expect(merged.comments_data?.[0].id).toBe("17999999999999999")
  })

  it("N posts cost ceil(N/50) batch requests; every item counts toward the budget", async () => {
    const extra: InstagramMediaFixture[] = Array.from({ length: 120 }, (_, i) => ({
      ...specExample,
      id: `1798${String(i).padStart(13, "0")}`,
      comments: [],
    }))
    sandbox.addFixtures({ instagram: extra })
    const budgetStore = new InMemoryRateBudgetStore()
    const ctx = contextFor(sandbox, creds, { budgetStore, config: { budgets: { instagram: { limit: 1_000, windowMs: 3_600_000 } } } })
    const results = await syncInstagramPosts(ctx, extra.map((m) => target(m.id, { mediaProductType: "FEED" })))
    expect(results.every((r) => r.status === "success")).toBe(true)
    expect(ctx.counter.total()).toBe(3)
    expect(ctx.counter.units()).toBe(120)
    const stats = await sandboxStats(sandbox)
    expect(stats.requests.meta).toBe(3)
    expect(stats.units.meta).toBe(120)
    expect(budgetStore.used(`socials:instagram:acct:${IG_USER}`, 3_600_000)).toBe(120)
  })

  it("a deleted post fails alone with 'Post not found'; an invalid id costs no request", async () => {
    const ctx = contextFor(sandbox, creds)
    const results = await syncInstagramPosts(ctx, [target(ids.deleted, { mediaProductType: "FEED" }), target(ids.image, { mediaProductType: "FEED" }), target("not-an-id")])
    expect(results.map((r) => r.status)).toEqual(["failed", "success", "failed"])
    expect(results[0].errors[0]).toMatchObject({ section: "post", code: "not_found", message: "Post not found" })
    expect(results[2].errors[0].message).toBe("Invalid media ID")
    expect(results[0].fatal).toBeUndefined()
    expect(ctx.counter.total()).toBe(1)
  })

  it("sections fail independently: comments refused gives partial with metrics kept", async () => {
    sandbox.addFixtures({
      tokens: [{ token: "meta-nocomments-token", family: "meta", account_id: META_SEED_IDS.pages[0], linked_account_ids: [IG_USER], permissions: ["pages_read_engagement", "instagram_basic", "instagram_manage_insights"] }],
    })
    const ctx = contextFor(sandbox, { accessToken: "meta-nocomments-token", accountId: IG_USER })
    const [result] = await syncInstagramPosts(ctx, [target(specExample.id, { mediaProductType: "FEED" })])
    expect(result.status).toBe("partial")
    expect(result.insights).toMatchObject({ likes: 150, reach: 3500, engagement: 215 })
    expect(result.errors).toEqual([expect.objectContaining({ section: "comments", code: "permission" })])
    const stored = mergeWithPrevious({ comments_data: [{ id: "old", text: "kept", created_time: "2026-01-01T00:00:00.000Z" }] }, result)
    expect(stored.sync_errors?.[0]).toMatch(/^Comments: Permission denied/)
    expect(stored.comments_data?.map((c) => c.id)).toEqual(["old"])
  })

  it("a story with too few viewers keeps its metrics and notes why insights are missing", async () => {
    const [result] = await syncInstagramPosts(contextFor(sandbox, creds), [target(ids.storyFewViewers, { mediaProductType: "STORY" })])
    expect(result.status).toBe("success")
    expect(result.insights?.comments).toBeDefined()
    expect(result.insights?.reach).toBeUndefined()
    expect(result.errors).toContainEqual(expect.objectContaining({ section: "insights", code: "insights_unavailable", severity: "notice" }))
  })

  it("Instagram's own throttle (80002) fails the batch as rate-limited, with Meta's regain estimate", async () => {
    sandbox.setOptions({ meta: { callsPerHour: 2 } })
    const relaxed = { usageStopPercent: 100, usageSlowPercent: 100 }
    await syncInstagramPosts(contextFor(sandbox, creds, { config: relaxed }), [target(ids.image, { mediaProductType: "FEED" }), target(ids.carousel, { mediaProductType: "FEED" })])
    const ctx = contextFor(sandbox, creds, { config: relaxed })
    const results = await syncInstagramPosts(ctx, [target(ids.image, { mediaProductType: "FEED" }), target(ids.reel, { mediaProductType: "REELS" })])
    expect(results.every((r) => r.status === "failed" && r.fatal?.isRateLimit && r.fatal.code === 80002)).toBe(true)
    const retryAt = Date.parse(results[0].errors[0].retry_after ?? "")
    // estimated_time_to_regain_access is in minutes: about an hour here, not seconds.
    expect(retryAt - Date.now()).toBeGreaterThan(30 * 60_000)
    expect(ctx.counter.total()).toBe(1)
    sandbox.setOptions({ meta: {} })
  })

  it("expired and revoked tokens fail every post as account-wide auth errors, without leaking the token", async () => {
    for (const token of [META_DEMO_TOKENS.expired, META_DEMO_TOKENS.revoked]) {
      const ctx = contextFor(sandbox, { accessToken: token, accountId: IG_USER })
      const results = await syncInstagramPosts(ctx, [target(ids.image, { mediaProductType: "FEED" }), target(ids.reel, { mediaProductType: "REELS" })])
      expect(results.every((r) => r.status === "failed" && r.fatal?.isAuth)).toBe(true)
      expect(results[0].errors[0].message).toMatch(/reconnect your Instagram account/)
      expect(JSON.stringify(results)).not.toContain(token)
      expect(results[0].fatal?.url ?? "").not.toContain(token)
    }
  })
})
