import { describe, expect, it } from "vitest"
import { SANDBOX_OAUTH_APPS } from "../core/consent-page"
import { LINKEDIN_DEMO_TOKENS, LINKEDIN_SEED_IDS } from "../linkedin/seed"
import { formPost, liGet, usePinned } from "./x-linkedin-support"

const APP = SANDBOX_OAUTH_APPS.linkedin
const REDIRECT = "http://localhost:9000/admin/social-platforms/connect/linkedin/callback"

describe("sandbox: LinkedIn 3-legged OAuth, organizationAcls, organization lookup", () => {
  const p = usePinned((pinned) => pinned.sb.reset({ fixtures: true }))
  const orgOf = (token: string) => p.sb.fixtures.tokens.find((t) => t.token === token)!.account_id

  async function decide(choice: "allow" | "deny"): Promise<URL> {
    const q = new URLSearchParams({ response_type: "code", client_id: APP.clientId, redirect_uri: REDIRECT, state: "st-li", scope: "r_organization_social rw_organization_admin" })
    const page = await fetch(`${p.sb.urls.linkedin}/oauth/v2/authorization?${q}`)
    expect(page.status).toBe(200)
    const href = new RegExp(`id="${choice}"[^>]*href="([^"]+)"`).exec(await page.text())![1].replace(/&#38;/g, "&")
    const res = await fetch(href, { redirect: "manual" })
    return new URL(res.headers.get("location")!)
  }
  const exchange = (code: string, extra: Record<string, string> = {}) =>
    formPost(`${p.sb.urls.linkedin}/oauth/v2/accessToken`, { grant_type: "authorization_code", code, redirect_uri: REDIRECT, client_id: APP.clientId, client_secret: APP.clientSecret, ...extra })

  it("Allow → single-use code → a 60-day member token (no refresh token) whose organizationAcls list the administered organizations, with names", async () => {
    const back = await decide("allow")
    expect(back.searchParams.get("state")).toBe("st-li")
    const code = back.searchParams.get("code")!
    const first = await exchange(code)
    expect(first.status).toBe(200)
    expect(first.body).toEqual({ access_token: expect.stringMatching(/^li-at-/), expires_in: 5184000, scope: "r_organization_social,rw_organization_admin" })
    expect((await exchange(code)).body.error).toBe("invalid_request")

    const token = first.body.access_token
    const acls = await liGet(p.sb, "/rest/organizationAcls?q=roleAssignee&role=ADMINISTRATOR&state=APPROVED&count=1", { token })
    expect(acls.status).toBe(200)
    const org1 = orgOf(LINKEDIN_DEMO_TOKENS.member)
    expect(acls.body).toEqual({ paging: { start: 0, count: 1, links: [] }, elements: [{ roleAssignee: expect.stringMatching(/^urn:li:person:/), role: "ADMINISTRATOR", state: "APPROVED", organization: org1 }] })
    const page2 = await liGet(p.sb, "/rest/organizationAcls?q=roleAssignee&role=ADMINISTRATOR&state=APPROVED&start=1&count=1", { token })
    expect(page2.body.elements).toHaveLength(1)
    expect(page2.body.elements[0].organization).not.toBe(org1)
    expect((await liGet(p.sb, "/rest/organizationAcls?q=roleAssignee&role=ANALYST", { token })).body.elements).toEqual([])

    const id = org1.split(":").pop()
    const org = await liGet(p.sb, `/rest/organizations/${id}`, { token })
    expect(org.body).toMatchObject({ id: Number(id), localizedName: expect.any(String) })
    expect((await liGet(p.sb, "/rest/organizations/123", { token })).status).toBe(404)
    expect((await liGet(p.sb, "/rest/organizationAcls?q=roleAssignee", { token, headers: { "linkedin-version": null } })).status).toBe(426)
    // The member token reads the first organization's posts like any other token of it.
    expect((await liGet(p.sb, `/rest/socialActions/${encodeURIComponent(LINKEDIN_SEED_IDS.example)}`, { token })).status).toBe(200)
  })

  it("Cancel redirects with error=user_cancelled_authorize and the state", async () => {
    const back = await decide("deny")
    expect(Object.fromEntries(back.searchParams)).toMatchObject({ error: "user_cancelled_authorize", state: "st-li" })
    expect(back.searchParams.get("code")).toBeNull()
  })

  it("refuses a wrong secret (401 invalid_client), another redirect_uri and a code older than 30 minutes", async () => {
    const code = (await decide("allow")).searchParams.get("code")!
    expect((await exchange(code, { client_secret: "nope" })).status).toBe(401)
    expect((await exchange(code, { redirect_uri: `${REDIRECT}x` })).body.error_description).toMatch(/^Unable to retrieve access token/)
    p.clock.now += 31 * 60_000
    expect((await exchange(code)).status).toBe(400)
  })
})
