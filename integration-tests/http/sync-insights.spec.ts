import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { META_SEED_IDS } from "../../sandbox/meta/seed"
import { X_SEED_IDS } from "../../sandbox/x/seed"
import { LINKEDIN_SEED_IDS } from "../../sandbox/linkedin/seed"
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
  },
})
