import { META_DEMO_TOKENS, META_SEED_IDS } from "../../../../../../sandbox/seed"
import type { InstagramMediaFixture } from "../../../../../../sandbox/types"
import { mergeWithPrevious } from "../../../insights/merge"
import { InMemoryRateBudgetStore } from "../../http"
import { syncFacebookPosts } from "../../facebook/sync"
import { syncInstagramPosts } from "../../instagram/sync"
import type { SyncTarget } from "../../types"
import { contextFor, sandboxStats, useSandbox } from "../../__tests__/sandbox-support"
import { InMemoryRefusedMetricsStore } from "../refused-metrics"

const IG_USER = META_SEED_IDS.instagramUsers[0]
const PAGE = META_SEED_IDS.pages[0]
const ig = META_SEED_IDS.instagram
const fb = META_SEED_IDS.facebook
const igCreds = { accessToken: META_DEMO_TOKENS.page, accountId: IG_USER }
const fbCreds = { accessToken: META_DEMO_TOKENS.page, accountId: PAGE }
const HOUR = 3_600_000

const target = (platformPostId: string, extra: Partial<SyncTarget> = {}): SyncTarget => ({ targetId: `post_${platformPostId}`, platformPostId, ...extra })

function media(n: number): InstagramMediaFixture {
  return {
    id: `1797${String(n).padStart(13, "0")}`,
    owner_id: IG_USER,
    media_type: "IMAGE",
    media_product_type: "FEED",
    permalink: `https://www.instagram.com/p/B${n}/`,
    caption: "bulk",
    timestamp: new Date(Date.now() - 86_400_000).toISOString(),
    like_count: 10,
    comments: [],
    insights: { views: 100, reach: 80, saved: 1, shares: 1, likes: 10, comments: 0, total_interactions: 12 },
  }
}

describe("Meta: a refused batch fails only its own items", () => {
  const sandbox = useSandbox((s) => s.setOptions({ meta: { callsPerHour: 10_000 } }))

  it("190 of 200 hourly units left, 200 posts: 150 synced, the 4th batch refused locally is rate_limited with retry_after", async () => {
    const posts = Array.from({ length: 200 }, (_, i) => media(i))
    sandbox.addFixtures({ instagram: posts })
    const budgetStore = new InMemoryRateBudgetStore()
    await budgetStore.take(`socials:instagram:acct:${IG_USER}`, 10, 200, HOUR)
    const ctx = contextFor(sandbox, igCreds, { budgetStore })
    const results = await syncInstagramPosts(ctx, posts.map((m) => target(m.id, { mediaProductType: "FEED" })))

    const synced = results.filter((r) => r.status === "success")
    const limited = results.filter((r) => r.status === "failed")
    expect(synced).toHaveLength(150)
    expect(synced[0].insights).toMatchObject({ likes: 10, reach: 80 })
    expect(limited).toHaveLength(50)
    for (const r of limited) {
      expect(r.errors[0]).toMatchObject({ section: "account", code: "rate_limit" })
      expect(Date.parse(r.errors[0].retry_after ?? "")).toBeGreaterThan(Date.now())
    }
    const stats = await sandboxStats(sandbox)
    expect(stats.requests.meta).toBe(3)
    expect(stats.units.meta).toBe(150)
    expect(budgetStore.used(`socials:instagram:acct:${IG_USER}`, HOUR)).toBe(160)
  })
})

describe("Meta: the token travels in the Authorization header", () => {
  const sandbox = useSandbox()

  it("no URL we send (GET, batch, comment pages) carries access_token", async () => {
    const ctx = contextFor(sandbox, igCreds)
    const results = await syncInstagramPosts(ctx, [target(ig.manyComments, { mediaProductType: "FEED" }), target(ig.image, { mediaProductType: "FEED" })])
    expect(results.map((r) => r.status)).toEqual(["success", "success"])
    expect(results[0].insights?.comments_data).toHaveLength(75)
    const [single] = await syncFacebookPosts(contextFor(sandbox, fbCreds), [target(fb.text)])
    expect(single.status).toBe("success")

    const sent = ctx.counter.requests()
    expect(sent.length).toBeGreaterThanOrEqual(2)
    const log = sandbox.log()
    expect(log.length).toBeGreaterThanOrEqual(3)
    for (const entry of log) expect(`${entry.path}?${entry.query}`).not.toMatch(/access_token/)
    for (const r of sent) expect(r.url).not.toMatch(/access_token/)
  })
})

