import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type SocialsModuleService from "../../src/modules/socials/service"
import type SocialAttributionModuleService from "../../src/modules/social-attribution/service"
import { AdminHeaders, expectHttpError, loginAsNewAdmin } from "../helpers/admin"

type Metrics = { likes?: number; comments?: number; shares?: number; reach?: number; impressions?: number; engagement?: number; engagement_rate?: number | null }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    let ig: string
    let x: string
    const socials = () => getContainer().resolve<SocialsModuleService>("socials")
    const post = async (platform_id: string, name: string, posted_at: string, metrics: Metrics, status: "posted" | "draft" = "posted") =>
      (await socials().createSocialPosts([{ platform_id, name, status, posted_at: new Date(posted_at), insights: { schema_version: 1, ...metrics } }]))[0].id

    beforeEach(async () => {
      admin = await loginAsNewAdmin(getContainer(), api)
      ig = (await api.post("/admin/social-platforms", { name: "IG", provider: "instagram", account_id: "1784" }, admin)).data.social_platform.id
      x = (await api.post("/admin/social-platforms", { name: "X", provider: "twitter", account_id: "15" }, admin)).data.social_platform.id
    })

    it("sums the period and the previous one per platform, with a reach-weighted rate and revenue per currency", async () => {
      // Period [2026-03-01, 2026-03-08): from inclusive, to exclusive; previous [2026-02-22, 2026-03-01).
      const a = await post(ig, "A", "2026-03-01T00:00:00Z", { likes: 100, comments: 10, shares: 5, reach: 1000, impressions: 1500, engagement: 115, engagement_rate: 11.5 })
      const b = await post(ig, "B", "2026-03-07T23:59:59Z", { likes: 10, comments: 0, shares: 0, reach: 100, impressions: 200, engagement: 10, engagement_rate: 10 })
      // X has no reach: its rate is on impressions, so it stays out of the reach-weighted rate.
      const c = await post(x, "C", "2026-03-03T12:00:00Z", { likes: 50, comments: 5, shares: 20, impressions: 5000, engagement: 75, engagement_rate: 1.5 })
      await post(ig, "D (next period)", "2026-03-08T00:00:00Z", { likes: 999, reach: 1, engagement: 999, engagement_rate: 99900 })
      await post(ig, "E (draft)", "2026-03-02T00:00:00Z", { likes: 999 }, "draft")
      const f = await post(ig, "F", "2026-02-22T00:00:00Z", { likes: 20, comments: 2, shares: 0, reach: 400, engagement: 22, engagement_rate: 5.5 })
      await post(ig, "G", "2026-02-28T23:59:59.999Z", { likes: 30, impressions: 100, engagement: 30, engagement_rate: 30 })
      await post(ig, "H (before previous)", "2026-02-21T23:59:59Z", { likes: 999 })

      const attribution = getContainer().resolve<SocialAttributionModuleService>("socialAttribution")
      const order = (order_id: string, social_post_id: string, currency_code: string, net_total: string, canceled_at: string | null = null) => ({
        order_id, social_post_id, source: "link" as const, platform: null, promotion_code: null, currency_code,
        placed_at: "2026-03-04T10:00:00.000Z", clicked_at: null, net_total, linked_subtotal: net_total, units: 1, canceled_at,
      })
      await attribution.upsertAttributions([
        order("o1", a, "eur", "30.5"), order("o2", a, "eur", "12"), order("o3", c, "usd", "99.99"),
        order("o4", b, "eur", "50", "2026-03-05T00:00:00.000Z"), order("o5", f, "eur", "10"),
      ])

      const { data } = await api.get("/admin/social-overview?from=2026-03-01T00:00:00Z&to=2026-03-08T00:00:00Z", admin)
      expect(data.period).toEqual({ from: "2026-03-01T00:00:00.000Z", to: "2026-03-08T00:00:00.000Z" })
      expect(data.previous_period).toEqual({ from: "2026-02-22T00:00:00.000Z", to: "2026-03-01T00:00:00.000Z" })
      // (115 + 10) / (1000 + 100) = 11.36 %; an average of the rates would say 10.75 % (or 7.67 % with X).
      expect(data.total.current).toEqual({
        posts: 3, likes: 160, comments: 15, shares: 25, views: 6700, engagement_rate: 11.36,
        revenue: [{ currency_code: "eur", total: 42.5 }, { currency_code: "usd", total: 99.99 }],
      })
      // F: 22 / 400 = 5.5 %; G has no reach. Views: only G reported impressions.
      expect(data.total.previous).toEqual({
        posts: 2, likes: 50, comments: 2, shares: 0, views: 100, engagement_rate: 5.5, revenue: [{ currency_code: "eur", total: 10 }],
      })
      expect(data.platforms).toEqual([
        {
          platform: "instagram",
          current: { posts: 2, likes: 110, comments: 10, shares: 5, views: 1700, engagement_rate: 11.36, revenue: [{ currency_code: "eur", total: 42.5 }] },
          previous: data.total.previous,
        },
        {
          platform: "twitter",
          current: { posts: 1, likes: 50, comments: 5, shares: 20, views: 5000, engagement_rate: null, revenue: [{ currency_code: "usd", total: 99.99 }] },
          previous: { posts: 0, likes: null, comments: null, shares: null, views: null, engagement_rate: null, revenue: [] },
        },
      ])
      expect(data.top_posts.by_engagement_rate.map((p: { id: string }) => p.id)).toEqual([a, b, c])
      expect(data.top_posts.by_revenue).toEqual({
        eur: [expect.objectContaining({ id: a, revenue: 42.5 })],
        usd: [expect.objectContaining({ id: c, revenue: 99.99 })],
      })

      const onlyX = await api.get("/admin/social-overview?from=2026-03-01T00:00:00Z&to=2026-03-08T00:00:00Z&platform=twitter", admin)
      expect(onlyX.data.total.current).toMatchObject({ posts: 1, likes: 50, engagement_rate: null })
      expect(onlyX.data.platforms.map((p: { platform: string }) => p.platform)).toEqual(["twitter"])
    })

    it("best time: weekday x hour medians in the given time zone, cells under min_posts marked insufficient", async () => {
      // Mon 2 Mar 2026 08:xx UTC = 09:xx in Berlin (UTC+1 before the March change).
      for (const [minute, rate] of [[0, 2], [10, 8], [20, 5], [30, 10]] as const) {
        await post(ig, `mon ${minute}`, `2026-03-02T08:${String(minute).padStart(2, "0")}:00Z`, { engagement_rate: rate })
      }
      await post(ig, "mon no rate", "2026-03-02T08:40:00Z", { engagement_rate: null })
      // Tue 23:30 UTC = Wed 00:30 in Berlin.
      await post(x, "late 1", "2026-03-03T23:30:00Z", { engagement_rate: 4 })
      await post(x, "late 2", "2026-03-03T23:45:00Z", { engagement_rate: 6 })
      const range = "from=2026-03-01T00:00:00Z&to=2026-03-08T00:00:00Z"

      const berlin = await api.get(`/admin/social-overview/best-time?${range}&tz=Europe/Berlin`, admin)
      expect(berlin.data).toMatchObject({ tz: "Europe/Berlin", min_posts: 3 })
      expect(berlin.data.cells).toEqual([
        // Median of 2, 5, 8, 10 = 6.5; the post without a rate is not counted.
        { weekday: 1, hour: 9, posts: 4, insufficient: false, median_engagement_rate: 6.5 },
        { weekday: 3, hour: 0, posts: 2, insufficient: true, median_engagement_rate: null },
      ])
      const utc = await api.get(`/admin/social-overview/best-time?${range}&tz=UTC&min_posts=2`, admin)
      expect(utc.data.cells).toEqual([
        { weekday: 1, hour: 8, posts: 4, insufficient: false, median_engagement_rate: 6.5 },
        { weekday: 2, hour: 23, posts: 2, insufficient: false, median_engagement_rate: 5 },
      ])
      const onlyIg = await api.get(`/admin/social-overview/best-time?${range}&tz=UTC&platform=instagram`, admin)
      expect(onlyIg.data.cells).toHaveLength(1)
    })

    it("keeps the best-time zone on the store: the heatmap reads it when no tz is sent", async () => {
      // Tue 3 Mar 2026 23:30 UTC = Wed 00:30 in Berlin = Tue 18:30 in New York.
      for (const minute of [10, 20, 30]) await post(ig, `late ${minute}`, `2026-03-03T23:${minute}:00Z`, { engagement_rate: 4 })
      const range = "from=2026-03-01T00:00:00Z&to=2026-03-08T00:00:00Z"
      const cellsOf = async (extra = "") => (await api.get(`/admin/social-overview/best-time?${range}${extra}`, admin)).data

      // Unset: the admin falls back to the browser's zone; the route alone to UTC.
      expect((await api.get("/admin/social-overview/settings", admin)).data).toEqual({ settings: { timezone: null } })
      expect(await cellsOf()).toMatchObject({ tz: "UTC", cells: [{ weekday: 2, hour: 23, posts: 3 }] })

      const saved = await api.post("/admin/social-overview/settings", { timezone: "Europe/Berlin" }, admin)
      expect(saved.data).toEqual({ settings: { timezone: "Europe/Berlin" } })
      expect((await api.get("/admin/social-overview/settings", admin)).data.settings.timezone).toBe("Europe/Berlin")
      expect(await cellsOf()).toMatchObject({ tz: "Europe/Berlin", cells: [{ weekday: 3, hour: 0, posts: 3 }] })
      // An explicit tz still wins over the setting.
      expect(await cellsOf("&tz=America/New_York")).toMatchObject({ tz: "America/New_York", cells: [{ weekday: 2, hour: 18 }] })

      // It lives in the store's metadata, beside what was there.
      const stores = getContainer().resolve(Modules.STORE)
      const [store] = await stores.listStores({}, { take: 1 })
      await stores.updateStores(store.id, { metadata: { ...(store.metadata ?? {}), other_plugin: "kept" } })
      await api.post("/admin/social-overview/settings", { timezone: "America/New_York" }, admin)
      expect((await stores.retrieveStore(store.id)).metadata).toMatchObject({ social_insights_timezone: "America/New_York", other_plugin: "kept" })
      expect(await cellsOf()).toMatchObject({ tz: "America/New_York", cells: [{ weekday: 2, hour: 18 }] })

      // Bad names are refused with the reason, and the stored zone stays.
      for (const [body, message] of [
        [{ timezone: "Mars/Olympus" }, /timezone is not an IANA time zone/],
        [{ timezone: 5 }, /timezone/],
        [{ timezone: "Europe/Berlin", zone: "x" }, /zone/],
      ] as const) {
        const res = await expectHttpError(api.post("/admin/social-overview/settings", body, admin))
        expect(res.status, JSON.stringify(body)).toBe(400)
        expect(res.data.message, JSON.stringify(body)).toMatch(message)
      }
      expect((await api.get("/admin/social-overview/settings", admin)).data.settings.timezone).toBe("America/New_York")

      // null forgets it: back to UTC on the route, the browser's zone in the admin.
      expect((await api.post("/admin/social-overview/settings", { timezone: null }, admin)).data.settings.timezone).toBeNull()
      expect((await stores.retrieveStore(store.id)).metadata).toEqual({ other_plugin: "kept" })
      expect((await cellsOf()).tz).toBe("UTC")
    })

    it("answers 400 naming the bad parameter", async () => {
      const cases: [string, RegExp][] = [
        ["/admin/social-overview?from=last-week", /from must be an ISO 8601 date-time/],
        ["/admin/social-overview?from=2026-03-08T00:00:00Z&to=2026-03-01T00:00:00Z", /from must be before to/],
        ["/admin/social-overview?platform=myspace", /platform/],
        ["/admin/social-overview/best-time?tz=Mars/Olympus", /tz must be an IANA time zone/],
        ["/admin/social-overview/best-time?min_posts=0", /min_posts/],
      ]
      for (const [path, message] of cases) {
        const res = await expectHttpError(api.get(path, admin))
        expect(res.status, path).toBe(400)
        expect(res.data.message, path).toMatch(message)
      }
    })
  },
})
