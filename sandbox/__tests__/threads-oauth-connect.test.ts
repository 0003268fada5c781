import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { SANDBOX_OAUTH_APPS } from "../core/consent-page"
import { THREADS_SEED_IDS } from "../threads/seed"
import type { ThreadsSandboxHandle } from "../threads/server"
import { startThreadsTestSandbox, THREADS_FIXED_NOW, threadsGet } from "./threads-support"

const APP = SANDBOX_OAUTH_APPS.threads
const REDIRECT = "http://localhost:9000/admin/social-platforms/connect/threads/callback"

describe("sandbox: Threads authorize, code exchange, th_exchange_token, /me", () => {
  let sb: ThreadsSandboxHandle
  beforeAll(async () => {
    sb = await startThreadsTestSandbox()
  })
  afterAll(() => sb.stop())

  async function decide(choice: "allow" | "deny"): Promise<URL> {
    const q = new URLSearchParams({ client_id: APP.clientId, redirect_uri: REDIRECT, scope: "threads_basic,threads_manage_insights", response_type: "code", state: "st-th" })
    const page = await fetch(`${sb.apiUrl}/oauth/authorize?${q}`)
    if (page.status !== 200) throw new Error(await page.text())
    const href = new RegExp(`id="${choice}"[^>]*href="([^"]+)"`).exec(await page.text())![1].replace(/&#38;/g, "&")
    const res = await fetch(href, { redirect: "manual" })
    return new URL(res.headers.get("location")!)
  }
  const exchange = async (code: string, extra: Record<string, string> = {}) => {
    const body = new URLSearchParams({ client_id: APP.clientId, client_secret: APP.clientSecret, code, grant_type: "authorization_code", redirect_uri: REDIRECT, ...extra })
    const res = await fetch(`${sb.apiUrl}/oauth/access_token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body })
    return { status: res.status, body: (await res.json()) as any }
  }

  it("Allow → code (with the #_ Threads appends) → 1 h token and user_id, once → 60-day token from th_exchange_token → /me", async () => {
    const back = await decide("allow")
    expect(back.hash).toBe("#_")
    expect(back.searchParams.get("state")).toBe("st-th")
    const code = back.searchParams.get("code")!
    const short = await exchange(code)
    expect(short.status).toBe(200)
    expect(short.body).toEqual({ access_token: expect.stringMatching(/^THQVJ/), user_id: Number(THREADS_SEED_IDS.user) })
    expect((await exchange(code)).body.error.code).toBe(100)
    expect(sb.sandbox.fixtures.tokens.find((t) => t.token === short.body.access_token)!.expires_at).toBe(THREADS_FIXED_NOW + 3600_000)

    const long = await threadsGet(sb, "/access_token", { grant_type: "th_exchange_token", client_secret: APP.clientSecret, access_token: short.body.access_token })
    expect(long.body).toEqual({ access_token: expect.stringMatching(/^THQVJ/), token_type: "bearer", expires_in: 60 * 86_400 })
    // Only a short-lived token from a code can be exchanged, and only with the app secret.
    expect((await threadsGet(sb, "/access_token", { grant_type: "th_exchange_token", client_secret: APP.clientSecret, access_token: long.body.access_token })).body.error.code).toBe(190)
    expect((await threadsGet(sb, "/access_token", { grant_type: "th_exchange_token", client_secret: "nope", access_token: short.body.access_token })).body.error.code).toBe(1)

    const me = await threadsGet(sb, "/v1.0/me", { fields: "id,username,name" }, long.body.access_token)
    expect(me.status).toBe(200)
    expect(me.body).toMatchObject({ id: THREADS_SEED_IDS.user, username: expect.any(String) })
  })

  it("Deny redirects Meta-style (error=access_denied, error_reason=user_denied) with the state; a wrong secret or redirect_uri is refused", async () => {
    const back = await decide("deny")
    expect(Object.fromEntries(back.searchParams)).toMatchObject({ error: "access_denied", error_reason: "user_denied", state: "st-th" })
    const code = (await decide("allow")).searchParams.get("code")!
    expect((await exchange(code, { client_secret: "nope" })).body.error.code).toBe(1)
    expect((await exchange(code, { redirect_uri: `${REDIRECT}x` })).body.error.code).toBe(100)
    expect((await exchange(code)).status).toBe(200)
  })
})
