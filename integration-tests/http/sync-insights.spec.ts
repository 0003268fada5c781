import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { META_SEED_IDS } from "../../sandbox/meta/seed"
import { X_SEED_IDS } from "../../sandbox/x/seed"
import { LINKEDIN_SEED_IDS } from "../../sandbox/linkedin/seed"
import type SocialsModuleService from "../../src/modules/socials/service"
import { AdminHeaders, expectHttpError, loginAsNewAdmin } from "../helpers/admin"
import { useSandbox } from "../helpers/sandbox"

const sandbox = useSandbox()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders

    beforeEach(async () => {
      admin = await loginAsNewAdmin(getContainer(), api)
      await sandbox().reset({ fixtures: true })
    })

    const platform = async (provider: string, account_id: string, access_token: string, extra: Record<string, unknown> = {}) =>
      (
        await api.post(
          "/admin/social-platforms",
          { name: `${provider} account`, provider, account_id, api_config: { access_token, ...extra } },
          admin
        )
      ).data.social_platform.id as string

    const post = async (platform_id: string, insights: Record<string, string>, extra: Record<string, unknown> = {}) =>
      (await api.post("/admin/social-posts", { platform_id, status: "posted", name: "p", insights, ...extra }, admin)).data
        .social_post.id as string

    it("syncs a Facebook post in one platform request and stores the spec's fields", async () => {
      const pageId = await platform("facebook", "104000000000001", "meta-demo-token")
      const id = await post(pageId, { facebook_post_id: META_SEED_IDS.facebook.text })
      const before = sandbox().stats().requests.meta

      const { status, data } = await api.post(`/admin/social-posts/${id}/sync-insights`, {}, admin)
      expect(status).toBe(200)
      expect(data.message).toBe("Insights synced successfully")
      const fixture = sandbox().fixtures.facebook.find((p) => p.id === META_SEED_IDS.facebook.text)!
      const reactionTotal = Object.values(fixture.reactions).reduce((a, b) => a + (b ?? 0), 0)
      expect(data.insights).toMatchObject({
        platform: "facebook",
        platform_post_id: META_SEED_IDS.facebook.text,
        facebook_post_id: META_SEED_IDS.facebook.text,
        likes: reactionTotal,
        sync_status: "success",
      })
      expect(sandbox().stats().requests.meta - before).toBe(1)
    })

    it("answers 400 for a post that is not posted, and for one without a platform post id", async () => {
      const pageId = await platform("facebook", "104000000000001", "meta-demo-token")
      const draft = await post(pageId, { facebook_post_id: META_SEED_IDS.facebook.text }, { status: "draft" })
      const notPosted = await expectHttpError(api.post(`/admin/social-posts/${draft}/sync-insights`, {}, admin))
      expect(notPosted.status).toBe(400)
      expect(notPosted.data).toMatchObject({ code: "not_posted" })

      const noId = await post(pageId, {})
      const missing = await expectHttpError(api.post(`/admin/social-posts/${noId}/sync-insights`, {}, admin))
      expect(missing.status).toBe(400)
      expect(missing.data).toEqual({ message: "Platform post ID not found", code: "missing_platform_post_id" })
    })

    it("syncs X and LinkedIn posts with the spec's examples", async () => {
      const x = await platform("twitter", "2244994945", "x-demo-token", { auth_type: "user_context" })
      const tweet = await post(x, { twitter_tweet_id: X_SEED_IDS.example })
      const xResult = await api.post(`/admin/social-posts/${tweet}/sync-insights`, {}, admin)
      expect(xResult.data.insights).toMatchObject({ likes: 85, comments: 12, shares: 25, impressions: 3500, engagement: 122, engagement_rate: 3.49 })

      const li = await platform("linkedin", "urn:li:organization:90000001", "linkedin-demo-token")
      const share = await post(li, { linkedin_post_urn: LINKEDIN_SEED_IDS.example })
      const liResult = await api.post(`/admin/social-posts/${share}/sync-insights`, {}, admin)
      expect(liResult.data.insights).toMatchObject({ likes: 45, comments: 8, shares: 12, engagement: 65 })
    })

    it("syncs a post cross-published to Facebook and Instagram: both sides kept, top-level numbers summed", async () => {
      const pageId = await platform("facebook", "104000000000001", "meta-demo-token")
      const id = await post(pageId, { facebook_post_id: META_SEED_IDS.facebook.photoNoShares, instagram_media_id: META_SEED_IDS.instagram.image })
      const { data } = await api.post(`/admin/social-posts/${id}/sync-insights`, {}, admin)
      const insights = data.insights
      expect(insights.platform).toBe("facebook")
      expect(insights.by_platform.facebook.likes).toBeGreaterThan(0)
      expect(insights.by_platform.instagram.likes).toBeGreaterThan(0)
      expect(insights.likes).toBe(insights.by_platform.facebook.likes + insights.by_platform.instagram.likes)
      expect(insights.facebook_insights).toBeDefined()
      expect(insights.instagram_insights).toBeDefined()
      // Facebook answers without `shares` when a post has none: stored as 0, not missing.
      expect(insights.by_platform.facebook.shares).toBe(0)
    })

    it("keeps comments across syncs and adds only new ones", async () => {
      const pageId = await platform("instagram", "17841400000000001", "meta-demo-token")
      const id = await post(pageId, { instagram_media_id: META_SEED_IDS.instagram.manyComments })
      const first = (await api.post(`/admin/social-posts/${id}/sync-insights`, {}, admin)).data.insights
      expect(first.comments_data).toHaveLength(75)

      const media = sandbox().fixtures.instagram.find((m) => m.id === META_SEED_IDS.instagram.manyComments)!
      const fresh = { id: "18000000000099999", text: "Just ordered two bags!", from: { id: "9001", name: "new_fan" }, created_time: new Date().toISOString(), like_count: 0 }
      sandbox().addFixtures({ instagram: [{ ...media, comments: [...media.comments, fresh] }] })
      const before = sandbox().stats().requests.meta
      const second = (await api.post(`/admin/social-posts/${id}/sync-insights?force=true`, {}, admin)).data.insights
      expect(second.comments_data).toHaveLength(76)
      expect(second.comments_data[0]).toMatchObject({ id: fresh.id, text: fresh.text })
      // The first page already reached a stored comment: no second page was read.
      expect(sandbox().stats().requests.meta - before).toBe(1)
    })

    it("bulk sync spends ceil(N/50) Meta requests and ceil(N/100) X lookups", async () => {
      const pageId = await platform("facebook", "104000000000001", "meta-demo-token")
      const template = sandbox().fixtures.facebook.find((p) => p.id === META_SEED_IDS.facebook.text)!
      const fbIds = Array.from({ length: 60 }, (_, i) => `104000000000001_91000000000${String(i).padStart(4, "0")}`)
      sandbox().addFixtures({ facebook: fbIds.map((fbId) => ({ ...template, id: fbId, comments: template.comments.slice(0, 5) })) })
      const x = await platform("twitter", "1500000000000000001", "x-demo-token", { auth_type: "user_context" })
      const tweetTemplate = sandbox().fixtures.tweets.find((t) => t.id === X_SEED_IDS.example)!
      const tweetIds = Array.from({ length: 120 }, (_, i) => `18600000000000${String(i).padStart(5, "0")}`)
      sandbox().addFixtures({
        tweets: tweetIds.map((tweetId) => ({
          ...tweetTemplate,
          id: tweetId,
          conversation_id: tweetId,
          replies: [],
          public_metrics: { ...tweetTemplate.public_metrics, reply_count: 0 },
        })),
      })
      const socials = getContainer().resolve<SocialsModuleService>("socials")
      await socials.createSocialPosts([
        ...fbIds.map((fbId) => ({ platform_id: pageId, status: "posted" as const, insights: { facebook_post_id: fbId } })),
        ...tweetIds.map((tweetId) => ({ platform_id: x, status: "posted" as const, insights: { twitter_tweet_id: tweetId } })),
      ])
      const before = sandbox().stats()

      const { data } = await api.post("/admin/social-posts/sync-all-insights", { limit: 500 }, admin)
      expect(data).toMatchObject({ success: 180, failed: 0, total: 180 })
      const after = sandbox().stats()
      expect(after.requests.meta - before.requests.meta).toBe(Math.ceil(60 / 50))
      expect(after.units.meta - before.units.meta).toBe(60)
      expect(after.requests.x - before.requests.x).toBe(Math.ceil(120 / 100))
    })
  },
})
