import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { Method } from "axios"
import { Client } from "pg"
import { AdminHeaders, loginAsNewAdmin } from "../helpers/admin"
import { createPlatform, createPost, quietScheduler, send } from "./support/api"
import { pluginTables, tableFingerprint } from "./support/db"

/**
 * Every admin route of the plugin, fed what a broken client or an attacker sends:
 * each answer is a 4xx whose message names the offending field (or the id), never
 * a 500, and no row of the plugin's tables changes. Free text (names, captions,
 * search) may legitimately contain quotes and angle brackets: there such strings
 * are stored or searched verbatim, never executed (see the last tests).
 */

type Case = {
  method: Method
  url: string
  data?: unknown
  headers?: Record<string, string>
  /** What the message must mention (the field, or "id" for an unknown id). */
  field: RegExp
  /** Defaults to any 4xx except 401/403 (those would log the dashboard out). */
  status?: number
}

const SQL = "' OR '1'='1'; DROP TABLE social_post; --"
const SCRIPT = "<script>alert(document.cookie)</script>"
const IMG = "<img src=x onerror=alert(1)>"

/** Ids an attacker or a broken client puts in the path. */
const BAD_IDS = [
  "does-not-exist",
  "socpost_01ZZZZZZZZZZZZZZZZZZZZZZZZ",
  encodeURIComponent(SQL),
  encodeURIComponent(SCRIPT),
  encodeURIComponent("1 UNION SELECT api_config FROM social_platform"),
  "x".repeat(3000),
  "abc%00def",
  encodeURIComponent("ñ💥\u202e"),
]

