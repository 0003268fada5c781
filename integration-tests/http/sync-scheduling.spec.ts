import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { META_SEED_IDS } from "../../sandbox/meta/seed"
import { AdminHeaders, expectHttpError, loginAsNewAdmin } from "../helpers/admin"
import { useSandbox } from "../helpers/sandbox"
import { syncSpecHelpers } from "../helpers/socials"
import syncDuePostInsightsJob from "../../src/jobs/sync-due-post-insights"
import syncAllPostInsightsJob from "../../src/jobs/sync-all-post-insights"
import { SOCIALS_MODULE } from "../../src/modules/socials"
import type SocialsModuleService from "../../src/modules/socials/service"

/**
 * What the scheduled jobs pick: the every-minute due job and the nightly sweep only
 * select posts that can be synced and that their cadence makes due, so posts that
 * cannot be synced never crowd out the ones that can, and old posts are not read
 * every night.
 */

const sandbox = useSandbox()
const FB = META_SEED_IDS.facebook
const HOUR = 3_600_000
const DAY = 24 * HOUR

medusaIntegrationTestRunner({
  // Jobs are run by hand here; the publish subscriber must not reschedule behind the test's back.
  env: { MEDUSA_WORKER_MODE: "server", SOCIALS_PUBLISH_SYNC_DELAY_SECONDS: "86400" },
  testSuite: ({ api, getContainer, dbConnection }) => {
    let admin: AdminHeaders
    const { platform, captureInfoLogs, requestsFor } = syncSpecHelpers({ api, admin: () => admin, getContainer, sandbox })

    beforeEach(async () => {
      admin = await loginAsNewAdmin(getContainer(), api)
      sandbox().reset({ fixtures: true })
      sandbox().setOptions({ latencyMs: 0, meta: {} })
    })

    const socials = () => getContainer().resolve<SocialsModuleService>(SOCIALS_MODULE)

    /** Posted posts created in one statement (the scheduling logic under test is in the jobs, not in creation). */
    async function posts(platform_id: string, count: number, insights: (i: number) => Record<string, string>) {
      const created = await socials().createSocialPosts(
        Array.from({ length: count }, (_, i) => ({ platform_id, status: "posted" as const, posted_at: new Date(), insights: insights(i) }))
      )
      return created.map((p) => p.id)
    }

    async function setColumns(ids: string[], columns: { next_sync_at?: Date | null; insights_synced_at?: Date | null; posted_at?: Date }) {
      for (const [column, value] of Object.entries(columns)) {
        await dbConnection.raw(`update social_post set ${column} = ? where id = any(?)`, [value, ids])
      }
    }

    async function columns(id: string) {
      const { rows } = await dbConnection.raw(
        `select next_sync_at, insights_synced_at, insights_sync_status, insights from social_post where id = ?`,
        [id]
      )
      return rows[0] as { next_sync_at: Date | null; insights_synced_at: Date | null; insights_sync_status: string | null; insights: Record<string, unknown> }
    }

    describe("the due job", () => {
      it("150 unsyncable posts due before a good one: the good one is synced by the next due run", async () => {
        // Platform ids grow with creation time: these accounts sort before the good post's.
        const disabled = await platform("facebook", "104000000000001", "meta-demo-token", { status: "disabled" })
        const reconnect = await platform("facebook", "104000000000001", "meta-expired-token", { status: "needs_reconnect" })
        const pageId = await platform("facebook", "104000000000001", "meta-demo-token")
        const unsyncable = [
          ...(await posts(disabled, 50, () => ({ facebook_post_id: FB.text }))),
          ...(await posts(reconnect, 50, () => ({ facebook_post_id: FB.video }))),
          ...(await posts(pageId, 50, () => ({}))),
        ]
        const fresh = await posts(pageId, 10, () => ({ facebook_post_id: FB.manyComments }))
        const [good] = await posts(pageId, 1, () => ({ facebook_post_id: FB.photoNoShares }))
        await setColumns([...unsyncable, ...fresh, good], { next_sync_at: new Date(Date.now() - 10 * 60_000) })
        await setColumns(fresh, { insights_synced_at: new Date(Date.now() - 60_000) })

        const lines = await captureInfoLogs(() => syncDuePostInsightsJob(getContainer()))

        expect((await columns(good)).insights_sync_status).toBe("success")
        // Nothing unsyncable was picked: no skip, no failure, and the expired token was never used.
        expect(lines.filter((l) => l.includes("due insights sync"))).toEqual([expect.stringMatching(/1 synced, 0 failed, 0 skipped/)])
        expect(sandbox().stats().byToken["meta-expired-token"]?.requests ?? 0).toBe(0)
        expect(requestsFor(FB.manyComments)).toBe(0)
      })

      it("outcomes that cannot sync move or clear next_sync_at; adding the missing id makes the post due again", async () => {
        const pageId = await platform("facebook", "104000000000001", "meta-demo-token")
        const [noId] = await posts(pageId, 1, () => ({}))
        const [fresh] = await posts(pageId, 1, () => ({ facebook_post_id: FB.text }))
        const syncedAt = new Date(Date.now() - 60_000)
        await setColumns([noId, fresh], { next_sync_at: new Date(Date.now() - 60_000) })
        await setColumns([fresh], { insights_synced_at: syncedAt })

        // An on-demand bulk sync meets both: their due times must not stay in the past.
        const { data } = await api.post(`/admin/social-posts/sync-all-insights?platform_id=${pageId}`, {}, admin)
        expect(data).toMatchObject({ failed: 1, skipped: 1, total: 2 })
        expect((await columns(noId)).next_sync_at).toBeNull()
        // The post was synced a minute ago while an hour old: its next sync is an hour after that one.
        const next = (await columns(fresh)).next_sync_at!.getTime()
        expect(next).toBeGreaterThan(Date.now() + 50 * 60_000)
        expect(next).toBeLessThanOrEqual(syncedAt.getTime() + HOUR)

        // The admin adds the id: the post is due now, and the next due run syncs it.
        await api.post(`/admin/social-posts/${noId}`, { insights: { facebook_post_id: FB.video } }, admin)
        expect((await columns(noId)).next_sync_at!.getTime()).toBeLessThanOrEqual(Date.now())
        await syncDuePostInsightsJob(getContainer())
        expect((await columns(noId)).insights_sync_status).toBe("success")
      })
    })

    describe("needs_reconnect fails fast", () => {
      it("no platform call until the token changes, token_expired saying to reconnect; reconnecting resumes the due posts", async () => {
        const pageId = await platform("facebook", "104000000000001", "meta-expired-token")
        const [id] = await posts(pageId, 1, () => ({ facebook_post_id: FB.text }))
        const first = await expectHttpError(api.post(`/admin/social-posts/${id}/sync-insights`, {}, admin))
        expect(first.data.code).toBe("token_expired")
        expect((await api.get(`/admin/social-platforms/${pageId}`, admin)).data.social_platform.status).toBe("needs_reconnect")
        const callsWithDeadToken = sandbox().stats().byToken["meta-expired-token"]?.requests ?? 0
        expect(callsWithDeadToken).toBeGreaterThan(0)

        await setColumns([id], { next_sync_at: new Date(Date.now() - 60_000) })
        const again = await expectHttpError(api.post(`/admin/social-posts/${id}/sync-insights?force=true`, {}, admin))
        expect(again.status).toBe(422)
        expect(again.data).toMatchObject({ code: "token_expired", message: expect.stringMatching(/reconnect your Facebook account/i) })
        const bulk = await api.post(`/admin/social-posts/sync-all-insights`, { platform_id: pageId, force: true }, admin)
        expect(bulk.data.results).toEqual([expect.objectContaining({ postId: id, status: "failed", code: "token_expired" })])
        await syncDuePostInsightsJob(getContainer())
        expect(sandbox().stats().byToken["meta-expired-token"]?.requests ?? 0).toBe(callsWithDeadToken)

        // A new token: the post, still due, is synced by the next due run.
        await api.post(`/admin/social-platforms/${pageId}`, { api_config: { access_token: "meta-demo-token" } }, admin)
        await syncDuePostInsightsJob(getContainer())
        expect((await columns(id)).insights_sync_status).toBe("success")
      })
    })

    describe("the nightly sweep", () => {
      it("respects the cadence horizon: only posts due by their cadence or never synced are read", async () => {
        const pageId = await platform("facebook", "104000000000001", "meta-demo-token")
        const now = Date.now()
        const [young] = await posts(pageId, 1, () => ({ facebook_post_id: FB.text }))
        const [weekly] = await posts(pageId, 1, () => ({ facebook_post_id: FB.video }))
        const [pastHorizon] = await posts(pageId, 1, () => ({ facebook_post_id: FB.photoNoShares }))
        const [neverSynced] = await posts(pageId, 1, () => ({ facebook_post_id: FB.manyComments }))
        // Two days old, synced 7 h ago on a 6-hourly cadence: due.
        await setColumns([young], { posted_at: new Date(now - 2 * DAY), insights_synced_at: new Date(now - 7 * HOUR), next_sync_at: new Date(now - HOUR) })
        // Sixty days old, synced two days ago on the weekly step: not due for five days.
        await setColumns([weekly], { posted_at: new Date(now - 60 * DAY), insights_synced_at: new Date(now - 2 * DAY), next_sync_at: new Date(now + 5 * DAY) })
        // 120 days old: past the horizon, on demand only.
        await setColumns([pastHorizon], { posted_at: new Date(now - 120 * DAY), insights_synced_at: new Date(now - 2 * DAY), next_sync_at: null })
        // 200 days old and never synced: read once.
        await setColumns([neverSynced], { posted_at: new Date(now - 200 * DAY), next_sync_at: null })

        const lines = await captureInfoLogs(() => syncAllPostInsightsJob(getContainer()))
        expect(lines.filter((l) => l.includes("scheduled insights sync"))).toEqual([expect.stringMatching(/2 synced, 0 failed, 0 skipped/)])
        expect([young, weekly, pastHorizon, neverSynced].map((id) => requestsFor(columnsId(id)))).toEqual([1, 0, 0, 1])
        expect((await columns(neverSynced)).next_sync_at).toBeNull()

        // On demand, the old post still syncs.
        const single = await api.post(`/admin/social-posts/${pastHorizon}/sync-insights`, {}, admin)
        expect(single.status).toBe(200)

        function columnsId(id: string) {
          return { [young]: FB.text, [weekly]: FB.video, [pastHorizon]: FB.photoNoShares, [neverSynced]: FB.manyComments }[id]!
        }
      })
    })
  },
})
