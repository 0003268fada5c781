import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { THREADS_DEMO_TOKENS, THREADS_SEED_IDS } from "../../sandbox/threads/seed"
import { AdminHeaders, expectHttpError, loginAsNewAdmin } from "../helpers/admin"
import { useSandbox } from "../helpers/sandbox"

const sandbox = useSandbox()

/**
 * Threads through Medusa: a platform with provider "threads", a post with
 * insights.threads_media_id, a sync over HTTP against the sandbox's Threads family.
 * The seed's example post has 2,000 views, 120 likes, 14 replies, 6 reposts, 3 quotes, 2 shares.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders

    beforeEach(async () => {
      admin = await loginAsNewAdmin(getContainer(), api)
      await sandbox().reset({ fixtures: true })
    })

    const threadsAccount = async (access_token: string = THREADS_DEMO_TOKENS.user) =>
      (
        await api.post(
          "/admin/social-platforms",
          { name: "Sandbox Coffee Co. (Threads)", provider: "threads", account_id: THREADS_SEED_IDS.user, api_config: { access_token } },
          admin
        )
      ).data.social_platform.id as string

    const post = async (platform_id: string, insights: Record<string, string>) =>
      (await api.post("/admin/social-posts", { platform_id, status: "posted", name: "thread", insights }, admin)).data.social_post.id as string

    it("syncs a Threads post and stores the shared numbers, the raw metrics and the replies", async () => {
      const id = await post(await threadsAccount(), { threads_media_id: THREADS_SEED_IDS.example })

      const { status, data } = await api.post(`/admin/social-posts/${id}/sync-insights`, {}, admin)
      expect(status).toBe(200)
      expect(data.insights).toMatchObject({
        platform: "threads",
        platform_post_id: THREADS_SEED_IDS.example,
        threads_media_id: THREADS_SEED_IDS.example,
        likes: 120,
        comments: 14,
        // reposts + quotes + shares
        shares: 11,
        impressions: 2_000,
        engagement: 145,
        // 145 / 2,000 views
        engagement_rate: 7.25,
        sync_status: "success",
        threads_insights: { views: 2_000, likes: 120, replies: 14, reposts: 6, quotes: 3, shares: 2 },
      })
      expect(data.insights.comments_data).toHaveLength(14)

      const stored = (await api.get(`/admin/social-posts/${id}`, admin)).data.social_post
      expect(stored.insights_sync_status).toBe("success")
      expect(stored.insights).toMatchObject({ likes: 120, comments: 14, shares: 11, impressions: 2_000, engagement_rate: 7.25 })
      const snapshots = (await api.get(`/admin/social-posts/${id}/insights-snapshots`, admin)).data
      expect(JSON.stringify(snapshots)).toContain('"impressions":2000')
    })

    it("refuses an id in another platform's field, and a malformed Threads id, before any call", async () => {
      const account = await threadsAccount()
      const wrongField = await expectHttpError(
        api.post("/admin/social-posts", { platform_id: account, status: "posted", insights: { twitter_tweet_id: "1850000000000000001" } }, admin)
      )
      expect(wrongField.status).toBe(400)
      expect(wrongField.data.message).toContain("expected threads_media_id")
      const malformed = await expectHttpError(api.post("/admin/social-posts", { platform_id: account, status: "posted", insights: { threads_media_id: "Sbx000001" } }, admin))
      expect(malformed.status).toBe(400)
      expect(malformed.data.message).toContain("threads_media_id must be a numeric Threads media id")
    })

    it("marks the account needs_reconnect when Threads refuses the token", async () => {
      const account = await threadsAccount(THREADS_DEMO_TOKENS.revoked)
      const id = await post(account, { threads_media_id: THREADS_SEED_IDS.example })
      const failed = await expectHttpError(api.post(`/admin/social-posts/${id}/sync-insights`, {}, admin))
      expect(failed.data).toMatchObject({ code: "token_expired" })
      const platform = (await api.get(`/admin/social-platforms/${account}`, admin)).data.social_platform
      expect(platform.status).toBe("needs_reconnect")
      expect(JSON.stringify(failed.data)).not.toContain(THREADS_DEMO_TOKENS.revoked)
    })
  },
})
