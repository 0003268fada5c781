import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { SANDBOX_OAUTH_APPS } from "../../sandbox/core/consent-page"
import { LINKEDIN_DEMO_TOKENS } from "../../sandbox/linkedin/seed"
import type SocialsModuleService from "../../src/modules/socials/service"
import type SocialConnectModuleService from "../../src/modules/social-connect/service"
import { AdminHeaders, expectHttpError, loginAsNewAdmin } from "../helpers/admin"
import { useSandbox } from "../helpers/sandbox"
import { callbackQuery, consent } from "./support"

const sandbox = useSandbox()
const BACKEND = "http://medusa.test"
const APP = SANDBOX_OAUTH_APPS.linkedin
Object.assign(process.env, { LINKEDIN_CLIENT_ID: APP.clientId, LINKEDIN_CLIENT_SECRET: APP.clientSecret, MEDUSA_BACKEND_URL: BACKEND })

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    const socials = () => getContainer().resolve<SocialsModuleService>("socials")
    const connectModule = () => getContainer().resolve<SocialConnectModuleService>("socialConnect")
    const org = (token: string) => sandbox().fixtures.tokens.find((t) => t.token === token)!.account_id

    beforeEach(async () => {
      admin = await loginAsNewAdmin(getContainer(), api)
      sandbox().reset({ fixtures: true })
    })

    const start = async () => (await api.post("/admin/social-platforms/connect/linkedin", {}, admin)).data.authorization_url as string
    const callback = (query: Record<string, string>) =>
      api.get(`/admin/social-platforms/connect/linkedin/callback?${new URLSearchParams(query)}`, { headers: { ...admin.headers, accept: "application/json" } })
    const noSecrets = (body: unknown) => {
      const text = JSON.stringify(body)
      for (const t of sandbox().fixtures.tokens.map((f) => f.token)) expect(text).not.toContain(t)
      expect(text).not.toContain(APP.clientSecret)
      expect(text).not.toMatch(/li-at-/)
    }

    it("connects the organizations the member administers: authorize URL, code → member token, organizationAcls + names, one account per organization URN", async () => {
      const url = new URL(await start())
      expect(`${url.origin}${url.pathname}`).toBe(`${sandbox().urls.linkedin}/oauth/v2/authorization`)
      expect(Object.fromEntries(url.searchParams)).toMatchObject({
        response_type: "code",
        client_id: APP.clientId,
        redirect_uri: `${BACKEND}/admin/social-platforms/connect/linkedin/callback`,
        scope: "r_organization_social r_organization_social_feed rw_organization_admin",
      })
      const { data, status } = await callback(callbackQuery(await consent(url.toString(), "allow")))
      expect(status).toBe(200)
      noSecrets(data)
      const [org1, org2] = [org(LINKEDIN_DEMO_TOKENS.member), org("linkedin-second-token")]
      expect(data.accounts).toEqual([
        { key: `linkedin:${org1}`, provider: "linkedin", account_id: org1, name: expect.stringContaining(org1.split(":").pop()!), username: expect.any(String), already_connected: false },
        expect.objectContaining({ key: `linkedin:${org2}`, account_id: org2 }),
      ])
      expect(sandbox().log(20).map((e) => e.path)).toEqual(expect.arrayContaining(["/oauth/v2/accessToken", "/rest/organizationAcls", `/rest/organizations/${org1.split(":").pop()}`]))

      const picked = await api.post(`/admin/social-platforms/connections/${data.connection_id}/accounts`, { keys: [`linkedin:${org1}`, `linkedin:${org2}`] }, admin)
      noSecrets(picked.data)
      expect(picked.data.social_platforms.map((p: any) => [p.provider, p.account_id, p.status])).toEqual([
        ["linkedin", org1, "active"],
        ["linkedin", org2, "active"],
      ])
      const [row] = await socials().listSocialPlatforms({ account_id: org1 })
      const secrets = socials().openApiConfig(row.api_config as any, row.id)
      const issued = sandbox().fixtures.tokens.find((t) => t.token === secrets.accessToken)!
      expect(issued.family).toBe("linkedin")
      expect(secrets.refreshToken).toBeNull()
      expect(new Date(secrets.tokenExpiresAt!).getTime() - Date.now()).toBeGreaterThan(59 * 86_400_000)
    })

    it("Cancel on LinkedIn's page is 'you cancelled the connection'; a refused code names LinkedIn's reason; nothing created", async () => {
      const cancelled = callbackQuery(await consent(await start(), "deny"))
      expect(cancelled.error).toBe("user_cancelled_authorize")
      const res = await expectHttpError(callback(cancelled))
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(/You cancelled the connection to LinkedIn/)
      const query = callbackQuery(await consent(await start(), "allow"))
      const forged = await expectHttpError(callback({ ...query, code: "li-code-forged" }))
      expect(forged.status).toBe(400)
      expect(forged.data.message).toMatch(/LinkedIn refused the authorization: Unable to retrieve access token/)
      noSecrets(forged.data)
      expect(await socials().listSocialPlatforms({})).toHaveLength(0)
      expect(await connectModule().listSocialPendingConnections({})).toHaveLength(0)
    })
  },
})
