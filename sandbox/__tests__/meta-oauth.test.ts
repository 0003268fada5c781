import type { SandboxHandle } from "../server"
import { SANDBOX_OAUTH_APPS } from "../core/consent-page"
import { META_DEMO_TOKENS, META_SEED_IDS } from "../meta/seed"
import { startTestSandbox } from "./meta-support"

const APP = SANDBOX_OAUTH_APPS.meta
const REDIRECT = "http://localhost:9000/admin/social-platforms/connect/meta/callback"

describe("sandbox: Facebook Login (dialog, code exchange, long-lived token, /me/accounts)", () => {
  let sb: SandboxHandle
  beforeAll(async () => {
    sb = await startTestSandbox()
  })
  afterAll(() => sb.stop())

  const dialogQuery = (extra: Record<string, string> = {}) =>
    new URLSearchParams({ client_id: APP.clientId, redirect_uri: REDIRECT, state: "st-1", response_type: "code", scope: "pages_show_list", ...extra })

  /** Follows the consent page's link for `choice` and returns where it redirects. */
  async function decide(choice: "allow" | "deny"): Promise<URL> {
    const page = await fetch(`${sb.urls.meta}/v25.0/dialog/oauth?${dialogQuery()}`)
    expect(page.status).toBe(200)
    const html = await page.text()
    const href = new RegExp(`id="${choice}"[^>]*href="([^"]+)"`).exec(html)![1].replace(/&#38;/g, "&")
    const res = await fetch(href, { redirect: "manual" })
    expect(res.status).toBe(302)
    return new URL(res.headers.get("location")!)
  }

  const token = async (form: Record<string, string>) => {
    const res = await fetch(`${sb.urls.meta}/v25.0/oauth/access_token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form) })
    return { status: res.status, body: (await res.json()) as any }
  }
  const exchange = (code: string, extra: Record<string, string> = {}) =>
    token({ client_id: APP.clientId, client_secret: APP.clientSecret, redirect_uri: REDIRECT, code, grant_type: "authorization_code", ...extra })

  it("Allow redirects with code and state; the code works once, with the same redirect_uri", async () => {
    const back = await decide("allow")
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT)
    expect(back.searchParams.get("state")).toBe("st-1")
    const code = back.searchParams.get("code")!
    expect((await exchange(code, { redirect_uri: `${REDIRECT}x` })).body.error.error_subcode).toBe(36008)
    const first = await exchange(code)
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ token_type: "bearer", expires_in: 7200 })
    const again = await exchange(code)
    expect(again.status).toBe(400)
    expect(again.body.error).toMatchObject({ code: 100, error_subcode: 36009, message: "This authorization code has been used." })
  })

  it("Deny redirects with error=access_denied, error_reason=user_denied and the state", async () => {
    const back = await decide("deny")
    expect(Object.fromEntries(back.searchParams)).toMatchObject({ error: "access_denied", error_reason: "user_denied", state: "st-1" })
    expect(back.searchParams.get("code")).toBeNull()
  })

  it("refuses a wrong client secret and an unknown client id on the dialog", async () => {
    const back = await decide("allow")
    expect((await exchange(back.searchParams.get("code")!, { client_secret: "nope" })).body.error).toMatchObject({ code: 1, message: "Error validating client secret." })
    expect((await fetch(`${sb.urls.meta}/v25.0/dialog/oauth?${dialogQuery({ client_id: "other" })}`)).status).toBe(400)
  })

  it("fb_exchange_token gives a 60-day token; /me/accounts with it lists the Pages with never-expiring Page tokens and their Instagram accounts, paged", async () => {
    const short = (await exchange((await decide("allow")).searchParams.get("code")!)).body.access_token
    const long = await token({ grant_type: "fb_exchange_token", client_id: APP.clientId, client_secret: APP.clientSecret, fb_exchange_token: short })
    expect(long.body).toMatchObject({ token_type: "bearer", expires_in: 5183944 })
    const first = await fetch(`${sb.urls.meta}/v25.0/me/accounts?limit=1&fields=id,name,access_token,instagram_business_account`, { headers: { authorization: `Bearer ${long.body.access_token}` } })
    const page1 = (await first.json()) as any
    expect(page1.data).toEqual([expect.objectContaining({ id: META_SEED_IDS.pages[0], access_token: META_DEMO_TOKENS.page, instagram_business_account: expect.objectContaining({ id: META_SEED_IDS.instagramUsers[0] }) })])
    expect(page1.paging.next).toContain("after=")
    expect(page1.paging.next).not.toContain(long.body.access_token)
    const page2 = (await (await fetch(page1.paging.next, { headers: { authorization: `Bearer ${long.body.access_token}` } })).json()) as any
    expect(page2.data.map((p: any) => [p.id, p.access_token])).toEqual([[META_SEED_IDS.pages[1], META_DEMO_TOKENS.secondPage]])
    expect(page2.paging.next).toBeUndefined()
  })

  it("with the short-lived user token, Page tokens expire within hours (why the plugin exchanges first)", async () => {
    const short = (await exchange((await decide("allow")).searchParams.get("code")!)).body.access_token
    const body = (await (await fetch(`${sb.urls.meta}/v25.0/me/accounts`, { headers: { authorization: `Bearer ${short}` } })).json()) as any
    const pageToken = body.data[0].access_token
    expect(pageToken).not.toBe(META_DEMO_TOKENS.page)
    expect(sb.fixtures.tokens.find((t) => t.token === pageToken)?.expires_at).toBeGreaterThan(Date.now() - 1e12)
  })
})
