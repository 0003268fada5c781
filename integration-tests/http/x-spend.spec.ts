import { AsyncLocalStorage } from "node:async_hooks"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { X_SEED_IDS } from "../../sandbox/x/seed"
import type SocialsModuleService from "../../src/modules/socials/service"
import { monthOf, nextMonthStartMs } from "../../src/modules/socials/x-spend/month"
import { AdminHeaders, expectHttpError, loginAsNewAdmin } from "../helpers/admin"
import { useSandbox } from "../helpers/sandbox"

// Read when the module boots: a cap of 400 reads per account and month, the default price.
process.env.SOCIALS_X_MONTHLY_READ_CAP = "400"
delete process.env.SOCIALS_X_PRICE_PER_READ

const sandbox = useSandbox()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    const socials = () => getContainer().resolve<SocialsModuleService>("socials")
    const xUnits = () => sandbox().stats().units.x ?? 0
    const xRequests = () => sandbox().stats().requests.x ?? 0

    beforeEach(async () => {
      admin = await loginAsNewAdmin(getContainer(), api)
      await sandbox().reset({ fixtures: true })
    })

    const xPlatform = async (account_id: string) =>
      (
        await api.post(
          "/admin/social-platforms",
          { name: "X account", provider: "twitter", account_id, api_config: { access_token: "x-demo-token", auth_type: "user_context" } },
          admin
        )
      ).data.social_platform.id as string
    const post = async (platform_id: string, tweetId: string) =>
      (await api.post("/admin/social-posts", { platform_id, status: "posted", name: "p", insights: { twitter_tweet_id: tweetId } }, admin)).data
        .social_post.id as string
    const spend = async (id: string) => (await api.get(`/admin/social-platforms/${id}/x-spend`, admin)).data
    /** Puts the account's counter at `reads` for this month, as earlier syncs would have. */
    const alreadyRead = async (platformId: string, reads: number) => {
      const month = monthOf(Date.now())
      const store = socials().xReadCounters()
      await store.adjust(platformId, month, -(await store.reads(platformId, month)))
      expect(await store.reserve(platformId, month, reads, undefined)).toBe(reads)
    }

    it("counts every post X returned (lookups and reply searches) per account and month, with spend and projection", async () => {
      const x = await xPlatform("2244994945")
      const other = await xPlatform("2244994946")
      const example = await post(x, X_SEED_IDS.example)
      const many = await post(x, X_SEED_IDS.manyReplies)
      expect(await spend(x)).toMatchObject({ month: monthOf(Date.now()), reads: 0, estimated_spend: 0, cap: 400, price_per_read: 0.005, state: "ok" })

      const before = xUnits()
      await api.post(`/admin/social-posts/${example}/sync-insights`, {}, admin)
      await api.post(`/admin/social-posts/${many}/sync-insights`, {}, admin)
      const read = xUnits() - before
      // The sandbox bills like X: 2 looked-up posts + the example's 12 replies (manyReplies is older
      // than search/recent's 7 days with no new replies: no search).
      expect(read).toBe(2 + 12)
      const summary = await spend(x)
      expect(summary.reads).toBe(read)
      expect(summary.estimated_spend).toBeCloseTo(read * 0.005, 2)
      expect(summary.projected_month_end_reads).toBeGreaterThanOrEqual(read)
      expect(summary.projected_month_end_reads).toBeLessThanOrEqual(400)
      expect(summary.projected_spend).toBeCloseTo(summary.projected_month_end_reads * 0.005, 2)
      // Another account's counter is its own.
      expect((await spend(other)).reads).toBe(0)
    })

    /**
     * The statements each call of the account's read counter sends while `fn` runs (BEGIN and
     * COMMIT included: knex's `query` event), told apart from the rest of the sync by
     * AsyncLocalStorage, as bench/measure.ts does.
     */
    const counterStatements = async (fn: () => Promise<unknown>) => {
      const knex = getContainer().resolve<{ on: Function; off: Function }>(ContainerRegistrationKeys.PG_CONNECTION)
      const scope = new AsyncLocalStorage<{ call: string; statements: number }>()
      const calls: { call: string; statements: number }[] = []
      const onQuery = () => {
        const call = scope.getStore()
        if (call) call.statements++
      }
      const service = socials()
      const original = service.xReadCounters
      service.xReadCounters = () => {
        const store = original.call(service)
        const counted =
          (call: "reads" | "reserve" | "adjust") =>
          (...args: unknown[]) => {
            const record = { call, statements: 0 }
            calls.push(record)
            return scope.run(record, () => (store[call] as (...a: unknown[]) => Promise<unknown>)(...args))
          }
        return { reads: counted("reads"), reserve: counted("reserve"), adjust: counted("adjust") } as typeof store
      }
      knex.on("query", onQuery)
      try {
        await fn()
      } finally {
        knex.off("query", onQuery)
        service.xReadCounters = original
      }
      return calls
    }

    it("sends one statement per call of the read counter: at most 2 per X request (book, settle)", async () => {
      const x = await xPlatform("2244994945")
      const example = await post(x, X_SEED_IDS.example)
      const before = xRequests()
      const calls = await counterStatements(() => api.post(`/admin/social-posts/${example}/sync-insights`, {}, admin))
      const requests = xRequests() - before
      // The lookup and the example's reply search.
      expect(requests).toBe(2)
      expect(calls.filter((c) => c.call === "reserve")).toHaveLength(requests)
      expect(calls.filter((c) => c.call === "adjust").length).toBeLessThanOrEqual(requests)
      expect(calls.map((c) => c.statements)).toEqual(calls.map(() => 1))
    })

    it("near the cap keeps metrics fresh but skips reply searches in bulk syncs", async () => {
      // Published an hour ago, 130 replies within search/recent's 7 days: a bulk sync would search them.
      const template = sandbox().fixtures.tweets.find((t) => t.id === X_SEED_IDS.manyReplies)!
      const freshId = "1860000000000000042"
      sandbox().addFixtures({ tweets: [{ ...template, public_metrics: { ...template.public_metrics }, id: freshId, conversation_id: freshId, created_at: new Date(Date.now() - 3_600_000).toISOString() }] })
      const x = await xPlatform("2244994945")
      const many = await post(x, freshId)
      await post(x, X_SEED_IDS.example)
      const search = await api.post("/admin/social-posts/sync-all-insights", { limit: 500, force: true }, admin)
      expect(search.data).toMatchObject({ success: 2 })
      // Under the cap the bulk sync searched replies: more reads than the 2 looked-up posts.
      expect((await spend(x)).reads).toBeGreaterThan(2)
      await alreadyRead(x, 330) // 82.5 % of 400
      expect((await spend(x)).state).toBe("near_cap")
      // New replies since: the reply count moved, so "when_changed" would search again.
      sandbox().fixtures.tweets.find((t) => t.id === freshId)!.public_metrics.reply_count += 1

      const before = { units: xUnits(), requests: xRequests() }
      const { data } = await api.post("/admin/social-posts/sync-all-insights", { limit: 500, force: true }, admin)
      expect(data).toMatchObject({ success: 2, failed: 0 })
      // One lookup of both posts, no search.
      expect({ units: xUnits() - before.units, requests: xRequests() - before.requests }).toEqual({ units: 2, requests: 1 })
      expect((await spend(x)).reads).toBe(332)
      const stored = (await api.get(`/admin/social-posts/${many}`, admin)).data.social_post
      // Metrics fresh: the new reply count is stored.
      expect(stored.insights.comments).toBe(136)
    })

    it("at the cap reads nothing until the month turns, and says so; a call that would pass the cap is not sent", async () => {
      const x = await xPlatform("2244994945")
      const ids = [await post(x, X_SEED_IDS.example), await post(x, X_SEED_IDS.photo)]
      await alreadyRead(x, 399) // a lookup of 2 could read 2: refused before it is sent
      const before = xRequests()
      const { data } = await api.post("/admin/social-posts/sync-all-insights", { limit: 500, force: true }, admin)
      expect(data).toMatchObject({ success: 0, failed: 2 })
      expect(xRequests() - before).toBe(0)
      expect((await spend(x)).reads).toBe(399)

      await alreadyRead(x, 400)
      expect(await spend(x)).toMatchObject({ reads: 400, state: "capped", projected_month_end_reads: 400 })
      const single = await expectHttpError(api.post(`/admin/social-posts/${ids[0]}/sync-insights?force=true`, {}, admin))
      expect(single.status).toBe(429)
      expect(single.data.message).toMatch(/X monthly read cap reached \(400 reads in \d{4}-\d{2}, SOCIALS_X_MONTHLY_READ_CAP\)/)
      expect(xRequests() - before).toBe(0)

      const stored = (await api.get(`/admin/social-posts/${ids[1]}`, admin)).data.social_post
      expect(JSON.stringify(stored.insights.sync_errors)).toMatch(/X monthly read cap reached/)
      // Not retried every run: its next sync waits for the first day of next month.
      expect(new Date(stored.next_sync_at).getTime()).toBeGreaterThanOrEqual(nextMonthStartMs(Date.now()))
    })

    it("answers 400 for an account that is not on X, 404 for an unknown one", async () => {
      const li = (
        await api.post("/admin/social-platforms", { name: "LI", provider: "linkedin", account_id: "urn:li:organization:1", api_config: { access_token: "t" } }, admin)
      ).data.social_platform.id
      expect((await expectHttpError(api.get(`/admin/social-platforms/${li}/x-spend`, admin))).status).toBe(400)
      expect((await expectHttpError(api.get(`/admin/social-platforms/socplat_nope/x-spend`, admin))).status).toBe(404)
    })
  },
})