describe("Meta: errors classified from the whole body (captured real answers)", () => {
  const sandbox = useSandbox()

  it("code 100 naming 'pages_read_engagement': permission_denied for the account after one answer, not 'Post not found' per post", async () => {
    sandbox.setOptions({ meta: { answers: [{ error: "missingPagesReadEngagement" }] } })
    const ctx = contextFor(sandbox, fbCreds)
    const results = await syncFacebookPosts(ctx, [target(fb.text), target(fb.video), target(fb.photoNoShares)])
    for (const r of results) {
      expect(r.status).toBe("failed")
      expect(r.errors).toEqual([expect.objectContaining({ section: "account", code: "permission", message: "Permission denied (pages_read_engagement): reconnect the Facebook account and grant 'pages_read_engagement'" })])
      expect(r.fatal?.permission).toBe("pages_read_engagement")
    }
    expect(ctx.counter.total()).toBe(1)
  })

  it("an app setting (appsecret_proof required) stops the account's run after the first answer and says what to change", async () => {
    sandbox.setOptions({ meta: { answers: [{ level: "request", error: "appSecretProofRequired" }] } })
    const ctx = contextFor(sandbox, igCreds)
    const results = await syncInstagramPosts(ctx, [target(ig.image, { mediaProductType: "FEED" }), target(ig.manyComments, { mediaProductType: "FEED" }), target(ig.reel, { mediaProductType: "REELS" })])
    expect(results.every((r) => r.status === "failed" && r.errors[0].section === "account" && /Require App Secret/.test(r.errors[0].message))).toBe(true)
    expect(ctx.counter.total()).toBe(1)
  })

  it("Instagram 2108006: keeps likes and comments, says why, and does not ask that post's insights again", async () => {
    sandbox.setOptions({ meta: { answers: [{ id: ig.image, edge: "insights", error: "mediaBeforeBusinessConversion" }] } })
    const ctx = contextFor(sandbox, igCreds)
    const [old, other] = await syncInstagramPosts(ctx, [target(ig.image, { mediaProductType: "FEED" }), target(ig.carousel, { mediaProductType: "FEED" })])
    const fixture = sandbox.fixtures.instagram.find((m) => m.id === ig.image)
    expect(old.status).toBe("success")
    expect(old.insights).toMatchObject({ likes: fixture?.like_count, comments: expect.any(Number) })
    expect(old.insights?.reach).toBeUndefined()
    expect(old.errors).toContainEqual(
      expect.objectContaining({ section: "insights", severity: "notice", code: "insights_unavailable", message: expect.stringContaining("posted before the account became a business account") })
    )
    expect(other.insights?.reach).toBeGreaterThan(0)

    const stored = mergeWithPrevious({ instagram_media_id: ig.image }, old)
    const again = contextFor(sandbox, igCreds)
    const [second] = await syncInstagramPosts(again, [target(ig.image, { mediaProductType: "FEED", previousMetrics: stored.instagram_insights })])
    expect(second.status).toBe("success")
    expect(second.errors).toContainEqual(expect.objectContaining({ code: "insights_unavailable", severity: "notice" }))
    expect(again.counter.total()).toBe(1)
    const asked = sandbox.log().at(-1)
    expect(decodeURIComponent(`${asked?.path}?${asked?.query}`)).not.toContain("insights")
    expect(mergeWithPrevious(stored, second).instagram_insights).toHaveProperty("insights_unavailable")
  })

  it("190/460 (password changed): every post fails account-wide and the account needs reconnecting for that reason", async () => {
    sandbox.setOptions({ meta: { answers: [{ token: META_DEMO_TOKENS.page, level: "request", error: "passwordChanged" }] } })
    const results = await syncFacebookPosts(contextFor(sandbox, fbCreds), [target(fb.text), target(fb.video)])
    for (const r of results) {
      expect(r.fatal?.isAuth).toBe(true)
      expect(r.errors[0].message).toBe("The access token was invalidated because the password was changed: reconnect your Facebook account")
    }
  })

  it("100/33 'Invalid parameter': that post is not found, with the platform's explanation; the others sync", async () => {
    sandbox.setOptions({ meta: { answers: [{ id: ig.carousel, error: "invalidParameterNotFound" }] } })
    const [gone, fine] = await syncInstagramPosts(contextFor(sandbox, igCreds), [target(ig.carousel, { mediaProductType: "FEED" }), target(ig.image, { mediaProductType: "FEED" })])
    expect(gone).toMatchObject({ status: "failed", errors: [expect.objectContaining({ section: "post", code: "not_found", message: "Post not found: The media was deleted by its owner or is no longer available." })] })
    expect(gone.fatal).toBeUndefined()
    expect(fine.status).toBe("success")
  })
})

