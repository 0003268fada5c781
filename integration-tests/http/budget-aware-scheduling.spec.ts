import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { META_DEMO_TOKENS, META_SEED_IDS } from "../../sandbox/meta/seed"
import { AdminHeaders, loginAsNewAdmin } from "../helpers/admin"
import { useSandbox } from "../helpers/sandbox"
import syncDuePostInsightsJob from "../../src/jobs/sync-due-post-insights"
import syncAllPostInsightsJob from "../../src/jobs/sync-all-post-insights"
import { SOCIALS_MODULE } from "../../src/modules/socials"
import type SocialsModuleService from "../../src/modules/socials/service"

/**
 * The scheduled runs plan against each account's remaining budget: an account whose
 * budget covers k posts gets k synced (the youngest first, then the longest waiting),
 * the others are due again when the budget returns, never failed; other accounts are
 * unaffected. Real PostgreSQL, the Meta sandbox, Facebook's budget set to 3 units an hour.
 */

const sandbox = useSandbox()
const FB = META_SEED_IDS.facebook
const HOUR = 3_600_000
const DAY = 24 * HOUR
const LIMIT = 3

medusaIntegrationTestRunner({
  env: {
    MEDUSA_WORKER_MODE: "server",
    SOCIALS_PUBLISH_SYNC_DELAY_SECONDS: "86400",
    SOCIALS_BUDGETS: JSON.stringify({ facebook: { limit: LIMIT, windowMs: HOUR } }),
  },
  testSuite: ({ api, getContainer, dbConnection }) => {
    let admin: AdminHeaders

    beforeEach(async () => {
      admin = await loginAsNewAdmin(getContainer(), api)
      sandbox().reset({ fixtures: true })
      sandbox().setOptions({ latencyMs: 0, meta: {} })
    })

    const socials = () => getContainer().resolve<SocialsModuleService>(SOCIALS_MODULE)

    async function platform(account_id: string, access_token: string) {
      const { data } = await api.post(
        "/admin/social-platforms",
        { name: `facebook ${account_id}`, provider: "facebook", account_id, api_config: { access_token } },
        admin
      )
      return data.social_platform.id as string
    }

    /** A posted post published `ageMs` ago, last synced an hour before it became due `dueAgoMs` ago. */
    async function post(platform_id: string, facebook_post_id: string, ageMs: number, dueAgoMs: number) {
      const [created] = await socials().createSocialPosts([{ platform_id, status: "posted" as const, posted_at: new Date(), insights: { facebook_post_id } }])
      const now = Date.now()
      await dbConnection.raw(`update social_post set posted_at = ?, insights_synced_at = ?, next_sync_at = ? where id = ?`, [
        new Date(now - ageMs),
        new Date(now - dueAgoMs - HOUR),
        new Date(now - dueAgoMs),
        created.id,
      ])
      return created.id
    }

    async function row(id: string) {
      const { rows } = await dbConnection.raw(`select next_sync_at, insights_sync_status, insights from social_post where id = ?`, [id])
      return rows[0] as { next_sync_at: Date | null; insights_sync_status: string | null; insights: Record<string, unknown> }
    }

    /**
     * Budgets are per account id and live as long as the app: each test books on its own
     * account ids (the sandbox answers by token, the ids only key our budgets).
     */
    async function setup(accountIds: [string, string]) {
      const busy = await platform(accountIds[0], META_DEMO_TOKENS.page)
      const other = await platform(accountIds[1], META_DEMO_TOKENS.secondPage)
      // Oldest-sync-first order puts the old posts first; the young one (hourly cadence) must still go first.
      const old = [
        await post(busy, FB.text, 20 * DAY, 30 * HOUR),
        await post(busy, FB.photoNoShares, 20 * DAY, 20 * HOUR),
        await post(busy, FB.video, 20 * DAY, 10 * HOUR),
        await post(busy, FB.text, 20 * DAY, 5 * HOUR),
      ]
      // Hourly cadence: synced at one hour old, due since an hour; the least waiting of all.
      const young = await post(busy, FB.photoNoShares, 3 * HOUR, HOUR)
      const others = [await post(other, FB.secondPagePost, 20 * DAY, 30 * HOUR), await post(other, FB.secondPagePost, 20 * DAY, 20 * HOUR)]
      return { old, young, others }
    }

    async function expectPlanned({ old, young, others }: Awaited<ReturnType<typeof setup>>, startedAt: number) {
      for (const id of [young, old[0], old[1], ...others]) {
        expect((await row(id)).insights_sync_status).toBe("success")
      }
      for (const id of [old[2], old[3]]) {
        const r = await row(id)
        // Not failed, numbers untouched: due again when the hour's units return.
        expect(r.insights_sync_status).toBeNull()
        expect(r.insights.sync_errors).toBeUndefined()
        expect(r.insights.consecutive_failures).toBeUndefined()
        expect(Object.keys(r.insights)).toEqual(["facebook_post_id"])
        expect(new Date(r.next_sync_at!).getTime()).toBeGreaterThanOrEqual(startedAt + HOUR - 1_000)
        expect(new Date(r.next_sync_at!).getTime()).toBeLessThanOrEqual(Date.now() + HOUR)
      }
      // Exactly the budget's worth of batch items on the busy Page: nothing refused by the sandbox or our budget.
      const page = `${META_SEED_IDS.pages[0]}_`
      const items = sandbox()
        .log()
        .reduce((n, e) => n + (e.items ? e.items.filter((i) => i.startsWith(page)).length : e.path.includes(page) ? 1 : 0), 0)
      expect(items).toBe(LIMIT)
    }

    it("the due job syncs what the budget covers, youngest first, and moves the rest to the budget's return", async () => {
      const posts = await setup([META_SEED_IDS.pages[0], META_SEED_IDS.pages[1]])
      const startedAt = Date.now()
      await syncDuePostInsightsJob(getContainer())
      await expectPlanned(posts, startedAt)
      // The next due run finds nothing of the busy Page due: no call, no failure.
      const before = sandbox().log().length
      await syncDuePostInsightsJob(getContainer())
      expect(sandbox().log().length).toBe(before)
    })

    it("the nightly sweep plans the same way and still pages past the deferred posts", async () => {
      process.env.SOCIALS_SYNC_PAGE_SIZE = "3"
      try {
        const posts = await setup(["104000000000091", "104000000000092"])
        const startedAt = Date.now()
        await syncAllPostInsightsJob(getContainer())
        await expectPlanned(posts, startedAt)
      } finally {
        delete process.env.SOCIALS_SYNC_PAGE_SIZE
      }
    })
  },
})