quietScheduler()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let admin: AdminHeaders
    let platformId: string
    let postId: string
    let productId: string
    let pg: Client
    let tables: string[]

    beforeAll(async () => {
      admin = await loginAsNewAdmin(getContainer(), api)
      platformId = await createPlatform(api, admin, "facebook", "104000000000001", { access_token: "meta-demo-token" })
      postId = await createPost(api, admin, platformId, { facebook_post_id: "104000000000001_900000000000001" }, { status: "draft" })
      const [product] = await getContainer().resolve(Modules.PRODUCT).createProducts([{ title: "Linen shirt" }])
      productId = product.id
    })

    // The runner restores the database before each test, which ends open connections: one per test.
    beforeEach(async () => {
      pg = new Client({ connectionString: dbConfig.clientUrl })
      await pg.connect()
      tables = await pluginTables(pg)
    })

    afterEach(async () => {
      await pg?.end()
    })

    /** Runs the table; returns one line per case that misbehaved, so a failure lists them all. */
    async function runCases(cases: Case[]): Promise<string[]> {
      expect(tables).toEqual(expect.arrayContaining(["social_platform", "social_post", "social_post_insights_snapshot"]))
      const problems: string[] = []
      for (const c of cases) {
        const before = await tableFingerprint(pg, tables)
        const res = await send(api, c.method, c.url, { data: c.data, headers: { ...admin.headers, ...c.headers } })
        const after = await tableFingerprint(pg, tables)
        const label = `${c.method} ${c.url.slice(0, 120)} ${c.data === undefined ? "" : JSON.stringify(c.data).slice(0, 120)}`
        const message = typeof res.data?.message === "string" ? res.data.message : ""
        const statusOk = c.status ? res.status === c.status : res.status >= 400 && res.status < 500 && res.status !== 401 && res.status !== 403
        if (!statusOk) {
          problems.push(`${label} -> ${res.status} ${JSON.stringify(res.data).slice(0, 300)}`)
        } else if (!c.field.test(message)) {
          problems.push(`${label} -> ${res.status} message does not name ${c.field}: ${JSON.stringify(message).slice(0, 300)}`)
        }
        if (JSON.stringify(before) !== JSON.stringify(after)) {
          problems.push(`${label} -> rows changed: ${JSON.stringify(before)} => ${JSON.stringify(after)}`)
        }
      }
      return problems
    }

    const idCases = (method: Method, path: (id: string) => string, data?: unknown): Case[] =>
      BAD_IDS.map((id) => ({ method, url: path(id), data, field: /\bid\b/i }))

    const limitCases = (base: string, max: number, extra = ""): Case[] =>
      ["-1", "0", "abc", String(max + 1), "99999999999999999999", "1e400", "1.5", "[]"].map((limit) => ({
        method: "GET" as Method,
        url: `${base}?limit=${encodeURIComponent(limit)}${extra}`,
        field: /limit/,
      }))

    const listQueryCases = (base: string, max: number): Case[] => [
      ...limitCases(base, max),
      { method: "GET", url: `${base}?limit[$gt]=1`, field: /limit/ },
      { method: "GET", url: `${base}?offset=-1`, field: /offset/ },
      { method: "GET", url: `${base}?offset=1e12`, field: /offset/ },
      { method: "GET", url: `${base}?is_admin=true`, field: /is_admin/ },
      { method: "GET", url: `${base}?order=${encodeURIComponent("name; DROP TABLE social_post")}`, field: /order/ },
      { method: "GET", url: `${base}?order=api_config`, field: /order/ },
      { method: "GET", url: `${base}?status=${encodeURIComponent(SQL)}`, field: /status/ },
      { method: "GET", url: `${base}?status[$ne]=x`, field: /status/ },
      { method: "GET", url: `${base}?q=${"x".repeat(500)}`, field: /\bq\b/ },
      { method: "GET", url: `${base}?q=a%00b`, field: /\bq\b/ },
    ]

    it("GET /admin/social-platforms rejects bad query parameters", async () => {
      const problems = await runCases([
        ...listQueryCases("/admin/social-platforms", 200),
        { method: "GET", url: "/admin/social-platforms?provider=myspace", field: /provider/ },
        { method: "GET", url: `/admin/social-platforms?provider=${encodeURIComponent(SQL)}`, field: /provider/ },
        { method: "GET", url: "/admin/social-platforms?provider[]=facebook&provider[]=x", field: /provider/ },
      ])
      expect(problems).toEqual([])
    })

    it("POST /admin/social-platforms rejects bad bodies", async () => {
      const valid = { name: "Shop", provider: "facebook", account_id: "104000000000001" }
      const problems = await runCases([
        { method: "POST", url: "/admin/social-platforms", data: {}, field: /name|provider/ },
        { method: "POST", url: "/admin/social-platforms", data: { ...valid, is_admin: true }, field: /is_admin/ },
        { method: "POST", url: "/admin/social-platforms", data: { ...valid, name: 123 }, field: /name/ },
        { method: "POST", url: "/admin/social-platforms", data: { ...valid, name: "" }, field: /name/ },
        { method: "POST", url: "/admin/social-platforms", data: { ...valid, name: "x".repeat(201) }, field: /name/ },
        { method: "POST", url: "/admin/social-platforms", data: { ...valid, name: "a\u0000b" }, field: /name/ },
        { method: "POST", url: "/admin/social-platforms", data: { ...valid, provider: "myspace" }, field: /provider/ },
        { method: "POST", url: "/admin/social-platforms", data: { ...valid, provider: SQL }, field: /provider/ },
        { method: "POST", url: "/admin/social-platforms", data: { ...valid, status: SCRIPT }, field: /status/ },
        { method: "POST", url: "/admin/social-platforms", data: { ...valid, account_id: ["1"] }, field: /account_id/ },
        { method: "POST", url: "/admin/social-platforms", data: { ...valid, api_config: "meta-demo-token" }, field: /api_config/ },
        { method: "POST", url: "/admin/social-platforms", data: { ...valid, api_config: { access_token: 42 } }, field: /access_token/ },
        { method: "POST", url: "/admin/social-platforms", data: { ...valid, api_config: { access_token: "t".repeat(5000) } }, field: /access_token/ },
        { method: "POST", url: "/admin/social-platforms", data: { ...valid, api_config: { access_token: "tok\u0000en" } }, field: /access_token/ },
        {
          method: "POST",
          url: "/admin/social-platforms",
          data: { ...valid, api_config: { access_token: "ok-token", access_token_encrypted: "v1:a:b:c" } },
          field: /access_token_encrypted/,
        },
        { method: "POST", url: "/admin/social-platforms", data: { ...valid, api_config: { token_expires_at: "tomorrow" } }, field: /token_expires_at/ },
        { method: "POST", url: "/admin/social-platforms", data: { ...valid, api_config: { auth_type: SQL } }, field: /auth_type/ },
        { method: "POST", url: "/admin/social-platforms", data: { ...valid, metadata: [1, 2] }, field: /metadata/ },
        // zod names the root ("Field ''"): a 400 with a message is what matters here.
        { method: "POST", url: "/admin/social-platforms", data: [valid], field: /Invalid request/ },
        {
          method: "POST",
          url: "/admin/social-platforms",
          data: "{\"name\": \"Shop\", \"provider\": ",
          headers: { "content-type": "application/json" },
          field: /json|unexpected|parse/i,
        },
        {
          method: "POST",
          url: "/admin/social-platforms",
          data: { ...valid, metadata: { blob: "x".repeat(2_000_000) } },
          field: /too large/i,
          status: 413,
        },
      ])
      expect(problems).toEqual([])
    })

    it("GET / POST / DELETE /admin/social-platforms/:id reject malformed ids and bad bodies", async () => {
      const problems = await runCases([
        ...idCases("GET", (id) => `/admin/social-platforms/${id}`),
        ...idCases("POST", (id) => `/admin/social-platforms/${id}`, { name: "Renamed" }),
        ...idCases("DELETE", (id) => `/admin/social-platforms/${id}`),
        { method: "GET", url: `/admin/social-platforms/${platformId}?fields=api_config`, field: /fields/ },
        { method: "DELETE", url: `/admin/social-platforms/${platformId}?cascade=false`, field: /cascade/ },
        { method: "POST", url: `/admin/social-platforms/${platformId}`, data: { name: 123 }, field: /name/ },
        { method: "POST", url: `/admin/social-platforms/${platformId}`, data: { provider: "myspace" }, field: /provider/ },
        { method: "POST", url: `/admin/social-platforms/${platformId}`, data: { status: SQL }, field: /status/ },
        { method: "POST", url: `/admin/social-platforms/${platformId}`, data: { id: "socplat_other" }, field: /\bid\b/ },
        { method: "POST", url: `/admin/social-platforms/${platformId}`, data: { api_config: { access_token: [] } }, field: /access_token/ },
        { method: "POST", url: `/admin/social-platforms/${platformId}`, data: { api_config: { refresh_token: 7 } }, field: /refresh_token/ },
        { method: "POST", url: `/admin/social-platforms/${platformId}`, data: { created_at: "2020-01-01T00:00:00Z" }, field: /created_at/ },
        { method: "POST", url: `/admin/social-platforms/${platformId}`, data: { name: "ok\u0000" }, field: /name/ },
      ])
      expect(problems).toEqual([])
    })

    it("GET /admin/social-posts rejects bad query parameters", async () => {
      const problems = await runCases([
        ...listQueryCases("/admin/social-posts", 200),
        { method: "GET", url: "/admin/social-posts?platform_id[$ne]=x", field: /platform_id/ },
        { method: "GET", url: `/admin/social-posts?platform_id=${"p".repeat(101)}`, field: /platform_id/ },
        { method: "GET", url: "/admin/social-posts?platform_id=a%00b", field: /platform_id/ },
        { method: "GET", url: "/admin/social-posts?order=insights", field: /order/ },
      ])
      expect(problems).toEqual([])
    })

    it("POST /admin/social-posts rejects bad bodies", async () => {
      const valid = { platform_id: platformId, name: "Drop", status: "draft" }
      const url = "/admin/social-posts"
      const problems = await runCases([
        { method: "POST", url, data: {}, field: /platform_id/ },
        { method: "POST", url, data: { ...valid, platform_id: "socplat_does_not_exist" }, field: /platform_id/ },
        { method: "POST", url, data: { ...valid, platform_id: SQL }, field: /platform_id/ },
        { method: "POST", url, data: { ...valid, platform_id: 5 }, field: /platform_id/ },
        { method: "POST", url, data: { ...valid, is_admin: true }, field: /is_admin/ },
        { method: "POST", url, data: { ...valid, status: "live" }, field: /status/ },
        { method: "POST", url, data: { ...valid, status: SCRIPT }, field: /status/ },
        { method: "POST", url, data: { ...valid, media_type: "GIF" }, field: /media_type/ },
        { method: "POST", url, data: { ...valid, posted_at: "yesterday" }, field: /posted_at/ },
        { method: "POST", url, data: { ...valid, post_url: "not a url" }, field: /post_url/ },
        { method: "POST", url, data: { ...valid, post_url: "javascript:alert(document.cookie)" }, field: /post_url/ },
        { method: "POST", url, data: { ...valid, post_url: "data:text/html,<script>alert(1)</script>" }, field: /post_url/ },
        { method: "POST", url, data: { ...valid, caption: "c".repeat(10_001) }, field: /caption/ },
        { method: "POST", url, data: { ...valid, caption: "nul\u0000byte" }, field: /caption/ },
        { method: "POST", url, data: { ...valid, name: "nul\u0000byte" }, field: /name/ },
        { method: "POST", url, data: { ...valid, name: { $ne: null } }, field: /name/ },
        { method: "POST", url, data: { ...valid, media_attachments: "x" }, field: /media_attachments/ },
        { method: "POST", url, data: { ...valid, media_attachments: Array.from({ length: 51 }, () => ({})) }, field: /media_attachments/ },
        { method: "POST", url, data: { ...valid, metadata: "x" }, field: /metadata/ },
        { method: "POST", url, data: { ...valid, insights: { likes: 1_000_000 } }, field: /likes/ },
        { method: "POST", url, data: { ...valid, insights: { facebook_post_id: "1 OR 1=1" } }, field: /facebook_post_id/ },
        { method: "POST", url, data: { ...valid, insights: { twitter_tweet_id: "1460323737035677698" } }, field: /twitter_tweet_id/ },
        { method: "POST", url, data: { ...valid, insights: { linkedin_post_urn: SCRIPT } }, field: /linkedin_post_urn/ },
        { method: "POST", url, data: { ...valid, insights_sync_status: "success" }, field: /insights_sync_status/ },
        { method: "POST", url, data: { ...valid, caption: "x".repeat(2_000_000) }, field: /too large/i, status: 413 },
      ])
      expect(problems).toEqual([])
    })

    it("GET / POST / DELETE /admin/social-posts/:id reject malformed ids and bad bodies", async () => {
      const url = `/admin/social-posts/${postId}`
      const problems = await runCases([
        ...idCases("GET", (id) => `/admin/social-posts/${id}`),
        ...idCases("POST", (id) => `/admin/social-posts/${id}`, { name: "Renamed" }),
        ...idCases("DELETE", (id) => `/admin/social-posts/${id}`),
        { method: "GET", url: `${url}?expand=platform.api_config`, field: /expand/ },
        { method: "POST", url, data: { platform_id: "socplat_nope" }, field: /platform_id/ },
        { method: "POST", url, data: { status: "deleted" }, field: /status/ },
        { method: "POST", url, data: { insights: { likes: 5 } }, field: /likes/ },
        { method: "POST", url, data: { insights: "hacked" }, field: /insights/ },
        { method: "POST", url, data: { insights_synced_at: "2020-01-01T00:00:00Z" }, field: /insights_synced_at/ },
        { method: "POST", url, data: { next_sync_at: null }, field: /next_sync_at/ },
        { method: "POST", url, data: { posted_at: 1700000000 }, field: /posted_at/ },
        { method: "POST", url, data: { post_url: "javascript:alert(1)" }, field: /post_url/ },
        { method: "POST", url, data: { caption: "\u0000" }, field: /caption/ },
      ])
      expect(problems).toEqual([])
    })

    it("POST /admin/social-posts/:id/sync-insights rejects malformed ids and bad flags", async () => {
      const problems = await runCases([
        ...idCases("POST", (id) => `/admin/social-posts/${id}/sync-insights`),
        { method: "POST", url: `/admin/social-posts/${postId}/sync-insights?force=maybe`, field: /force/ },
        { method: "POST", url: `/admin/social-posts/${postId}/sync-insights?force[]=true`, field: /force/ },
        { method: "POST", url: `/admin/social-posts/${postId}/sync-insights?platform=x`, field: /platform/ },
      ])
      expect(problems).toEqual([])
    })

    it("POST /admin/social-posts/sync-all-insights rejects bad limits, flags and platform ids", async () => {
      const url = "/admin/social-posts/sync-all-insights"
      const problems = await runCases([
        ...["-1", "0", "501", "abc", "1e400", "99999999999999999999", "2.5"].map((limit) => ({
          method: "POST" as Method,
          url: `${url}?limit=${limit}`,
          field: /limit/,
        })),
        { method: "POST", url, data: { limit: -5 }, field: /limit/ },
        { method: "POST", url, data: { limit: 100000 }, field: /limit/ },
        { method: "POST", url, data: { limit: "many" }, field: /limit/ },
        { method: "POST", url, data: { limit: [1] }, field: /limit/ },
        { method: "POST", url, data: { limit: 1.5 }, field: /limit/ },
        { method: "POST", url, data: { force: "yes" }, field: /force/ },
        { method: "POST", url, data: { platform_id: "socplat_nope" }, field: /platform_id/ },
        { method: "POST", url, data: { platform_id: SQL }, field: /platform_id/ },
        { method: "POST", url, data: { platform_id: { $ne: null } }, field: /platform_id/ },
        { method: "POST", url, data: { is_admin: true }, field: /is_admin/ },
        { method: "POST", url: `${url}?platform_id=${encodeURIComponent(SQL)}`, field: /platform_id/ },
        { method: "POST", url: `${url}?debug=1`, field: /debug/ },
        { method: "POST", url, data: { platform_id: "p".repeat(2_000_000) }, field: /too large/i, status: 413 },
      ])
      expect(problems).toEqual([])
    })

    it("GET /admin/social-posts/:id/insights-snapshots rejects malformed ids and bad limits", async () => {
      const problems = await runCases([
        ...idCases("GET", (id) => `/admin/social-posts/${id}/insights-snapshots`),
        ...limitCases(`/admin/social-posts/${postId}/insights-snapshots`, 1000),
        { method: "GET", url: `/admin/social-posts/${postId}/insights-snapshots?order=id`, field: /order/ },
      ])
      expect(problems).toEqual([])
    })

    it("GET / POST /admin/social-posts/:id/products and GET /admin/products/:id/social-posts reject malformed ids and bad bodies", async () => {
      const url = `/admin/social-posts/${postId}/products`
      const problems = await runCases([
        ...idCases("GET", (id) => `/admin/social-posts/${id}/products`),
        ...idCases("POST", (id) => `/admin/social-posts/${id}/products`, { add: [productId] }),
        ...idCases("GET", (id) => `/admin/products/${id}/social-posts`),
        { method: "GET", url: `${url}?fields=*`, field: /fields/ },
        { method: "GET", url: `/admin/products/${productId}/social-posts?fields=*`, field: /fields/ },
        { method: "POST", url, data: { add: productId }, field: /add/ },
        { method: "POST", url, data: { add: [42] }, field: /add/ },
        { method: "POST", url, data: { add: [""] }, field: /add/ },
        { method: "POST", url, data: { add: ["prod_does_not_exist"] }, field: /prod_does_not_exist|add/ },
        { method: "POST", url, data: { add: [SQL] }, field: /add|product/i },
        { method: "POST", url, data: { add: Array.from({ length: 101 }, (_, i) => `prod_${i}`) }, field: /add/ },
        { method: "POST", url, data: { remove: { $ne: null } }, field: /remove/ },
        { method: "POST", url, data: { add: [productId], link_all: true }, field: /link_all/ },
        { method: "POST", url, data: { add: ["prod\u0000x"] }, field: /add/ },
      ])
      expect(problems).toEqual([])
    })

    it("stores SQL and script text in free-text fields verbatim and searches it as text", async () => {
      const hostile = `${SQL} ${SCRIPT} ${IMG}`
      const created = await send(api, "POST", "/admin/social-posts", {
        data: { platform_id: platformId, name: hostile, caption: hostile, status: "draft" },
        headers: admin.headers,
      })
      expect(created.status).toBe(201)
      const id = (created.data.social_post as { id: string }).id

      const read = await send(api, "GET", `/admin/social-posts/${id}`, { headers: admin.headers })
      expect(read.data.social_post).toMatchObject({ name: hostile, caption: hostile })

      // A quote-breaking search is a search, not SQL: it finds only the post that contains it.
      const search = await send(api, "GET", `/admin/social-posts?q=${encodeURIComponent("' OR '1'='1")}`, { headers: admin.headers })
      expect(search.status).toBe(200)
      expect((search.data.social_posts as { id: string }[]).map((p) => p.id)).toEqual([id])

      const { rows } = await pg.query("select count(*)::int as n from social_post where deleted_at is null")
      expect(rows[0].n).toBe(2)
      const { rows: stored } = await pg.query("select name, caption from social_post where id = $1", [id])
      expect(stored[0]).toEqual({ name: hostile, caption: hostile })
    })
  },
})