describe("Meta: metric refusals stay with their account, API version and confirmed product type", () => {
  const sandbox = useSandbox()
  const REELS_WITH_FEED_METRIC = { instagramMetrics: { REELS: ["views", "reach", "likes", "follows"] } }

  it("a reel's refusal is remembered for that account's reels only, and said to be 'not supported', not retired", async () => {
    const refusedMetrics = new InMemoryRefusedMetricsStore()
    const first = contextFor(sandbox, igCreds, { refusedMetrics, config: REELS_WITH_FEED_METRIC })
    const [reel] = await syncInstagramPosts(first, [target(ig.reel, { mediaProductType: "REELS" })])
    expect(reel.status).toBe("success")
    const notSupported = "Instagram does not provide 'follows' for REELS media (not supported for this media type)"
    expect(reel.errors).toContainEqual(expect.objectContaining({ severity: "notice", message: notSupported }))
    expect(await refusedMetrics.get(`instagram:${IG_USER}:v25.0:REELS:unsupported`)).toEqual(["follows"])

    // Next sync of the same account: not asked again, and still described as what it is.
    const again = contextFor(sandbox, igCreds, { refusedMetrics, config: REELS_WITH_FEED_METRIC })
    const [reelAgain] = await syncInstagramPosts(again, [target(ig.reel, { mediaProductType: "REELS" })])
    expect(reelAgain.errors.map((e) => e.message)).toEqual([notSupported])
    expect(again.counter.total()).toBe(1)

    // Images of the same account still get their FEED metrics.
    const [image] = await syncInstagramPosts(contextFor(sandbox, igCreds, { refusedMetrics }), [target(ig.image, { mediaProductType: "FEED" })])
    expect(image.insights?.instagram_insights).toHaveProperty("follows")

    // Another account's reels are asked on their own (one refusal there, not inherited).
    const second = { accessToken: META_DEMO_TOKENS.secondPage, accountId: META_SEED_IDS.instagramUsers[1] }
    sandbox.addFixtures({ instagram: [{ ...sandbox.fixtures.instagram.find((m) => m.id === ig.reel)!, id: "17900000000000099", owner_id: second.accountId }] })
    const other = contextFor(sandbox, second, { refusedMetrics, config: REELS_WITH_FEED_METRIC })
    await syncInstagramPosts(other, [target("17900000000000099", { mediaProductType: "REELS" })])
    expect(other.counter.total()).toBe(2)
  })

  it("a reel known only as media_type VIDEO gets the safe common set: no refusal, nothing remembered", async () => {
    const refusedMetrics = new InMemoryRefusedMetricsStore()
    const ctx = contextFor(sandbox, igCreds, { refusedMetrics })
    const [reel] = await syncInstagramPosts(ctx, [target(ig.reel, { mediaType: "VIDEO" })])
    expect(reel.status).toBe("success")
    expect(reel.errors).toEqual([])
    expect(reel.insights?.media_product_type).toBe("REELS")
    expect(ctx.counter.total()).toBe(1)
  })
})

describe("Meta: metrics the platform did not return stay absent", () => {
  const sandbox = useSandbox()

  it("a Page under 100 likes: reactions, comments and shares, but no impressions, reach or zeros in facebook_insights", async () => {
    sandbox.setOptions({ meta: { pagesWithoutInsights: [PAGE] } })
    const [post] = await syncFacebookPosts(contextFor(sandbox, fbCreds), [target(fb.text)])
    expect(post.status).toBe("success")
    expect(post.insights?.likes).toBeGreaterThan(0)
    expect(post.insights).not.toHaveProperty("impressions")
    expect(post.insights).not.toHaveProperty("reach")
    expect(post.insights).not.toHaveProperty("facebook_insights")
  })

  it("Instagram media whose insights are refused: likes and comments only", async () => {
    const [media] = await syncInstagramPosts(contextFor(sandbox, { accessToken: META_DEMO_TOKENS.readOnly, accountId: IG_USER }), [target(ig.image, { mediaProductType: "FEED" })])
    expect(media.insights?.likes).toBeGreaterThan(0)
    for (const key of ["impressions", "reach", "saves", "shares", "video_views", "instagram_insights"]) expect(media.insights).not.toHaveProperty(key)
  })
})
