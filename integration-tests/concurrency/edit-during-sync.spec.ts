import { setTimeout as sleep } from "timers/promises"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { META_SEED_IDS } from "../../sandbox/meta/seed"
import { AdminHeaders, loginAsNewAdmin } from "../helpers/admin"
import { useSandbox } from "../helpers/sandbox"
import { syncSpecHelpers } from "../helpers/socials"
import syncDuePostInsightsJob from "../../src/jobs/sync-due-post-insights"

/**
 * No lost update between an admin edit and a sync, in both orders: the edit saved
 * while the sync waits for the platform keeps its new id, and an edit that read
 * the post before a sync saved and writes after it keeps the sync's numbers.
 */

const LATENCY_MS = 1_500
const FRESH_MS = 2_000
const sandbox = useSandbox()
const FB = META_SEED_IDS.facebook
const IG = META_SEED_IDS.instagram

medusaIntegrationTestRunner({
  // A short freshness window so the side the edit adds can be synced within the test.
  env: { MEDUSA_WORKER_MODE: "server", SOCIALS_PUBLISH_SYNC_DELAY_SECONDS: "86400", SOCIALS_FRESHNESS_WINDOW_MS: String(FRESH_MS) },
  testSuite: ({ api, getContainer, dbConnection }) => {
    let admin: AdminHeaders
    let id: string
    let likesBefore: number
    const { platform, post } = syncSpecHelpers({ api, admin: () => admin, getContainer, sandbox })

    beforeEach(async () => {
      admin = await loginAsNewAdmin(getContainer(), api)
      sandbox().reset({ fixtures: true })
      sandbox().setOptions({ latencyMs: 0, meta: {} })
      id = await post(await platform("facebook", "104000000000001", "meta-demo-token"), { facebook_post_id: FB.text })
      likesBefore = (await api.post(`/admin/social-posts/${id}/sync-insights`, {}, admin)).data.insights.likes
      // The platform has new numbers for the next sync, which is slow.
      const fixture = sandbox().fixtures.facebook.find((p) => p.id === FB.text)!
      sandbox().addFixtures({ facebook: [{ ...fixture, reactions: { ...fixture.reactions, LIKE: (fixture.reactions.LIKE ?? 0) + 500 } }] })
      sandbox().setOptions({ latencyMs: LATENCY_MS })
    })

    /** Resolves once the sync has read the post and its request is at the platform (wrapped: not its answer). */
    async function syncOnTheWire() {
      const before = sandbox().stats().requests.meta
      const running = sync()
      await waitFor(async () => sandbox().stats().requests.meta > before)
      return { running }
    }

    /** Sessions of this test's database waiting for a lock. */
    async function lockWaiters(): Promise<number> {
      const { rows } = await dbConnection.raw(
        "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'"
      )
      return rows[0].n
    }

    const stored = async () => (await api.get(`/admin/social-posts/${id}`, admin)).data.social_post
    const sync = () => api.post(`/admin/social-posts/${id}/sync-insights?force=true`, {}, admin)
    const addInstagramId = () => api.post(`/admin/social-posts/${id}`, { insights: { instagram_media_id: IG.image } }, admin)

    it("an edit saved while the sync waits for the platform keeps its id; the sync keeps its numbers; the post is due for the new side", async () => {
      const { running } = await syncOnTheWire()
      await addInstagramId()
      expect((await running).status).toBe(200)

      const post = await stored()
      expect(post.insights.instagram_media_id).toBe(IG.image)
      expect(post.insights.facebook_post_id).toBe(FB.text)
      expect(post.insights.likes).toBe(likesBefore + 500)
      // The edit made the post due (once it is no longer fresh); the sync that finished after it did not
      // push that back to its hourly cadence.
      expect(new Date(post.next_sync_at).getTime()).toBeLessThan(Date.now() + FRESH_MS + 1_000)

      sandbox().setOptions({ latencyMs: 0 })
      // Due once both the edit's next_sync_at and the finished sync's freshness window have passed.
      const dueAt = Math.max(new Date(post.next_sync_at).getTime(), new Date(post.insights_synced_at).getTime() + FRESH_MS)
      await sleep(Math.max(0, dueAt - Date.now()) + 100)
      await syncDuePostInsightsJob(getContainer())
      expect(Object.keys((await stored()).insights.by_platform ?? {}).sort()).toEqual(["facebook", "instagram"])
    })

    it("an edit that read the post before a sync saved, and writes after it, keeps the sync's numbers", async () => {
      const { running } = await syncOnTheWire()
      // Order the two writes with the post's row lock: the sync queues for it first, then
      // the edit (which has read the post by then); released, the sync saves, then the edit.
      const hold = await dbConnection.transaction()
      await hold.raw("select id from social_post where id = ? for update", [id])
      await waitFor(async () => (await lockWaiters()) === 1)
      const edit = addInstagramId()
      await waitFor(async () => (await lockWaiters()) === 2)
      await hold.commit()
      expect((await running).status).toBe(200)
      expect((await edit).status).toBe(200)

      const post = await stored()
      expect(post.insights.instagram_media_id).toBe(IG.image)
      expect(post.insights.likes).toBe(likesBefore + 500)
      const { rows } = await dbConnection.raw(
        "select likes from social_post_insights_snapshot where post_id = ? order by synced_at desc limit 1",
        [id]
      )
      expect(rows[0].likes).toBe(post.insights.likes)
    })
  },
})

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > until) {
      throw new Error("timed out waiting for the edit to block")
    }
    await sleep(25)
  }
}
