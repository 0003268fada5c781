import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { META_DEMO_TOKENS, META_SEED_IDS } from "../../sandbox/meta/seed"
import { AdminHeaders, loginAsNewAdmin } from "../helpers/admin"
import { useSandbox } from "../helpers/sandbox"
import syncDuePostInsightsJob from "../../src/jobs/sync-due-post-insights"
import syncAllPostInsightsJob from "../../src/jobs/sync-all-post-insights"
import { SOCIALS_MODULE } from "../../src/modules/socials"
import type SocialsModuleService from "../../src/modules/socials/service"
import { budgetKey, InMemoryRateBudgetStore } from "../../src/modules/socials/platforms/http/rate-budget"

/**
 * A small simulation on a virtual clock (Date faked, nothing else): the real due job
 * and nightly sweep (selection, budget planner, sync workflow) against the Meta
 * sandbox with Facebook's budget tight, through two simulated days. Invariants: no
 * budget above 100 % at any step, no rate-limited failure, and every post within the
 * cadence horizon synced at least once (no starvation).
 */

const sandbox = useSandbox()
const HOUR = 3_600_000
const DAY = 24 * HOUR
// One due run a simulated hour (the real job runs every minute; an hour keeps the spec under a minute).
const STEP = HOUR
const LIMIT = 40
const POSTS_PER_ACCOUNT = 100
const START = Date.parse("2026-03-02T00:00:00Z")

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
    afterEach(() => vi.useRealTimers())

    const socials = () => getContainer().resolve<SocialsModuleService>(SOCIALS_MODULE)

    it(`${2 * POSTS_PER_ACCOUNT} posts, 2 accounts, 2 simulated days: budgets never above 100 %, no starvation, no failure`, async () => {
      const pages = [
        { id: META_SEED_IDS.pages[0], token: META_DEMO_TOKENS.page },
        { id: META_SEED_IDS.pages[1], token: META_DEMO_TOKENS.secondPage },
      ]
      const template = sandbox().fixtures.facebook.find((p) => p.id === META_SEED_IDS.facebook.text)!
      const ids: string[] = []
      // Ages spread over 0-120 days (a few young, most old), as a shop that has posted for months.
      const ageOf = (i: number) => (i % 10 === 0 ? (i % 30) * HOUR : ((i * 7919) % 120) * DAY + HOUR)
      for (const page of pages) {
        const { data } = await api.post(
          "/admin/social-platforms",
          { name: `page ${page.id}`, provider: "facebook", account_id: page.id, api_config: { access_token: page.token } },
          admin
        )
        const fixtures = Array.from({ length: POSTS_PER_ACCOUNT }, (_, i) => ({
          ...template,
          id: `${page.id}_95${String(i).padStart(10, "0")}`,
          page_id: page.id,
          created_time: new Date(START - ageOf(i)).toISOString(),
        }))
        sandbox().addFixtures({ facebook: fixtures })
        const created = await socials().createSocialPosts(
          fixtures.map((f, i) => ({ platform_id: data.social_platform.id, status: "posted" as const, posted_at: new Date(START - ageOf(i)), insights: { facebook_post_id: f.id } }))
        )
        ids.push(...created.map((p) => p.id))
      }
      await dbConnection.raw(`update social_post set next_sync_at = ? where id = any(?)`, [new Date(START), ids])

      vi.useFakeTimers({ toFake: ["Date"] })
      const store = socials().budgetStore as InMemoryRateBudgetStore
      let maxUsed = 0
      for (let t = START; t < START + 2 * DAY; t += STEP) {
        vi.setSystemTime(t)
        if (new Date(t).getUTCHours() === 2 && new Date(t).getUTCMinutes() === 0) await syncAllPostInsightsJob(getContainer())
        await syncDuePostInsightsJob(getContainer())
        for (const page of pages) maxUsed = Math.max(maxUsed, store.used(budgetKey("facebook", { accountId: page.id }), HOUR))
      }
      vi.useRealTimers()

      const { rows } = await dbConnection.raw(
        `select p.id, p.posted_at, p.insights_sync_status, count(s.id)::int as syncs
           from social_post p left join social_post_insights_snapshot s on s.post_id = p.id
          where p.id = any(?) group by p.id`,
        [ids]
      )
      const withinHorizon = rows.filter((r: { posted_at: Date }) => START - new Date(r.posted_at).getTime() < 90 * DAY)
      expect(maxUsed).toBeGreaterThan(0)
      expect(maxUsed).toBeLessThanOrEqual(LIMIT)
      expect(rows.filter((r: { insights_sync_status: string | null }) => r.insights_sync_status === "failed")).toEqual([])
      expect(withinHorizon.filter((r: { syncs: number }) => r.syncs === 0)).toEqual([])
      // The young posts (hourly cadence on day 1) were synced far more often than the old ones.
      const young = rows.filter((r: { posted_at: Date }) => START - new Date(r.posted_at).getTime() < DAY)
      const old = rows.filter((r: { posted_at: Date }) => START - new Date(r.posted_at).getTime() > 30 * DAY)
      const mean = (xs: { syncs: number }[]) => xs.reduce((s, r) => s + r.syncs, 0) / xs.length
      expect(mean(young)).toBeGreaterThan(3 * mean(old))
      console.log(
        `simulation: max budget ${maxUsed}/${LIMIT} per hour; syncs per post: young ${mean(young).toFixed(1)}, old ${mean(old).toFixed(1)}; ` +
          `never synced within horizon ${withinHorizon.filter((r: { syncs: number }) => r.syncs === 0).length}; sandbox requests ${sandbox().log().length}`
      )
    }, 150_000)
  },
})
