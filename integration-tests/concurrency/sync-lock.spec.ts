import { setTimeout as sleep } from "timers/promises"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { META_SEED_IDS } from "../../sandbox/meta/seed"
import { AdminHeaders, expectHttpError, loginAsNewAdmin } from "../helpers/admin"
import { useSandbox } from "../helpers/sandbox"
import { syncSpecHelpers } from "../helpers/socials"

/**
 * The per-post sync lock lasts as long as the sync, however slow the platform,
 * and "a sync is already running" (409) means exactly that: a locking provider
 * that fails is a 5xx saying so.
 */

const LOCK_SECONDS = 1
const LATENCY_MS = 1_600
const sandbox = useSandbox()
const FB = META_SEED_IDS.facebook

medusaIntegrationTestRunner({
  env: { MEDUSA_WORKER_MODE: "server", SOCIALS_PUBLISH_SYNC_DELAY_SECONDS: "86400", SOCIALS_SYNC_LOCK_SECONDS: String(LOCK_SECONDS) },
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    let pageId: string
    const { platform, post, requestsFor } = syncSpecHelpers({ api, admin: () => admin, getContainer, sandbox })

    beforeEach(async () => {
      admin = await loginAsNewAdmin(getContainer(), api)
      sandbox().reset({ fixtures: true })
      sandbox().setOptions({ latencyMs: 0, meta: {} })
      pageId = await platform("facebook", "104000000000001", "meta-demo-token")
    })

    const fbPost = (facebook_post_id: string) => post(pageId, { facebook_post_id })

    it("a bulk page slower than the lock lifetime keeps its posts locked: a single sync meanwhile gets 409, the platform is read once", async () => {
      const ids = [await fbPost(FB.text), await fbPost(FB.video)]
      sandbox().setOptions({ latencyMs: LATENCY_MS })

      const bulk = api.post("/admin/social-posts/sync-all-insights", { platform_id: pageId }, admin)
      // Past the lock's lifetime, with the bulk page still waiting for the platform.
      await sleep(LOCK_SECONDS * 1000 + 300)
      const single = await expectHttpError(api.post(`/admin/social-posts/${ids[0]}/sync-insights`, {}, admin))
      const { data } = await bulk

      expect(single.status).toBe(409)
      expect(single.data).toEqual({ message: "A sync of this post is already running", code: "sync_in_progress" })
      expect(data).toMatchObject({ success: 2, total: 2 })
      expect(requestsFor(FB.text)).toBe(1)
      // Released at the end: the next sync is not refused.
      sandbox().setOptions({ latencyMs: 0 })
      expect((await api.post(`/admin/social-posts/${ids[0]}/sync-insights?force=true`, {}, admin)).status).toBe(200)
    })

    it("a locking provider that fails is a 5xx that says so, not a 409, and nothing is synced", async () => {
      const id = await fbPost(FB.text)
      const locking = getContainer().resolve(Modules.LOCKING)
      const acquire = locking.acquire
      // What ioredis throws once Redis is gone.
      locking.acquire = async () => {
        throw new Error("Connection is closed.")
      }
      try {
        const response = await expectHttpError(api.post(`/admin/social-posts/${id}/sync-insights`, {}, admin))
        expect(response.status).toBeGreaterThanOrEqual(500)
        expect(response.data.message).toMatch(/locking provider/)
        expect(response.data.message).not.toMatch(/already running/)

        const bulk = await expectHttpError(api.post("/admin/social-posts/sync-all-insights", {}, admin))
        expect(bulk.status).toBeGreaterThanOrEqual(500)
        expect(bulk.data.message).toMatch(/locking provider/)
      } finally {
        locking.acquire = acquire
      }
      expect(requestsFor(FB.text)).toBe(0)
    })
  },
})
