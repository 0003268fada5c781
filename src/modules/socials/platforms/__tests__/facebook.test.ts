import { META_DEMO_TOKENS, META_SEED_IDS } from "../../../../../sandbox/seed"
import type { FacebookPostFixture } from "../../../../../sandbox/types"
import { mergeCrossPostWithPrevious } from "../../insights/cross-post"
import { mergeWithPrevious } from "../../insights/merge"
import { InMemoryRateBudgetStore } from "../http"
import { InMemoryRefusedMetricsStore } from "../meta/refused-metrics"
import { syncFacebookPosts } from "../facebook/sync"
import { syncInstagramPosts } from "../instagram/sync"
import type { SyncTarget } from "../types"
import { comments, contextFor, sandboxStats, useSandbox } from "./sandbox-support"

const PAGE = META_SEED_IDS.pages[0]
const ids = META_SEED_IDS.facebook
const creds = { accessToken: META_DEMO_TOKENS.page, accountId: PAGE }
const NOW = Date.now()

/** The spec's Facebook example: reactions 120/50/15/10/3/2 = 200 likes, 35 comments, 15 shares, reach 6000. */
const specExample: FacebookPostFixture = {
  id: `${PAGE}_990000000000001`,
  page_id: PAGE,
  message: "spec example",
  created_time: new Date(NOW - 86_400_000).toISOString(),
  permalink_url: "https://www.facebook.com/123/posts/456",
  shares: 15,
  reactions: { LIKE: 120, LOVE: 50, WOW: 15, HAHA: 10, SAD: 3, ANGRY: 2 },
  comments: comments("99000", 35, NOW - 120_000),
  insights: { post_media_view: 8000, post_total_media_view_unique: 6000, post_clicks: 45 },
}

const target = (platformPostId: string, extra: Partial<SyncTarget> = {}): SyncTarget => ({ targetId: `post_${platformPostId}`, platformPostId, ...extra })

