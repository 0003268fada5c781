import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { SANDBOX_OAUTH_APPS } from "../../sandbox/core/consent-page"
import { META_DEMO_TOKENS, META_SEED_IDS } from "../../sandbox/meta/seed"
import type SocialsModuleService from "../../src/modules/socials/service"
import type SocialConnectModuleService from "../../src/modules/social-connect/service"
import { AdminHeaders, expectHttpError, loginAsNewAdmin } from "../helpers/admin"
import { useSandbox } from "../helpers/sandbox"
import { callbackQuery, consent } from "./support"
import { Client } from "pg"
import { captureLogs } from "../reliability/support/process-watch"

const sandbox = useSandbox()
const BACKEND = "http://medusa.test"
Object.assign(process.env, { META_APP_ID: SANDBOX_OAUTH_APPS.meta.clientId, META_APP_SECRET: SANDBOX_OAUTH_APPS.meta.clientSecret, MEDUSA_BACKEND_URL: BACKEND })
delete process.env.X_CLIENT_ID
delete process.env.X_CLIENT_SECRET

const [PAGE1, PAGE2] = META_SEED_IDS.pages
const [IG1] = META_SEED_IDS.instagramUsers
const JSON_ACCEPT = { accept: "application/json" }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let admin: AdminHeaders
    const socials = () => getContainer().resolve<SocialsModuleService>("socials")
    const connectModule = () => getContainer().resolve<SocialConnectModuleService>("socialConnect")
    const asJson = (h: AdminHeaders) => ({ headers: { ...h.headers, ...JSON_ACCEPT } })

    beforeEach(async () => {
      admin = await loginAsNewAdmin(getContainer(), api)
      sandbox().reset({ fixtures: true })
    })

    const start = async (who: AdminHeaders = admin) => (await api.post("/admin/social-platforms/connect/meta", {}, who)).data.authorization_url as string
    const callback = (query: Record<string, string>, who: AdminHeaders = admin) =>
      api.get(`/admin/social-platforms/connect/meta/callback?${new URLSearchParams(query)}`, asJson(who))
    const consented = async (who: AdminHeaders = admin) => callbackQuery(await consent(await start(who), "allow"))
    const noTokens = (body: unknown) => {
      const text = JSON.stringify(body)
      for (const t of [...sandbox().fixtures.tokens.map((f) => f.token), SANDBOX_OAUTH_APPS.meta.clientSecret]) expect(text).not.toContain(t)
      expect(text).not.toMatch(/meta-user-(short|long)-/)
    }

    it("connects a Page and its Instagram account: authorize URL, consent, code → long-lived user token → Page tokens, pick, sealed", async () => {
      const url = new URL(await start())
      expect(`${url.origin}${url.pathname}`).toBe(`${sandbox().urls.meta}/v25.0/dialog/oauth`)
      expect(url.searchParams.get("client_id")).toBe(SANDBOX_OAUTH_APPS.meta.clientId)
      expect(url.searchParams.get("redirect_uri")).toBe(`${BACKEND}/admin/social-platforms/connect/meta/callback`)
      expect(url.searchParams.get("scope")).toContain("instagram_manage_insights")
      expect(url.searchParams.get("state")!.length).toBeGreaterThanOrEqual(32)

      const back = await consent(url.toString(), "allow")
      const { data, status } = await callback(callbackQuery(back))
      expect(status).toBe(200)
      noTokens(data)
      expect(data.connection_id).toMatch(/^soconn_/)
      expect(data.accounts).toEqual([
        { key: `facebook:${PAGE1}`, provider: "facebook", account_id: PAGE1, name: expect.any(String), username: null, already_connected: false },
        { key: `instagram:${IG1}`, provider: "instagram", account_id: IG1, name: "sandbox.coffee", username: "sandbox.coffee", already_connected: false },
        expect.objectContaining({ key: `facebook:${PAGE2}` }),
        expect.objectContaining({ key: `instagram:${META_SEED_IDS.instagramUsers[1]}` }),
      ])
      // The long-lived exchange happened: the Page token stored is the never-expiring one.
      expect(sandbox().log(50).map((e) => e.path)).toEqual(expect.arrayContaining(["/v25.0/oauth/access_token", "/v25.0/me/accounts"]))

      const picked = await api.post(`/admin/social-platforms/connections/${data.connection_id}/accounts`, { keys: [`facebook:${PAGE1}`, `instagram:${IG1}`] }, admin)
      noTokens(picked.data)
      expect(picked.data.social_platforms.map((p: any) => [p.provider, p.account_id, p.status, p.api_config.has_access_token])).toEqual([
        ["facebook", PAGE1, "active", true],
        ["instagram", IG1, "active", true],
      ])
      const [fb] = await socials().listSocialPlatforms({ account_id: PAGE1 })
      expect(socials().openApiConfig(fb.api_config as any, fb.id).accessToken).toBe(META_DEMO_TOKENS.page)
      expect(JSON.stringify(fb.api_config)).not.toContain(META_DEMO_TOKENS.page)

      // Single use: the same connection cannot be picked from twice, the same state not replayed.
      const reused = await expectHttpError(api.post(`/admin/social-platforms/connections/${data.connection_id}/accounts`, { keys: [`facebook:${PAGE2}`] }, admin))
      expect(reused.status).toBe(400)
      expect(reused.data.message).toContain("already used")
      const replay = await expectHttpError(callback(callbackQuery(back)))
      expect(replay.status).toBe(400)
      expect(replay.data.message).toContain("already used")
      expect(await socials().listSocialPlatforms({})).toHaveLength(2)
    })

    it("reconnecting an account updates its token and status and keeps its posts", async () => {
      const existing = (
        await api.post("/admin/social-platforms", { name: "Old page", provider: "facebook", account_id: PAGE1, api_config: { access_token: "stale-token" } }, admin)
      ).data.social_platform
      await api.post(`/admin/social-platforms/${existing.id}`, { status: "needs_reconnect" }, admin)
      await socials().createSocialPosts({ platform_id: existing.id, title: "Kept", status: "posted", insights: { facebook_post_id: META_SEED_IDS.facebook.text } } as any)

      const { data } = await callback(await consented())
      expect(data.accounts.find((a: any) => a.key === `facebook:${PAGE1}`).already_connected).toBe(true)
      const picked = await api.post(`/admin/social-platforms/connections/${data.connection_id}/accounts`, { keys: [`facebook:${PAGE1}`] }, admin)
      expect(picked.data.social_platforms).toEqual([expect.objectContaining({ id: existing.id, status: "active" })])
      const [fb] = await socials().listSocialPlatforms({ id: existing.id })
      expect(socials().openApiConfig(fb.api_config as any, fb.id).accessToken).toBe(META_DEMO_TOKENS.page)
      expect(await socials().listSocialPosts({ platform_id: existing.id })).toHaveLength(1)
      expect(await socials().listSocialPlatforms({})).toHaveLength(1)
    })

    describe("bad input: a 4xx naming the problem, nothing created", () => {
      afterEach(async () => {
        expect(await socials().listSocialPlatforms({})).toHaveLength(0)
        expect(await connectModule().listSocialPendingConnections({})).toHaveLength(0)
      })
      const expect400 = async (p: Promise<unknown>, message: string | RegExp, status = 400) => {
        const res = await expectHttpError(p)
        expect(res.status).toBe(status)
        expect(res.data.message).toMatch(message)
        noTokens(res.data)
      }

      it("unknown provider, on start and callback", async () => {
        await expect400(api.post("/admin/social-platforms/connect/myspace", {}, admin), /Unknown connect provider 'myspace'/)
        await expect400(api.get("/admin/social-platforms/connect/myspace/callback?code=a&state=b", asJson(admin)), /Unknown connect provider/)
      })
      it("missing and unknown state", async () => {
        await expect400(callback({ code: "x" }), /no state/)
        await expect400(callback({ code: "x", state: "not-a-state" }), /Unknown connection state/)
      })
      it("an expired state", async () => {
        const query = await consented()
        const [row] = await connectModule().listSocialOAuthStates({ state: query.state })
        await connectModule().updateSocialOAuthStates({ id: row.id, expires_at: new Date(Date.now() - 1000) })
        await expect400(callback(query), /expired/)
      })
      it("a state started by another admin user", async () => {
        const other = await loginAsNewAdmin(getContainer(), api)
        const query = await consented(other)
        await expect400(callback(query), /another admin user/)
      })
      it("the platform's error parameter: Deny is 'you cancelled the connection'", async () => {
        const denied = callbackQuery(await consent(await start(), "deny"))
        expect(denied.error).toBe("access_denied")
        await expect400(callback(denied), /You cancelled the connection/)
        const query = await consented()
        await expect400(callback({ state: query.state, error: "server_error", error_description: "Something broke" }), /refused the connection \(server_error\): Something broke/)
      })
      it("a code the platform refuses", async () => {
        const query = await consented()
        await expect400(callback({ ...query, code: "meta-code-forged" }), /refused the authorization: Invalid verification code format/)
      })
      it("unknown connection id, unknown account key", async () => {
        await expect400(api.post("/admin/social-platforms/connections/soconn_nope/accounts", { keys: ["facebook:1"] }, admin), /not found/, 404)
        const { data } = await callback(await consented())
        await expect400(api.post(`/admin/social-platforms/connections/${data.connection_id}/accounts`, { keys: ["facebook:999"] }, admin), /Not an account of this connection: facebook:999/)
        await expect400(api.post(`/admin/social-platforms/connections/${data.connection_id}/accounts`, { keys: [] }, admin), /keys/)
        // Another admin cannot pick from it.
        const other = await loginAsNewAdmin(getContainer(), api)
        await expect400(api.post(`/admin/social-platforms/connections/${data.connection_id}/accounts`, { keys: [`facebook:${PAGE1}`] }, other), /not found/, 404)
        await connectModule().deleteSocialPendingConnections(data.connection_id)
      })
      it("a provider without credentials says what to set; the list shows configured flags", async () => {
        const { data } = await api.get("/admin/social-platforms/connect", admin)
        expect(data.providers.find((p: any) => p.provider === "meta")).toMatchObject({ configured: true, missing: [] })
        expect(data.providers.find((p: any) => p.provider === "x")).toMatchObject({ configured: false, missing: ["X_CLIENT_ID", "X_CLIENT_SECRET"] })
      })
    })

    it("a connect (allow, deny, a refused code), the pick and an import write no token, code or app secret to a log line or a table", async () => {
      const logs = captureLogs(getContainer())
      const codes: string[] = []
      try {
        const allowed = await consented()
        codes.push(allowed.code)
        const { data } = await callback(allowed)
        await api.post(`/admin/social-platforms/connections/${data.connection_id}/accounts`, { keys: [`facebook:${PAGE1}`, `instagram:${IG1}`] }, admin)
        await expectHttpError(callback(callbackQuery(await consent(await start(), "deny"))))
        const refused = await consented()
        codes.push(refused.code)
        await expectHttpError(callback({ ...refused, code: "meta-code-forged" }))
        const [fb] = await socials().listSocialPlatforms({ account_id: PAGE1 })
        const imported = await api.post(`/admin/social-platforms/${fb.id}/import-posts`, { limit: 5 }, admin)
        expect(imported.data.imported).toBeGreaterThan(0)
        await getContainer().resolve("logger").warn("connect: log capture is live")
      } finally {
        logs.stop()
      }
      // Every token the sandbox issued in the flow (short- and long-lived user tokens, Page tokens), the codes, the secret.
      const used = Object.keys(sandbox().stats().byToken)
      expect(used.some((t) => t.startsWith("meta-user-long-"))).toBe(true)
      const secrets = [...sandbox().fixtures.tokens.map((t) => t.token), ...used, ...codes, SANDBOX_OAUTH_APPS.meta.clientSecret]
      const pattern = new RegExp([...secrets.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")), "meta-user-(short|long)-"].join("|"))
      expect(logs.lines.some((l) => l.includes("log capture is live"))).toBe(true)
      expect(logs.lines.filter((l) => pattern.test(l))).toEqual([])

      const pg = new Client({ connectionString: dbConfig.clientUrl })
      await pg.connect()
      try {
        const { rows: tables } = await pg.query("select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'")
        const leaks: string[] = []
        for (const { table_name } of tables) {
          const { rows } = await pg.query(`select t::text as row from "${table_name}" t where t::text ~ $1 limit 3`, [pattern.source])
          leaks.push(...rows.map((r) => `${table_name}: ${String(r.row).slice(0, 200)}`))
        }
        expect(leaks).toEqual([])
      } finally {
        await pg.end()
      }
    })

    it("a browser callback is sent to the admin picker (accounts or the message)", async () => {
      const query = await consented()
      const res = await api.get(`/admin/social-platforms/connect/meta/callback?${new URLSearchParams(query)}`, { headers: { ...admin.headers, accept: "text/html,application/xhtml+xml" }, maxRedirects: 0, validateStatus: () => true })
      expect(res.status).toBe(303)
      expect(res.headers.location).toMatch(/^\/app\/social-posts\/platforms\/connect\?connection_id=soconn_/)
      const denied = callbackQuery(await consent(await start(), "deny"))
      const res2 = await api.get(`/admin/social-platforms/connect/meta/callback?${new URLSearchParams(denied)}`, { headers: { ...admin.headers, accept: "text/html,application/xhtml+xml" }, maxRedirects: 0, validateStatus: () => true })
      expect(res2.status).toBe(303)
      expect(new URL(res2.headers.location, BACKEND).searchParams.get("error")).toContain("You cancelled the connection")
    })
  },
})
