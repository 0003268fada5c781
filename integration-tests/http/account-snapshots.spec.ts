import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { META_DEMO_TOKENS, META_SEED_IDS } from "../../sandbox/meta/seed"
import { X_DEMO_TOKENS } from "../../sandbox/x/seed"
import { LINKEDIN_DEMO_TOKENS } from "../../sandbox/linkedin/seed"
import { THREADS_DEMO_TOKENS, THREADS_SEED_IDS } from "../../sandbox/threads/seed"
import type SocialsModuleService from "../../src/modules/socials/service"
import captureAccountSnapshotsJob from "../../src/jobs/capture-account-snapshots"
import { budgetKey, pauseBudget } from "../../src/modules/socials/platforms/http/rate-budget"
import { AdminHeaders, expectHttpError, loginAsNewAdmin } from "../helpers/admin"
import { useSandbox } from "../helpers/sandbox"

const sandbox = useSandbox()
const X_USER = "1500000000000000001"
const LI_ORG = "urn:li:organization:90000001"
const today = () => new Date().toISOString().slice(0, 10)
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    const socials = () => getContainer().resolve<SocialsModuleService>("socials")
    const followers = (token: string, count: number) => {
      sandbox().fixtures.tokens.find((t) => t.token === token)!.followers_count = count
    }
    const platform = async (provider: string, account_id: string, access_token?: string) =>
      (
        await api.post(
          "/admin/social-platforms",
          { name: `${provider} account`, provider, account_id, ...(access_token ? { api_config: { access_token } } : {}) },
          admin
        )
      ).data.social_platform.id as string
    const requests = () => ({ ...sandbox().stats().requests })

    beforeEach(async () => {
      admin = await loginAsNewAdmin(getContainer(), api)
      await sandbox().reset({ fixtures: true })
    })

    it("captures each active account once a day with one call each, through the platforms' clients", async () => {
      followers(META_DEMO_TOKENS.instagram, 2500)
      followers(META_DEMO_TOKENS.page, 1200)
      followers(X_DEMO_TOKENS.user, 640)
      followers(LINKEDIN_DEMO_TOKENS.member, 3100)
      const ig = await platform("instagram", META_SEED_IDS.instagramUsers[0], META_DEMO_TOKENS.instagram)
      const fb = await platform("facebook", META_SEED_IDS.pages[0], META_DEMO_TOKENS.page)
      const x = await platform("twitter", X_USER, X_DEMO_TOKENS.user)
      const li = await platform("linkedin", LI_ORG, LINKEDIN_DEMO_TOKENS.member)
      const noToken = await platform("twitter", "1500000000000000002")
      const disabled = await platform("linkedin", "urn:li:organization:90000002", "linkedin-second-token")
      await api.post(`/admin/social-platforms/${disabled}`, { status: "disabled" }, admin)

      const before = requests()
      await captureAccountSnapshotsJob(getContainer())
      const after = requests()
      expect({ meta: after.meta - before.meta, x: after.x - before.x, linkedin: after.linkedin - before.linkedin }).toEqual({ meta: 2, x: 1, linkedin: 1 })

      const stored = await socials().listSocialAccountSnapshots({}, { take: 100 })
      const byPlatform = Object.fromEntries(stored.map((s) => [s.platform_id, s]))
      expect(Object.keys(byPlatform).sort()).toEqual([ig, fb, x, li].sort())
      expect(byPlatform[ig]).toMatchObject({ day: today(), followers: 2500, views: null, reach: null })
      expect(byPlatform[fb].followers).toBe(1200)
      expect(byPlatform[x].followers).toBe(640)
      expect(byPlatform[li].followers).toBe(3100)
      expect(byPlatform[noToken]).toBeUndefined()

      // The same day again (a rerun, a second process): no call, no second row.
      followers(X_DEMO_TOKENS.user, 9999)
      await captureAccountSnapshotsJob(getContainer())
      expect(requests()).toEqual(after)
      expect(await socials().listSocialAccountSnapshots({}, { take: 100 })).toHaveLength(4)
    })

    it("captures a Threads account's followers with one threads_insights call, token in the header", async () => {
      sandbox().threads.fixtures.tokens.find((t) => t.token === THREADS_DEMO_TOKENS.user)!.followers_count = 1_480
      const th = await platform("threads", THREADS_SEED_IDS.user, THREADS_DEMO_TOKENS.user)
      await captureAccountSnapshotsJob(getContainer())

      const calls = sandbox().threads.log()
      expect(calls.map((c) => `${c.method} ${c.path}?${c.query}`)).toEqual([`GET /v1.0/${THREADS_SEED_IDS.user}/threads_insights?metric=followers_count`])
      expect(calls[0]).toMatchObject({ status: 200, tokenIn: "header" })
      const [stored] = await socials().listSocialAccountSnapshots({ platform_id: th }, { take: 10 })
      expect(stored).toMatchObject({ day: today(), followers: 1_480, views: null, reach: null })

      // Same day again: no second call, no second row.
      await captureAccountSnapshotsJob(getContainer())
      expect(sandbox().threads.log()).toHaveLength(1)
      expect(await socials().listSocialAccountSnapshots({ platform_id: th }, { take: 10 })).toHaveLength(1)
      const { data } = await api.get(`/admin/social-platforms/${th}/account-snapshots`, admin)
      expect(data.snapshots.map((s: { followers: number }) => s.followers)).toEqual([1_480])
    })

    it("respects the account's budget: a paused budget means no call and no snapshot, others still captured", async () => {
      const x = await platform("twitter", X_USER, X_DEMO_TOKENS.user)
      const li = await platform("linkedin", LI_ORG, LINKEDIN_DEMO_TOKENS.member)
      // As after an X 429: the users-lookup bucket of this account is paused for 15 minutes.
      await pauseBudget(socials().budgetStore, budgetKey("twitter", { accountId: X_USER, accessToken: X_DEMO_TOKENS.user }, "users-lookup"), Date.now() + 15 * 60_000)
      const before = requests()
      await captureAccountSnapshotsJob(getContainer())
      expect(requests().x - before.x).toBe(0)
      expect(requests().linkedin - before.linkedin).toBe(1)
      const stored = await socials().listSocialAccountSnapshots({}, { take: 10 })
      expect(stored.map((s) => s.platform_id)).toEqual([li])
      expect(stored.some((s) => s.platform_id === x)).toBe(false)
    })

    it("GET /admin/social-platforms/:id/account-snapshots: history oldest first and the change over 7/30/90 days", async () => {
      const li = await platform("linkedin", LI_ORG, LINKEDIN_DEMO_TOKENS.member)
      const row = (day: string, followers: number | null) => ({ platform_id: li, day, captured_at: new Date(`${day}T03:30:00Z`), followers })
      await socials().createSocialAccountSnapshots([
        row(daysAgo(120), 500),
        row(daysAgo(31), 900),
        row(daysAgo(8), 1000),
        row(daysAgo(7), null),
        row(today(), 1100),
      ])
      const { data } = await api.get(`/admin/social-platforms/${li}/account-snapshots?days=30`, admin)
      expect(data.snapshots.map((s: { day: string }) => s.day)).toEqual([daysAgo(8), daysAgo(7), today()])
      expect(data.change).toEqual([
        // 7 days: the closest count on or before 7 days ago is 8 days ago (7 days ago has none).
        { days: 7, from_day: daysAgo(8), to_day: today(), from: 1000, to: 1100, change: 100, change_percent: 10 },
        { days: 30, from_day: daysAgo(31), to_day: today(), from: 900, to: 1100, change: 200, change_percent: 22.22 },
        // Nothing between 90 and 120 days is loaded: the 120-day-old count is outside the window, so unknown.
        { days: 90, from_day: null, to_day: today(), from: null, to: 1100, change: null, change_percent: null },
      ])
      expect((await expectHttpError(api.get(`/admin/social-platforms/${li}/account-snapshots?days=0`, admin))).status).toBe(400)
      expect((await expectHttpError(api.get(`/admin/social-platforms/socplat_missing/account-snapshots`, admin))).status).toBe(404)
    })
  },
})