describe("Facebook sync against the sandbox", () => {
  const sandbox = useSandbox((s) => {
    s.setOptions({ rateLimits: true, meta: {} })
    s.addFixtures({ facebook: [specExample] })
  })

  it("reproduces the spec's example with ONE request: reactions by type, comments and insights together", async () => {
    const ctx = contextFor(sandbox, creds)
    const [result] = await syncFacebookPosts(ctx, [target(specExample.id)])
    expect(result.status).toBe("success")
    expect(result.insights).toMatchObject({
      platform: "facebook",
      permalink: "https://www.facebook.com/123/posts/456",
      likes: 200,
      comments: 35,
      shares: 15,
      impressions: 8000,
      reach: 6000,
      engagement: 250,
      engagement_rate: 4.17,
      reactions: { like: 120, love: 50, wow: 15, haha: 10, sad: 3, angry: 2, care: 0, total: 200 },
    })
    expect(result.insights).not.toHaveProperty("saves")
    expect(result.insights?.facebook_insights).toMatchObject({ post_media_view: 8000, post_total_media_view_unique: 6000, post_clicks: 45 })
    expect(result.insights?.comments_data).toHaveLength(35)
    expect(result.insights?.comments_data?.[0]).toMatchObject({ text: "comment 1", from: { id: "u0", name: "user_0" }, reply_count: 0 })
    expect(ctx.counter.total()).toBe(1)
    expect((await sandboxStats(sandbox)).requests.meta).toBe(1)
  })

  it("missing shares field means 0 shares; a video post reports its views", async () => {
    const ctx = contextFor(sandbox, creds)
    const [photo, video, text] = await syncFacebookPosts(ctx, [target(ids.photoNoShares), target(ids.video, { mediaType: "video" }), target(ids.text)])
    expect(photo.insights?.shares).toBe(0)
    expect(video.insights?.video_views).toBe(sandbox.fixtures.facebook.find((p) => p.id === ids.video)?.insights.post_video_views)
    expect(text.insights).not.toHaveProperty("video_views")
    expect(ctx.counter.total()).toBe(1)
  })

  it("more than 100 comments: first 100 in the post call, further ones only when the limit asks", async () => {
    const ctx = contextFor(sandbox, creds)
    const [result] = await syncFacebookPosts(ctx, [target(ids.manyComments)])
    expect(result.insights?.comments_data).toHaveLength(100)
    expect(result.insights?.comments).toBe(130)
    expect(ctx.counter.total()).toBe(1)

    const more = contextFor(sandbox, creds, { config: { commentsLimit: 150 } })
    const [all] = await syncFacebookPosts(more, [target(ids.manyComments)])
    expect(all.insights?.comments_data).toHaveLength(130)
    expect(more.counter.total()).toBe(2)
  })

  it("N posts: ceil(N/50) batch requests, one unit per post", async () => {
    const posts: FacebookPostFixture[] = Array.from({ length: 101 }, (_, i) => ({ ...specExample, id: `${PAGE}_98${String(i).padStart(13, "0")}`, comments: [] }))
    sandbox.addFixtures({ facebook: posts })
    const ctx = contextFor(sandbox, creds, { budgetStore: new InMemoryRateBudgetStore(), config: { budgets: { facebook: { limit: 1_000, windowMs: 3_600_000 } } } })
    const results = await syncFacebookPosts(ctx, posts.map((p) => target(p.id)))
    expect(results.filter((r) => r.status === "success")).toHaveLength(101)
    const stats = await sandboxStats(sandbox)
    expect(stats.requests.meta).toBe(3)
    expect(stats.units.meta).toBe(101)
  })

  it("retired metric named by nothing ('must be a valid insights metric'): probes per metric once, then remembers", async () => {
    const refusedMetrics = new InMemoryRefusedMetricsStore()
    const config = { facebookMetrics: ["post_impressions", "post_media_view", "post_total_media_view_unique", "post_engaged_users"] }
    const ctx = contextFor(sandbox, creds, { config, refusedMetrics })
    const [result] = await syncFacebookPosts(ctx, [target(specExample.id)])
    expect(result.status).toBe("success")
    expect(result.insights).toMatchObject({ impressions: 8000, reach: 6000 })
    expect(result.errors).toContainEqual(expect.objectContaining({ severity: "notice", message: "Facebook no longer provides 'post_impressions', 'post_engaged_users' for this media; showing 'post_media_view', 'post_clicks'" }))
    // post call (refused) + one batch of 4 per-metric probes + post call again
    expect(ctx.counter.total()).toBe(3)
    expect(await refusedMetrics.get(`facebook:${PAGE}:v25.0:post`)).toEqual(["post_impressions", "post_engaged_users"])

    const later = contextFor(sandbox, creds, { config, refusedMetrics })
    await syncFacebookPosts(later, [target(specExample.id), target(ids.text)])
    expect(later.counter.total()).toBe(1)
  })

  it("a deleted post fails alone; the rest of the batch succeeds", async () => {
    const results = await syncFacebookPosts(contextFor(sandbox, creds), [target(ids.deleted), target(ids.text)])
    expect(results[0]).toMatchObject({ status: "failed", errors: [expect.objectContaining({ message: "Post not found" })] })
    expect(results[1].status).toBe("success")
  })

  it("a token without insights and comment permissions still returns post metrics (partial)", async () => {
    const ctx = contextFor(sandbox, { accessToken: META_DEMO_TOKENS.readOnly, accountId: PAGE })
    const [result] = await syncFacebookPosts(ctx, [target(specExample.id)])
    expect(result.status).toBe("partial")
    expect(result.insights?.shares).toBe(15)
    const sections = result.errors.map((e) => `${e.section}:${e.code}`)
    expect(sections).toContain("insights:permission")
    expect(result.insights?.impressions).toBeUndefined()
  })

  it("transient 5xx, resets and truncated JSON are retried inside the request", async () => {
    sandbox.setFaults({ status5xx: { count: 1, status: 503 }, family: "meta" })
    const [a] = await syncFacebookPosts(contextFor(sandbox, creds), [target(specExample.id)])
    expect(a.status).toBe("success")
    sandbox.setFaults({ malformed: { count: 1 }, family: "meta" })
    const [b] = await syncFacebookPosts(contextFor(sandbox, creds), [target(specExample.id)])
    expect(b.status).toBe("success")
    sandbox.setFaults({ reset: { count: 1 }, family: "meta" })
    const [c] = await syncFacebookPosts(contextFor(sandbox, creds), [target(specExample.id)])
    expect(c.status).toBe("success")
    expect((await sandboxStats(sandbox)).faultsInjected).toMatchObject({ status5xx: 1, malformed: 1, reset: 1 })
  })

  it("a request that never answers times out and fails cleanly after bounded retries", async () => {
    sandbox.setFaults({ timeout: { count: 10 }, family: "meta" })
    const ctx = contextFor(sandbox, creds, { config: { requestTimeoutMs: 100, maxRetries: 1 } })
    const started = Date.now()
    const [result] = await syncFacebookPosts(ctx, [target(specExample.id)])
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(result.status).toBe("failed")
    expect(result.errors[0].message).toBe("Facebook did not answer in time")
    expect(ctx.counter.total()).toBe(2)
  })

  it("usage headers near the limit stop us before Meta throttles; the error says when to come back", async () => {
    sandbox.setOptions({ meta: { callsPerHour: 10 } })
    const budgetStore = new InMemoryRateBudgetStore()
    let last
    let sent = 0
    for (let i = 0; i < 12; i++) {
      const ctx = contextFor(sandbox, creds, { budgetStore })
      ;[last] = await syncFacebookPosts(ctx, [target(specExample.id)])
      sent += ctx.counter.total()
      if (last.status === "failed") break
    }
    expect(last?.status).toBe("failed")
    expect(last?.fatal?.isRateLimit).toBe(true)
    expect(last?.errors[0]).toMatchObject({ code: "rate_limit", message: "Rate limit exceeded" })
    expect(Date.parse(last?.errors[0].retry_after ?? "")).toBeGreaterThan(Date.now())
    // We stopped at 90%: Meta never had to throttle us.
    expect(sent).toBe(9)
    const stats = await sandboxStats(sandbox)
    expect(stats.requests.meta).toBe(9)
    expect(Object.keys(stats.byStatus)).toEqual(["200"])
  })

  it("a throttle answered by Meta (code 80001) fails the batch as rate-limited, with a retry time", async () => {
    sandbox.setOptions({ meta: { callsPerHour: 1 } })
    // Usage headers are ignored here (no budget store) to reach the platform's own throttle.
    const first = contextFor(sandbox, creds)
    await syncFacebookPosts(first, [target(specExample.id)])
    const ctx = contextFor(sandbox, creds, { config: { usageStopPercent: 100, usageSlowPercent: 100 } })
    const results = await syncFacebookPosts(ctx, [target(specExample.id), target(ids.text)])
    expect(results.every((r) => r.status === "failed" && r.fatal?.isRateLimit)).toBe(true)
    expect(results[0].errors[0].retry_after).toBeDefined()
    expect(ctx.counter.total()).toBe(1)
  })

  it("cross-posted to Instagram: both platforms, per-platform blocks, summed top level", async () => {
    const fb = await syncFacebookPosts(contextFor(sandbox, creds), [target(specExample.id)])
    const ig = await syncInstagramPosts(contextFor(sandbox, { accessToken: META_DEMO_TOKENS.page, accountId: META_SEED_IDS.instagramUsers[0] }), [
      target(META_SEED_IDS.instagram.image, { mediaProductType: "FEED" }),
    ])
    const merged = mergeCrossPostWithPrevious({ facebook_post_id: specExample.id, instagram_media_id: META_SEED_IDS.instagram.image }, "facebook", [fb[0], ig[0]])
    expect(merged.platform).toBe("facebook")
    expect(merged.likes).toBe(200 + (ig[0].insights?.likes ?? 0))
    expect(merged.by_platform?.facebook?.engagement).toBe(250)
    expect(merged.facebook_insights).toBeDefined()
    expect(merged.instagram_insights).toBeDefined()
    expect(merged.comments_data?.some((c) => c.platform === "instagram")).toBe(true)
  })

  it("a failed sync keeps the previous data", async () => {
    const [good] = await syncFacebookPosts(contextFor(sandbox, creds), [target(specExample.id)])
    const stored = mergeWithPrevious({ facebook_post_id: specExample.id }, good)
    const [bad] = await syncFacebookPosts(contextFor(sandbox, { accessToken: META_DEMO_TOKENS.expired, accountId: PAGE }), [target(specExample.id)])
    const after = mergeWithPrevious(stored, bad)
    expect(after).toMatchObject({ likes: 200, engagement: 250, sync_status: "failed", last_synced_at: stored.last_synced_at })
    expect(after.comments_data).toHaveLength(35)
    expect(after.sync_errors?.[0]).toMatch(/^Account: Access token expired: reconnect your Facebook account/)
  })
})
