import { createHash } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { SANDBOX_OAUTH_APPS } from "../../sandbox/core/consent-page"
import { X_DEMO_TOKENS } from "../../sandbox/x/seed"
import { openCodeVerifier, sealCodeVerifier } from "../../src/modules/social-connect/sealing"
import type SocialsModuleService from "../../src/modules/socials/service"
import type SocialConnectModuleService from "../../src/modules/social-connect/service"
import { AdminHeaders, expectHttpError, loginAsNewAdmin } from "../helpers/admin"
import { useSandbox } from "../helpers/sandbox"
import { callbackQuery, consent } from "./support"

const sandbox = useSandbox()
const BACKEND = "http://medusa.test"
const APP = SANDBOX_OAUTH_APPS.x
Object.assign(process.env, { X_CLIENT_ID: APP.clientId, X_CLIENT_SECRET: APP.clientSecret, MEDUSA_BACKEND_URL: BACKEND })
const JSON_ACCEPT = { accept: "application/json" }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    const socials = () => getContainer().resolve<SocialsModuleService>("socials")
    const connectModule = () => getContainer().resolve<SocialConnectModuleService>("socialConnect")
    const asJson = { get headers() { return { ...admin.headers, ...JSON_ACCEPT } } }
    const xUserId = () => sandbox().fixtures.tokens.find((t) => t.token === X_DEMO_TOKENS.user)!.account_id

    beforeEach(async () => {
      admin = await loginAsNewAdmin(getContainer(), api)
      sandbox().reset({ fixtures: true })
    })

    const start = async () => (await api.post("/admin/social-platforms/connect/x", {}, admin)).data.authorization_url as string
    const callback = (query: Record<string, string>) => api.get(`/admin/social-platforms/connect/x/callback?${new URLSearchParams(query)}`, { headers: asJson.headers })
    /** Every token the sandbox issued or knows, the app secret and the verifiers: none may appear in an answer. */
    const noSecrets = async (body: unknown) => {
      const text = JSON.stringify(body)
      for (const t of sandbox().fixtures.tokens.flatMap((f) => [f.token, f.refresh_token])) if (t) expect(text).not.toContain(t)
      expect(text).not.toContain(APP.clientSecret)
      expect(text).not.toMatch(/x-(at|rt)-/)
    }

    it("connects the X account: S256 challenge in the URL, sealed verifier, code + verifier → tokens, /2/users/me, pick, row with access + refresh tokens, expiry, user_context", async () => {
      const url = new URL(await start())
      expect(`${url.origin}${url.pathname}`).toBe(`${sandbox().urls.x}/i/oauth2/authorize`)
      expect(Object.fromEntries(url.searchParams)).toMatchObject({
        response_type: "code",
        client_id: APP.clientId,
        redirect_uri: `${BACKEND}/admin/social-platforms/connect/x/callback`,
        scope: "tweet.read users.read offline.access",
        code_challenge_method: "S256",
      })
      const state = url.searchParams.get("state")!
      const [row] = await connectModule().listSocialOAuthStates({ state })
      // The verifier is sealed at rest and is the one the challenge was derived from.
      expect(row.code_verifier).toMatch(/^v2:/)
      const verifier = openCodeVerifier(state, row.code_verifier!)
      expect(createHash("sha256").update(verifier).digest("base64url")).toBe(url.searchParams.get("code_challenge"))
      expect(url.toString()).not.toContain(verifier)

      const { data, status } = await callback(callbackQuery(await consent(url.toString(), "allow")))
      expect(status).toBe(200)
      await noSecrets(data)
      expect(data.accounts).toEqual([{ key: `twitter:${xUserId()}`, provider: "twitter", account_id: xUserId(), name: expect.any(String), username: expect.any(String), already_connected: false }])
      expect(sandbox().log(20).map((e) => `${e.method} ${e.path}`)).toEqual(expect.arrayContaining(["POST /2/oauth2/token", "GET /2/users/me"]))

      const picked = await api.post(`/admin/social-platforms/connections/${data.connection_id}/accounts`, { keys: [`twitter:${xUserId()}`] }, admin)
      await noSecrets(picked.data)
      expect(picked.data.social_platforms).toEqual([expect.objectContaining({ provider: "twitter", account_id: xUserId(), status: "active" })])
      const [platform] = await socials().listSocialPlatforms({ provider: "twitter", account_id: xUserId() })
      const secrets = socials().openApiConfig(platform.api_config as any, platform.id)
      const issued = sandbox().fixtures.tokens.find((t) => t.token === secrets.accessToken)!
      expect(issued).toMatchObject({ family: "x", account_id: xUserId(), auth_type: "user_context" })
      expect(secrets.refreshToken).toBe(issued.refresh_token)
      expect(secrets.authType).toBe("user_context")
      const ttl = new Date(secrets.tokenExpiresAt!).getTime() - Date.now()
      expect(ttl).toBeGreaterThan(7000_000)
      expect(ttl).toBeLessThanOrEqual(7200_000)
      expect(JSON.stringify(platform.api_config)).not.toContain(secrets.accessToken!)
    })

    it("a verifier that does not match the challenge is refused by X: 400 naming it, nothing pending", async () => {
      const url = new URL(await start())
      const state = url.searchParams.get("state")!
      const [row] = await connectModule().listSocialOAuthStates({ state })
      await connectModule().updateSocialOAuthStates({ id: row.id, code_verifier: sealCodeVerifier(state, "another-verifier-of-forty-three-characters-or-more-000") })
      const res = await expectHttpError(callback(callbackQuery(await consent(url.toString(), "allow"))))
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(/X refused the authorization: Value passed for the code_verifier was invalid/)
      await noSecrets(res.data)
      expect(await connectModule().listSocialPendingConnections({})).toHaveLength(0)
    })

    it("Deny is 'you cancelled the connection'; a forged code is refused; nothing created", async () => {
      const denied = callbackQuery(await consent(await start(), "deny"))
      expect(denied.error).toBe("access_denied")
      const cancelled = await expectHttpError(callback(denied))
      expect(cancelled.status).toBe(400)
      expect(cancelled.data.message).toMatch(/You cancelled the connection to X/)
      const query = callbackQuery(await consent(await start(), "allow"))
      const forged = await expectHttpError(callback({ ...query, code: "x-code-forged" }))
      expect(forged.status).toBe(400)
      expect(forged.data.message).toMatch(/X refused the authorization: Value passed for the authorization code was invalid/)
      expect(await socials().listSocialPlatforms({})).toHaveLength(0)
      expect(await connectModule().listSocialPendingConnections({})).toHaveLength(0)
    })

    it("the connect list shows X live and configured", async () => {
      const { data } = await api.get("/admin/social-platforms/connect", admin)
      expect(data.providers.find((p: any) => p.provider === "x")).toMatchObject({ label: "X", supported: true, configured: true, scopes: ["tweet.read", "users.read", "offline.access"] })
    })
  },
})
