import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import seedDemo from "../../src/scripts/seed-demo"
import { AdminHeaders, loginAsNewAdmin } from "../helpers/admin"
import { useSandbox } from "../helpers/sandbox"

const sandbox = useSandbox()

/** `npm run demo`'s seed against the sandbox: one account per platform, Threads included, synced at once. */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    beforeEach(async () => {
      admin = await loginAsNewAdmin(getContainer(), api)
      await sandbox().reset({ fixtures: true })
    })

    it("seeds a Threads account and its posts beside the other platforms, with numbers after the first sync", async () => {
      await seedDemo({ container: getContainer(), args: [] } as unknown as Parameters<typeof seedDemo>[0])
      const platforms = (await api.get("/admin/social-platforms?limit=50", admin)).data.social_platforms as { id: string; provider: string }[]
      expect(platforms.map((p) => p.provider).sort()).toEqual(["facebook", "instagram", "linkedin", "threads", "twitter"])
      const threads = platforms.find((p) => p.provider === "threads")!
      const posts = (await api.get(`/admin/social-posts?platform_id=${threads.id}&limit=50`, admin)).data.social_posts
      expect(posts).toHaveLength(2)
      const cupping = posts.find((p: { insights: { threads_media_id: string } }) => p.insights.threads_media_id === "18050000000000001")
      // The sandbox's example thread: 120 likes, 14 replies, 6 + 3 + 2 shares, 2,000 views.
      expect(cupping).toMatchObject({ insights_sync_status: "success", insights: { likes: 120, comments: 14, shares: 11, impressions: 2_000 } })
    })
  },
})
