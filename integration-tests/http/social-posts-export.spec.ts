import http from "http"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type SocialsModuleService from "../../src/modules/socials/service"
import type SocialAttributionModuleService from "../../src/modules/social-attribution/service"
import { AdminHeaders, expectHttpError, loginAsNewAdmin } from "../helpers/admin"
import { csvRecords, parseCsv } from "../helpers/csv"

const POST_COLUMNS = [
  "post_id", "platform_post_id", "platform", "account_id", "account_name", "name", "status", "published_at", "permalink",
  "likes", "comments", "shares", "saves", "impressions", "reach", "video_views", "avg_watch_time_seconds",
  "engagement", "engagement_rate_percent", "last_synced_at", "sync_status",
]

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    let igId: string
    let xId: string

    const socials = () => getContainer().resolve<SocialsModuleService>("socials")
    const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Knex
    const getCsv = async (path: string) => {
      const res = await api.get(path, { ...admin, responseType: "text", transformResponse: (d: string) => d })
      return { res, text: res.data as string }
    }

    beforeEach(async () => {
      admin = await loginAsNewAdmin(getContainer(), api)
      const ig = await api.post("/admin/social-platforms", { name: "Shop IG", provider: "instagram", account_id: "1784" }, admin)
      const x = await api.post("/admin/social-platforms", { name: "Shop X", provider: "twitter", account_id: "99" }, admin)
      igId = ig.data.social_platform.id
      xId = x.data.social_platform.id
    })

    it("writes the documented columns: raw numbers, empty unknowns, ISO UTC dates", async () => {
      const [synced, unsynced] = await socials().createSocialPosts([
        {
          platform_id: igId,
          name: "Linen, restocked",
          status: "posted",
          posted_at: new Date("2026-03-01T09:30:00+02:00"),
          post_url: "https://www.instagram.com/p/fallback/",
          insights: {
            schema_version: 1, platform: "instagram", platform_post_id: "17918920912340654",
            permalink: "https://www.instagram.com/p/ABC/", likes: 1234, comments: 56, shares: 0, reach: 10000,
            impressions: 15000, engagement: 1290, engagement_rate: 12.9, video_views: 0, avg_watch_time: 7.25,
          },
          insights_synced_at: new Date("2026-03-02T00:00:00Z"),
          insights_sync_status: "partial",
        },
        { platform_id: xId, name: "Draft without numbers", status: "draft", insights: { twitter_tweet_id: "555" } },
      ])
      const { res, text } = await getCsv("/admin/social-posts/export?format=csv")
      expect(res.status).toBe(200)
      expect(res.headers["content-type"]).toContain("text/csv")
      expect(res.headers["content-disposition"]).toMatch(/attachment; filename="social-posts-\d{4}-\d{2}-\d{2}\.csv"/)
      const [header] = parseCsv(text)
      // Attribution is installed in this app: orders plus one revenue column per currency (none yet).
      expect(header).toEqual([...POST_COLUMNS, "orders"])
      const rows = csvRecords(text)
      expect(rows.map((r) => r.post_id)).toEqual([synced.id, unsynced.id].sort())
      expect(rows.find((r) => r.post_id === synced.id)).toEqual({
        post_id: synced.id, platform_post_id: "17918920912340654", platform: "instagram", account_id: igId,
        account_name: "Shop IG", name: "Linen, restocked", status: "posted", published_at: "2026-03-01T07:30:00.000Z",
        permalink: "https://www.instagram.com/p/ABC/", likes: "1234", comments: "56", shares: "0", saves: "",
        impressions: "15000", reach: "10000", video_views: "0", avg_watch_time_seconds: "7.25", engagement: "1290",
        engagement_rate_percent: "12.9", last_synced_at: "2026-03-02T00:00:00.000Z", sync_status: "partial", orders: "0",
      })
      expect(rows.find((r) => r.post_id === unsynced.id)).toMatchObject({
        platform_post_id: "555", likes: "", reach: "", engagement_rate_percent: "", published_at: "", last_synced_at: "",
        sync_status: "", permalink: "",
      })
    })

    it("neutralises cells a spreadsheet would run as formulas", async () => {
      const names = ["=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tTabbed", "\rReturn", "plain = fine"]
      await socials().createSocialPosts(names.map((name) => ({ platform_id: igId, name })))
      const rows = csvRecords((await getCsv("/admin/social-posts/export")).text)
      expect(rows.map((r) => r.name).sort()).toEqual(
        ["'=HYPERLINK(\"http://evil\",\"x\")", "'+1+1", "'-2+3", "'@SUM(A1)", "'\tTabbed", "'\rReturn", "plain = fine"].sort()
      )
    })

    it("applies the list's filters and the published window (from inclusive, to exclusive)", async () => {
      const at = (iso: string) => new Date(iso)
      const posts = await socials().createSocialPosts([
        { platform_id: igId, name: "ig march linen", status: "posted", posted_at: at("2026-03-01T00:00:00Z") },
        { platform_id: igId, name: "ig march end", status: "posted", posted_at: at("2026-03-31T23:59:59.999Z") },
        { platform_id: igId, name: "ig april", status: "posted", posted_at: at("2026-04-01T00:00:00Z") },
        { platform_id: igId, name: "ig draft linen", status: "draft" },
        { platform_id: xId, name: "x march linen", status: "posted", posted_at: at("2026-03-15T12:00:00Z") },
      ])
      const names = async (query: string) =>
        csvRecords((await getCsv(`/admin/social-posts/export?format=csv&${query}`)).text).map((r) => r.name).sort()
      expect(await names(`platform_id=${igId}`)).toEqual(["ig april", "ig draft linen", "ig march end", "ig march linen"])
      expect(await names("status=draft")).toEqual(["ig draft linen"])
      expect(await names("q=linen")).toEqual(["ig draft linen", "ig march linen", "x march linen"])
      expect(await names("published_from=2026-03-01T00:00:00Z&published_to=2026-04-01T00:00:00Z")).toEqual([
        "ig march end", "ig march linen", "x march linen",
      ])
      expect(await names(`platform_id=${xId}&q=linen&status=posted&published_from=2026-03-10T00:00:00Z`)).toEqual(["x march linen"])
      expect(posts).toHaveLength(5)
    })

    it("answers 400 naming the bad filter", async () => {
      const bad = async (query: string) => (await expectHttpError(api.get(`/admin/social-posts/export?${query}`, admin)))
      const cases: [string, RegExp][] = [
        ["format=xlsx", /format/],
        ["status=bogus", /status/],
        ["published_from=yesterday", /published_from must be an ISO 8601 date-time/],
        ["published_from=2026-04-01T00:00:00Z&published_to=2026-03-01T00:00:00Z", /published_from must be before published_to/],
        ["limit=10", /limit/],
      ]
      for (const [query, message] of cases) {
        const res = await bad(query)
        expect(res.status, query).toBe(400)
        expect(res.data.message, query).toMatch(message)
      }
    })

    it("adds orders and one revenue column per currency from the attribution module", async () => {
      const [a, b] = await socials().createSocialPosts([
        { platform_id: igId, name: "sells" },
        { platform_id: igId, name: "nothing sold" },
      ])
      const attribution = getContainer().resolve<SocialAttributionModuleService>("socialAttribution")
      const row = (order_id: string, currency_code: string, net_total: string, canceled_at: string | null = null) => ({
        order_id, social_post_id: a.id, source: "link" as const, platform: "instagram", promotion_code: null, currency_code,
        placed_at: "2026-03-02T10:00:00.000Z", clicked_at: "2026-03-02T09:00:00.000Z", net_total, linked_subtotal: net_total,
        units: 1, canceled_at,
      })
      await attribution.upsertAttributions([row("order_1", "eur", "30.5"), row("order_2", "eur", "12"), row("order_3", "usd", "99.99")])
      const { text } = await getCsv("/admin/social-posts/export")
      expect(parseCsv(text)[0].slice(POST_COLUMNS.length)).toEqual(["orders", "revenue_eur", "revenue_usd"])
      const rows = csvRecords(text)
      expect(rows.find((r) => r.post_id === a.id)).toMatchObject({ orders: "3", revenue_eur: "42.5", revenue_usd: "99.99" })
      expect(rows.find((r) => r.post_id === b.id)).toMatchObject({ orders: "0", revenue_eur: "0", revenue_usd: "0" })
    })

    it("streams a large export page by page: bounded pages, bytes out before the last page is read", async () => {
      const TOTAL = 5_200
      await knex().raw(
        `insert into social_post (id, platform_id, name, status, posted_at, insights)
         select 'socpost_bulk_' || lpad(n::text, 6, '0'), ?, 'Bulk ' || n, 'posted', now() - n * interval '1 minute',
                jsonb_build_object('likes', n, 'reach', n * 10)
         from generate_series(1, ?) as n`,
        [igId, TOTAL]
      )
      const service = socials()
      const original = service.listSocialPosts.bind(service)
      const calls: { take?: number | null; at: number }[] = []
      const spy = vi.spyOn(service, "listSocialPosts").mockImplementation(async (filters, config, context) => {
        calls.push({ take: config?.take, at: Date.now() })
        return original(filters, config, context)
      })
      let firstByteAt = 0
      let body = ""
      try {
        body = await new Promise<string>((resolve, reject) => {
          const url = new URL("/admin/social-posts/export?format=csv", api.defaults.baseURL)
          http.get(url, { headers: admin.headers }, (res) => {
            const chunks: Buffer[] = []
            res.on("data", (c: Buffer) => {
              firstByteAt ||= Date.now()
              chunks.push(c)
            })
            res.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
            res.on("error", reject)
          }).on("error", reject)
        })
      } finally {
        spy.mockRestore()
      }
      const rows = csvRecords(body)
      expect(rows).toHaveLength(TOTAL)
      expect(new Set(rows.map((r) => r.post_id)).size).toBe(TOTAL)
      expect(rows.find((r) => r.post_id === "socpost_bulk_004321")).toMatchObject({ likes: "4321", reach: "43210" })
      // 5,200 rows in pages of 500: 11 reads, none larger than a page.
      expect(calls).toHaveLength(Math.ceil(TOTAL / 500))
      expect(calls.every((c) => c.take === 500)).toBe(true)
      // The first bytes left the server before the last page had been asked for: not buffered whole.
      expect(firstByteAt).toBeGreaterThan(0)
      expect(firstByteAt).toBeLessThanOrEqual(calls[calls.length - 1].at)
    })

    it("exports one post's snapshot history as CSV (all rows, ties on synced_at kept), JSON without format", async () => {
      const [post] = await socials().createSocialPosts([{ platform_id: igId, name: "History" }])
      const COUNT = 1_001
      // Pairs of snapshots share a synced_at: the keyset must not skip or repeat across a page edge.
      await knex().raw(
        `insert into social_post_insights_snapshot (id, post_id, synced_at, likes, reach, engagement_rate)
         select 'socsnap_' || lpad(n::text, 6, '0'), ?, timestamptz '2026-01-01T00:00:00Z' + (n / 2) * interval '1 hour',
                n, case when n % 3 = 0 then null else n * 10 end, 1.5
         from generate_series(1, ?) as n`,
        [post.id, COUNT]
      )
      const { res, text } = await getCsv(`/admin/social-posts/${post.id}/insights-snapshots?format=csv`)
      expect(res.headers["content-type"]).toContain("text/csv")
      expect(parseCsv(text)[0]).toEqual([
        "snapshot_id", "post_id", "synced_at", "likes", "comments", "shares", "saves", "impressions", "reach",
        "video_views", "engagement", "engagement_rate_percent",
      ])
      const rows = csvRecords(text)
      expect(rows.map((r) => Number(r.likes))).toEqual(Array.from({ length: COUNT }, (_, i) => i + 1))
      expect(rows[2]).toMatchObject({ synced_at: "2026-01-01T01:00:00.000Z", likes: "3", reach: "", comments: "", engagement_rate_percent: "1.5" })

      const json = await api.get(`/admin/social-posts/${post.id}/insights-snapshots?limit=2`, admin)
      expect(json.data.snapshots.map((s: { likes: number }) => s.likes)).toEqual([1000, 1001])
      expect((await expectHttpError(api.get(`/admin/social-posts/${post.id}/insights-snapshots?format=pdf`, admin))).status).toBe(400)
    })
  },
})
