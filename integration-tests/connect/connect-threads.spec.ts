import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { SANDBOX_OAUTH_APPS } from "../../sandbox/core/consent-page"
import { THREADS_SEED_IDS } from "../../sandbox/threads/seed"
import type SocialsModuleService from "../../src/modules/socials/service"
import type SocialConnectModuleService from "../../src/modules/social-connect/service"
import { AdminHeaders, expectHttpError, loginAsNewAdmin } from "../helpers/admin"
import { useSandbox } from "../helpers/sandbox"
import { callbackQuery, consent } from "./support"

const sandbox = useSandbox()
const BACKEND = "http://medusa.test"
const APP = SANDBOX_OAUTH_APPS.threads
Object.assign(process.env, { THREADS_APP_ID: APP.clientId, THREADS_APP_SECRET: APP.clientSecret, MEDUSA_BACKEND_URL: BACKEND })

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    const socials = () => getContainer().resolve<SocialsModuleService>("socials")
    const connectModule = () => getContainer().resolve<SocialConnectModuleService>("socialConnect")

    beforeEach(async () => {
      admin = await loginAsNewAdmin(getContainer(), api)
    })

    const start = async () => (await api.post("/admin/social-platforms/connect/threads", {}, admin)).data.authorization_url as string
    const callback = (query: Record<string, string>) =>
      api.get(`/admin/social-platforms/connect/threads/callback?${new URLSearchParams(query)}`, { headers: { ...admin.headers, accept: "application/json" } })
    const noSecrets = (body: unknown) => {
      const text = JSON.stringify(body)
      expect(text).not.toContain(APP.clientSecret)
      expect(text).not.toMatch(/THQVJ/)
    }

    it("connects the Threads account: authorize URL, code → 1 h token → th_exchange_token 60-day token → /me, pick, sealed", async () => {
      const url = new URL(await start())
      expect(`${url.origin}${url.pathname}`).toBe(`${sandbox().url}/threads/oauth/authorize`)
      expect(Object.fromEntries(url.searchParams)).toMatchObject({
        client_id: APP.clientId,
        redirect_uri: `${BACKEND}/admin/social-platforms/connect/threads/callback`,
        scope: "threads_basic,threads_manage_insights,threads_read_replies",
        response_type: "code",
      })
      const { data, status } = await callback(callbackQuery(await consent(url.toString(), "allow")))
      expect(status).toBe(200)
      noSecrets(data)
      expect(data.accounts).toEqual([{ key: `threads:${THREADS_SEED_IDS.user}`, provider: "threads", account_id: THREADS_SEED_IDS.user, name: expect.any(String), username: expect.any(String), already_connected: false }])

      const picked = await api.post(`/admin/social-platforms/connections/${data.connection_id}/accounts`, { keys: [`threads:${THREADS_SEED_IDS.user}`] }, admin)
      noSecrets(picked.data)
      expect(picked.data.social_platforms).toEqual([expect.objectContaining({ provider: "threads", account_id: THREADS_SEED_IDS.user, status: "active" })])
      const [row] = await socials().listSocialPlatforms({ provider: "threads" as any })
      const secrets = socials().openApiConfig(row.api_config as any, row.id)
      // The stored token is the long-lived one: it reads /me, and lives ~60 days, not the code's hour.
      const me = await fetch(`${sandbox().url}/threads/v1.0/me?fields=id`, { headers: { authorization: `Bearer ${secrets.accessToken}` } })
      expect(((await me.json()) as any).id).toBe(THREADS_SEED_IDS.user)
      expect(new Date(secrets.tokenExpiresAt!).getTime() - Date.now()).toBeGreaterThan(59 * 86_400_000)
      expect(JSON.stringify(row.api_config)).not.toContain(secrets.accessToken!)
    })

    it("Deny is 'you cancelled the connection'; a refused code names Threads' reason; nothing created", async () => {
      const denied = callbackQuery(await consent(await start(), "deny"))
      const res = await expectHttpError(callback(denied))
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(/You cancelled the connection to Threads/)
      const query = callbackQuery(await consent(await start(), "allow"))
      const forged = await expectHttpError(callback({ ...query, code: "threads-code-forged" }))
      expect(forged.status).toBe(400)
      expect(forged.data.message).toMatch(/Threads refused the authorization: Error validating verification code/)
      noSecrets(forged.data)
      expect(await socials().listSocialPlatforms({})).toHaveLength(0)
      expect(await connectModule().listSocialPendingConnections({})).toHaveLength(0)
    })
  },
})
