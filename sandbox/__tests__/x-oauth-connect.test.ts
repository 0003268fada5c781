import { createHash } from "node:crypto"
import { describe, expect, it } from "vitest"
import { SANDBOX_OAUTH_APPS } from "../core/consent-page"
import { X_DEMO_TOKENS, X_SEED_IDS } from "../x/seed"
import { formPost, usePinned, xGet } from "./x-linkedin-support"

const APP = SANDBOX_OAUTH_APPS.x
const REDIRECT = "http://localhost:9000/admin/social-platforms/connect/x/callback"
const VERIFIER = "a-verifier-of-at-least-forty-three-characters-long-0123456789"
const CHALLENGE = createHash("sha256").update(VERIFIER).digest("base64url")
const BASIC = { authorization: `Basic ${Buffer.from(`${APP.clientId}:${APP.clientSecret}`).toString("base64")}` }

describe("sandbox: X OAuth 2.0 authorization code with PKCE, /2/users/me", () => {
  const p = usePinned((pinned) => pinned.sb.reset({ fixtures: true }))

  const authorizeQuery = (extra: Record<string, string> = {}) =>
    new URLSearchParams({ response_type: "code", client_id: APP.clientId, redirect_uri: REDIRECT, scope: "tweet.read users.read offline.access", state: "st-x", code_challenge: CHALLENGE, code_challenge_method: "S256", ...extra })

  async function decide(choice: "allow" | "deny"): Promise<URL> {
    const page = await fetch(`${p.sb.urls.x}/i/oauth2/authorize?${authorizeQuery()}`)
    expect(page.status).toBe(200)
    const href = new RegExp(`id="${choice}"[^>]*href="([^"]+)"`).exec(await page.text())![1].replace(/&#38;/g, "&")
    const res = await fetch(href, { redirect: "manual" })
    expect(res.status).toBe(302)
    return new URL(res.headers.get("location")!)
  }
  const token = (form: Record<string, string>, headers: Record<string, string> = BASIC) => formPost(`${p.sb.urls.x}/2/oauth2/token`, form, headers)
  const exchange = (code: string, extra: Record<string, string> = {}) =>
    token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: VERIFIER, client_id: APP.clientId, ...extra })

  it("Allow → code; the code with the right verifier gives a 2 h token and a rotating refresh token, once; /2/users/me names the user", async () => {
    const back = await decide("allow")
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT)
    expect(back.searchParams.get("state")).toBe("st-x")
    const code = back.searchParams.get("code")!
    const first = await exchange(code)
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ token_type: "bearer", expires_in: 7200, scope: "tweet.read users.read offline.access", refresh_token: expect.stringMatching(/^x-rt-/) })
    expect((await exchange(code)).body).toEqual({ error: "invalid_request", error_description: "Value passed for the authorization code was invalid." })

    const me = await xGet(p.sb, "/2/users/me", first.body.access_token)
    expect(me.status).toBe(200)
    expect(me.body.data).toMatchObject({ id: p.sb.fixtures.tokens.find((t) => t.token === X_DEMO_TOKENS.user)!.account_id, username: expect.any(String) })
    const read = await xGet(p.sb, `/2/tweets/${X_SEED_IDS.example}`, first.body.access_token)
    expect(read.status).toBe(200)
    // The refresh token it gave rotates like any other.
    const refreshed = await token({ grant_type: "refresh_token", refresh_token: first.body.refresh_token, client_id: APP.clientId })
    expect(refreshed.status).toBe(200)
    expect((await token({ grant_type: "refresh_token", refresh_token: first.body.refresh_token, client_id: APP.clientId })).status).toBe(400)
  })

  it("refuses a verifier that does not hash to the challenge, and a missing one; the code stays usable until it succeeds", async () => {
    const code = (await decide("allow")).searchParams.get("code")!
    expect((await exchange(code, { code_verifier: `${VERIFIER}x` })).body).toEqual({ error: "invalid_request", error_description: "Value passed for the code_verifier was invalid." })
    expect((await exchange(code, { code_verifier: "" })).body.error_description).toBe("Missing required parameter [code_verifier].")
    expect((await exchange(code)).status).toBe(200)
  })

  it("refuses a wrong client secret, another redirect_uri, and a code older than 30 s", async () => {
    const code2 = (await decide("allow")).searchParams.get("code")!
    const bad = await token({ grant_type: "authorization_code", code: code2, redirect_uri: REDIRECT, code_verifier: VERIFIER }, { authorization: `Basic ${Buffer.from(`${APP.clientId}:nope`).toString("base64")}` })
    expect(bad.status).toBe(401)
    expect(bad.body.error).toBe("unauthorized_client")
    expect((await exchange(code2, { redirect_uri: `${REDIRECT}x` })).status).toBe(400)
    p.clock.now += 31_000
    expect((await exchange(code2)).body.error_description).toBe("Value passed for the authorization code was invalid.")
  })

  it("Deny redirects with error=access_denied and the state; the authorize page wants a PKCE challenge and the app's client id", async () => {
    const back = await decide("deny")
    expect(Object.fromEntries(back.searchParams)).toEqual({ error: "access_denied", state: "st-x" })
    expect((await fetch(`${p.sb.urls.x}/i/oauth2/authorize?${authorizeQuery({ code_challenge: "" })}`)).status).toBe(400)
    expect((await fetch(`${p.sb.urls.x}/i/oauth2/authorize?${authorizeQuery({ client_id: "other" })}`)).status).toBe(400)
  })

  it("/2/users/me: 401 without a valid token, 403 for an app-only Bearer", async () => {
    expect((await xGet(p.sb, "/2/users/me", "nope")).status).toBe(401)
    const app = await xGet(p.sb, "/2/users/me", X_DEMO_TOKENS.app)
    expect(app.status).toBe(403)
    expect(app.body.title).toBe("Unsupported Authentication")
  })
})
