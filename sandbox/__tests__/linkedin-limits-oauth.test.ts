import { describe, expect, it } from "vitest"
import { LINKEDIN_DEMO_TOKENS, LINKEDIN_SEED_IDS } from "../linkedin/seed"
import { DAY_MS, enc, formPost, liGet, NOW, usePinned } from "./x-linkedin-support"

const ID = LINKEDIN_SEED_IDS
const ACTIONS = `/rest/socialActions/${enc(ID.example)}`
const METADATA = `/rest/socialMetadata/${enc(ID.example)}`

describe("LinkedIn daily quotas and POST /oauth/v2/accessToken", () => {
  const p = usePinned(() => {
    p.sb.setOptions({ linkedin: {}, rateLimits: true, issuedTokenTtlSeconds: undefined })
    p.sb.reset()
    p.clock.now = NOW
  })

  it("answers the bare APPLICATION DAY 429 once the app's daily quota of a resource is spent, until midnight UTC", async () => {
    p.sb.setOptions({ linkedin: { dailyAppLimit: 2 } })
    expect((await liGet(p.sb, ACTIONS)).status).toBe(200)
    expect((await liGet(p.sb, ACTIONS, { token: "linkedin-second-token" })).status).toBe(200)
    const over = await liGet(p.sb, ACTIONS)
    expect(over.status).toBe(429)
    expect(over.body).toEqual({ message: "Resource level throttle APPLICATION DAY limit for calls to this resource is reached.", status: 429 })
    expect([...over.headers.keys()].filter((k) => k.includes("rate") || k === "retry-after")).toEqual([])

    // Quotas are per resource.
    expect((await liGet(p.sb, METADATA)).status).toBe(200)

    // Still the same UTC day one minute before midnight, a new one after it.
    p.clock.now = Date.UTC(2026, 7, 24, 23, 59, 0)
    expect((await liGet(p.sb, ACTIONS)).status).toBe(429)
    p.clock.now = Date.UTC(2026, 7, 25, 0, 0, 1)
    expect((await liGet(p.sb, ACTIONS)).status).toBe(200)
  })

  it("has a per-member quota next to the app's", async () => {
    p.sb.setOptions({ linkedin: { dailyMemberLimit: 1 } })
    expect((await liGet(p.sb, ACTIONS)).status).toBe(200)
    const over = await liGet(p.sb, ACTIONS)
    expect(over.status).toBe(429)
    expect(over.body).toEqual({ message: "Resource level throttle MEMBER DAY limit for calls to this resource is reached.", status: 429 })
    expect((await liGet(p.sb, ACTIONS, { token: LINKEDIN_DEMO_TOKENS.noAdmin })).status).toBe(200)
  })

  it("applies the Development tier's documented 100 calls per member per day", async () => {
    p.sb.setOptions({ linkedin: { tier: "development" } })
    for (let i = 0; i < 100; i++) expect((await liGet(p.sb, METADATA)).status).toBe(200)
    expect((await liGet(p.sb, METADATA)).status).toBe(429)
  })

  it("counts one unit per call in the stats and refuses nothing with rateLimits: false", async () => {
    p.sb.setOptions({ rateLimits: false, linkedin: { dailyAppLimit: 1 } })
    for (let i = 0; i < 3; i++) expect((await liGet(p.sb, ACTIONS)).status).toBe(200)
    expect(p.sb.stats().units.linkedin).toBe(3)
    expect(p.sb.stats().byToken[LINKEDIN_DEMO_TOKENS.member]).toMatchObject({ requests: 3, units: 3 })
  })

  it("refreshes: new 60-day access token, same refresh token with its remaining lifetime", async () => {
    const url = `${p.sb.urls.linkedin}/oauth/v2/accessToken`
    const form = { grant_type: "refresh_token", refresh_token: LINKEDIN_DEMO_TOKENS.refresh, client_id: "cid", client_secret: "secret" }
    const res = await formPost(url, form)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ expires_in: 5_184_000, refresh_token: LINKEDIN_DEMO_TOKENS.refresh, refresh_token_expires_in: 300 * 24 * 3600 })
    expect(typeof res.body.scope).toBe("string")
    expect((await liGet(p.sb, ACTIONS, { token: res.body.access_token })).status).toBe(200)

    // LinkedIn does not rotate: the same refresh token works again.
    p.clock.now += DAY_MS
    const again = await formPost(url, form)
    expect(again.status).toBe(200)
    expect(again.body.refresh_token_expires_in).toBe(299 * 24 * 3600)

    p.clock.now += 60 * DAY_MS
    const expired = await liGet(p.sb, ACTIONS, { token: res.body.access_token })
    expect(expired.status).toBe(401)
    expect(expired.body.code).toBe("EXPIRED_ACCESS_TOKEN")
  })

  it("rotates the refresh token when asked, and honours issuedTokenTtlSeconds", async () => {
    p.sb.setOptions({ linkedin: { rotateRefreshTokens: true }, issuedTokenTtlSeconds: 3600 })
    const url = `${p.sb.urls.linkedin}/oauth/v2/accessToken`
    const holder = p.sb.fixtures.tokens.find((t) => t.family === "linkedin" && t.refresh_token)
    const form = { grant_type: "refresh_token", refresh_token: holder?.refresh_token ?? "", client_id: "cid", client_secret: "secret" }
    const res = await formPost(url, form)
    expect(res.status).toBe(200)
    expect(res.body.expires_in).toBe(3600)
    expect(res.body.refresh_token).not.toBe(form.refresh_token)
    expect((await formPost(url, form)).status).toBe(400)
  })

  it("answers 400 invalid_request for a bad refresh token or missing client credentials", async () => {
    const url = `${p.sb.urls.linkedin}/oauth/v2/accessToken`
    const bad = await formPost(url, { grant_type: "refresh_token", refresh_token: "nope", client_id: "cid", client_secret: "secret" })
    expect(bad.status).toBe(400)
    expect(bad.body).toEqual({ error: "invalid_request", error_description: expect.any(String) })
    const noSecret = await formPost(url, { grant_type: "refresh_token", refresh_token: "nope", client_id: "cid" })
    expect(noSecret.status).toBe(400)
    expect(noSecret.body.error_description).toContain("client_secret")
  })
})
