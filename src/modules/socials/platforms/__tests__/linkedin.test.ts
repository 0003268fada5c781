import type { LinkedInPostFixture } from "../../../../../sandbox/types"
import { LINKEDIN_DEMO_TOKENS, LINKEDIN_SEED_IDS } from "../../../../../sandbox/linkedin/seed"
import { mergeWithPrevious } from "../../insights/merge"
import { syncLinkedInPosts } from "../linkedin/sync"
import type { PlatformCredentials, SyncTarget } from "../types"
import { contextFor, sandboxStats, useSandbox } from "./sandbox-support"

const ORG = "urn:li:organization:90000001"
const ids = LINKEDIN_SEED_IDS
const creds: PlatformCredentials = { accessToken: LINKEDIN_DEMO_TOKENS.member, accountId: ORG }
const refreshConfig = { linkedinClientId: "sandbox-client", linkedinClientSecret: "sandbox-client-secret-123" }

const target = (platformPostId: string, extra: Partial<SyncTarget> = {}): SyncTarget => ({ targetId: `post_${platformPostId}`, platformPostId, ...extra })

describe("LinkedIn sync against the sandbox", () => {
  const sandbox = useSandbox((s) => {
    s.setOptions({ rateLimits: true, linkedin: {} })
  })

  it("reproduces the spec's example: share statistics + socialMetadata + comments", async () => {
    const ctx = contextFor(sandbox, creds)
    const [result] = await syncLinkedInPosts(ctx, [target(ids.example)])
    expect(result.status).toBe("success")
    expect(result.insights).toMatchObject({
      platform: "linkedin",
      platform_post_id: ids.example,
      likes: 45,
      comments: 8,
      shares: 12,
      engagement: 65,
      impressions: 1500,
      reach: 930,
      engagement_rate: 6.99,
      reactions: { like: 30, praise: 8, empathy: 4, interest: 3, total: 45 },
    })
    expect(result.insights?.linkedin_insights).toMatchObject({ clickCount: 60, impressionCount: 1500, uniqueImpressionsCount: 930 })
    expect(result.insights?.comments_data).toHaveLength(8)
    expect(result.insights?.comments_data?.[0].from?.id).toMatch(/^urn:li:/)
    expect(ctx.counter.byOperation()).toEqual({ "linkedin.share_statistics": 1, "linkedin.social_metadata": 1, "linkedin.comments": 1 })
  })

  it("shares and ugcPosts go in separate List calls; zero-activity posts are zeros, not errors", async () => {
    const ctx = contextFor(sandbox, creds, { mode: "bulk" })
    const results = await syncLinkedInPosts(ctx, [target(ids.example), target(ids.share), target(ids.noActivity)])
    expect(results.map((r) => r.status)).toEqual(["success", "success", "success"])
    // No impressions and no reach: the rate has no denominator, so it is unknown (null), not 0 %.
    expect(results[2].insights).toMatchObject({ impressions: 0, reach: 0, shares: 0, likes: 0, comments: 0, engagement: 0, engagement_rate: null })
    const ops = ctx.counter.byOperation()
    expect(ops["linkedin.share_statistics"]).toBe(2)
    expect(ops["linkedin.social_metadata"]).toBe(1)
    // noActivity has 0 comments: no comments call for it.
    expect(ops["linkedin.comments"]).toBe(2)
  })

  it("video posts add VIDEO_VIEW and TIME_WATCHED", async () => {
    const ctx = contextFor(sandbox, creds)
    const [result] = await syncLinkedInPosts(ctx, [target(ids.video, { mediaType: "video" })])
    expect(result.insights).toMatchObject({ video_views: 870, avg_watch_time: 6 })
    expect(result.insights?.linkedin_insights).toMatchObject({ VIDEO_VIEW: 870, TIME_WATCHED: 5_220_000 })
    expect(ctx.counter.byOperation()["linkedin.video_analytics"]).toBe(2)
  })

  it("comments: offset pages to the end (LinkedIn's order is not guaranteed), the newest up to the limit; a full read replaces what is stored", async () => {
    const ctx = contextFor(sandbox, creds)
    const [limited] = await syncLinkedInPosts(ctx, [target(ids.manyComments)])
    expect(limited.insights?.comments_data).toHaveLength(100)
    expect(limited.commentsComplete).toBe(true)
    expect(ctx.counter.byOperation()["linkedin.comments"]).toBe(2)

    const all = contextFor(sandbox, creds, { config: { commentsLimit: 200 } })
    const [full] = await syncLinkedInPosts(all, [target(ids.manyComments)])
    expect(full.insights?.comments_data).toHaveLength(130)
    expect(full.commentsComplete).toBe(true)
    expect(all.counter.byOperation()["linkedin.comments"]).toBe(2)
  })

  it("comments are fetched only when the count moved since the last sync", async () => {
    const [first] = await syncLinkedInPosts(contextFor(sandbox, creds), [target(ids.example)])
    const stored = mergeWithPrevious(undefined, first)
    const ctx = contextFor(sandbox, creds)
    const [second] = await syncLinkedInPosts(ctx, [target(ids.example, { previousComments: stored.comments_data, previousCommentCount: stored.comments })])
    expect(ctx.counter.byOperation()["linkedin.comments"]).toBeUndefined()
    expect(mergeWithPrevious(stored, second).comments_data).toHaveLength(8)
  })

  it("a deleted post fails alone ('Post not found'); another organization's post is refused alone", async () => {
    const ctx = contextFor(sandbox, creds, { mode: "bulk" })
    const results = await syncLinkedInPosts(ctx, [target(ids.deleted), target(ids.otherOrganization), target(ids.share), target("urn:li:activity:1")])
    expect(results.map((r) => r.status)).toEqual(["failed", "failed", "success", "failed"])
    expect(results[0].errors[0].message).toBe("Post not found")
    expect(results[1].errors[0].message).toMatch(/^Permission denied/)
    expect(results[3].errors[0].message).toBe("Invalid media ID")
    expect(results.some((r) => r.fatal)).toBe(false)
  })

  it("batch result keys may come back encoded", async () => {
    sandbox.setOptions({ linkedin: { batchResultKeys: "encoded" } })
    const [result] = await syncLinkedInPosts(contextFor(sandbox, creds), [target(ids.example)])
    expect(result.insights?.reactions?.total).toBe(45)
  })

  it("development tier (BATCH_GET disabled) falls back to one socialMetadata GET per post", async () => {
    sandbox.setOptions({ linkedin: { tier: "development" } })
    const ctx = contextFor(sandbox, creds, { mode: "bulk" })
    const results = await syncLinkedInPosts(ctx, [target(ids.example), target(ids.share)])
    expect(results.map((r) => r.insights?.likes)).toEqual([45, 24])
    expect(ctx.counter.byOperation()["linkedin.social_metadata"]).toBe(3)
  })

  it("a token without admin rights: statistics refused, reactions kept → partial", async () => {
    const ctx = contextFor(sandbox, { accessToken: LINKEDIN_DEMO_TOKENS.noAdmin, accountId: ORG })
    const [result] = await syncLinkedInPosts(ctx, [target(ids.example)])
    expect(result.status).toBe("partial")
    expect(result.insights).toMatchObject({ likes: 45, comments: 8 })
    expect(result.insights?.impressions).toBeUndefined()
    expect(result.errors).toContainEqual(expect.objectContaining({ section: "metrics", code: "permission" }))
  })

  it("N posts: share statistics and socialMetadata batched 50 per call", async () => {
    const posts: LinkedInPostFixture[] = Array.from({ length: 120 }, (_, i) => ({
      urn: `urn:li:share:${7600000000000000000n + BigInt(i)}`,
      organization: ORG,
      share_statistics: { impressionCount: 100, uniqueImpressionsCount: 50, clickCount: 1, likeCount: 2, commentCount: 0, shareCount: 1 },
      reactions: { LIKE: 2 },
      comments: [],
    }))
    sandbox.addFixtures({ linkedin: posts })
    const ctx = contextFor(sandbox, creds, { mode: "bulk" })
    const results = await syncLinkedInPosts(ctx, posts.map((p) => target(p.urn)))
    expect(results.every((r) => r.status === "success" && r.insights?.engagement === 3)).toBe(true)
    expect(ctx.counter.byOperation()).toEqual({ "linkedin.share_statistics": 3, "linkedin.social_metadata": 3 })
    expect((await sandboxStats(sandbox)).requests.linkedin).toBe(6)
  })

  it("an expired token is refreshed with the refresh token, persisted, and the sync goes on", async () => {
    const ctx = contextFor(
      sandbox,
      { accessToken: LINKEDIN_DEMO_TOKENS.expired, refreshToken: LINKEDIN_DEMO_TOKENS.refresh, tokenExpiresAt: Date.now() - 1000, accountId: ORG },
      { config: refreshConfig }
    )
    const [result] = await syncLinkedInPosts(ctx, [target(ids.example)])
    expect(result.status).toBe("success")
    expect(ctx.refreshed).toHaveLength(1)
    expect(ctx.refreshed[0].accessToken).toMatch(/^li-at-/)
  })

  it("401 mid-sync refreshes once; no refresh token or a revoked one ends as isAuth (needs reconnect)", async () => {
    const refreshed = contextFor(sandbox, { accessToken: LINKEDIN_DEMO_TOKENS.expired, refreshToken: LINKEDIN_DEMO_TOKENS.refresh, accountId: ORG }, { config: refreshConfig })
    expect((await syncLinkedInPosts(refreshed, [target(ids.example)]))[0].status).toBe("success")

    for (const c of [
      { accessToken: LINKEDIN_DEMO_TOKENS.revoked, accountId: ORG },
      { accessToken: LINKEDIN_DEMO_TOKENS.expired, refreshToken: "li-dead-refresh-token", accountId: ORG },
    ]) {
      const ctx = contextFor(sandbox, c, { config: refreshConfig })
      const results = await syncLinkedInPosts(ctx, [target(ids.example), target(ids.share)])
      expect(results.every((r) => r.status === "failed" && r.fatal?.isAuth)).toBe(true)
      expect(results[0].errors[0].message).toMatch(/reconnect your LinkedIn account/)
      expect(JSON.stringify(results.map((r) => [r.errors, r.fatal?.message, r.fatal?.detail, r.fatal?.url]))).not.toMatch(/li-dead-refresh-token|sandbox-client-secret-123|linkedin-revoked-token/)
    }
  })

  it("the daily quota (429) waits until midnight UTC; a sunset version is account-wide too", async () => {
    // One call per resource per day: the first sync uses each resource once, the next one is throttled.
    sandbox.setOptions({ linkedin: { dailyMemberLimit: 1 } })
    expect((await syncLinkedInPosts(contextFor(sandbox, creds), [target(ids.example)]))[0].status).toBe("success")
    const [throttled] = await syncLinkedInPosts(contextFor(sandbox, creds), [target(ids.example)])
    expect(throttled.status).toBe("failed")
    expect(throttled.fatal?.isRateLimit).toBe(true)
    expect(throttled.errors.map((e) => e.code)).toContain("rate_limit")
    const retryAt = new Date(throttled.errors.find((e) => e.code === "rate_limit")?.retry_after ?? "")
    expect(retryAt.getUTCHours()).toBe(0)
    expect(retryAt.getTime()).toBeGreaterThan(Date.now())

    sandbox.setOptions({ linkedin: {} })
    const sunset = contextFor(sandbox, creds, { config: { linkedinApiVersion: "202301" } })
    const [old] = await syncLinkedInPosts(sunset, [target(ids.example)])
    expect(old.status).toBe("failed")
    expect(old.fatal?.kind).toBe("version_unsupported")
    expect(sunset.counter.total()).toBe(1)
  })
})
