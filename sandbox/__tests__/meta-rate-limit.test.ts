import { afterEach, describe, expect, it } from "vitest"
import { META_DEMO_TOKENS as T, META_SEED_IDS as IDS } from "../meta/seed"
import type { SandboxHandle } from "../server"
import type { SandboxOptions } from "../types"
import { FIXED_NOW, graphBatch, graphGet, startTestSandbox } from "./meta-support"

let sb: SandboxHandle | undefined
afterEach(async () => {
  await sb?.stop()
  sb = undefined
})

async function start(options: SandboxOptions): Promise<SandboxHandle> {
  sb = await startTestSandbox(options)
  return sb
}

function appUsage(headers: Headers): { call_count: number; total_time: number; total_cputime: number } {
  return JSON.parse(headers.get("x-app-usage") ?? "null")
}

function bucUsage(headers: Headers): Record<string, { type: string; call_count: number; total_time: number; total_cputime: number; estimated_time_to_regain_access: number }[]> {
  return JSON.parse(headers.get("x-business-use-case-usage") ?? "null")
}

describe("Meta usage headers (§3.1)", () => {
  it("X-App-Usage percentages grow per call; X-Business-Use-Case-Usage is keyed by the business object", async () => {
    const s = await start({ meta: { callsPerHour: 10, bucCallsPerDay: 4 } })
    const first = await graphGet(s, `/v25.0/${IDS.facebook.text}`, { access_token: T.page })
    expect(appUsage(first.headers)).toEqual({ call_count: 10, total_time: 5, total_cputime: 3 })
    expect(bucUsage(first.headers)).toEqual({
      [IDS.pages[0]]: [{ type: "pages", call_count: 25, total_cputime: 8, total_time: 12, estimated_time_to_regain_access: 0 }],
    })
    const ig = await graphGet(s, `/v25.0/${IDS.instagram.image}`, { access_token: T.page })
    expect(appUsage(ig.headers).call_count).toBe(20)
    expect(bucUsage(ig.headers)[IDS.instagramUsers[0]][0]).toMatchObject({ type: "instagram", call_count: 25 })
  })

  it("error responses carry the headers too", async () => {
    const s = await start({})
    const res = await graphGet(s, `/v25.0/${IDS.instagram.deleted}`, { access_token: T.page })
    expect(res.status).toBe(400)
    expect(appUsage(res.headers).call_count).toBeGreaterThanOrEqual(0)
    expect(res.headers.get("x-business-use-case-usage")).toContain(IDS.instagramUsers[0])
  })
})

describe("Meta throttling (§3.2)", () => {
  it("a Page object over its BUC budget answers 80001 with the documented message", async () => {
    const s = await start({ meta: { bucCallsPerDay: 2 } })
    await graphGet(s, `/v25.0/${IDS.facebook.text}`, { access_token: T.page })
    await graphGet(s, `/v25.0/${IDS.facebook.video}`, { access_token: T.page })
    const res = await graphGet(s, `/v25.0/${IDS.facebook.text}`, { access_token: T.page })
    expect(res.status).toBe(400)
    expect(res.body.error).toMatchObject({
      message:
        "(#80001) There have been too many calls to this Page account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.",
      type: "OAuthException",
      code: 80001,
    })
    const buc = bucUsage(res.headers)[IDS.pages[0]][0]
    expect(buc.call_count).toBe(100)
    expect(buc.estimated_time_to_regain_access).toBeGreaterThan(0)
    expect(buc.estimated_time_to_regain_access).toBeLessThanOrEqual(24 * 60)
    // Another Page has its own budget.
    const other = await graphGet(s, `/v25.0/${IDS.facebook.secondPagePost}`, { access_token: T.secondPage })
    expect(other.status).toBe(200)
  })

  it("an Instagram account over budget answers 80002", async () => {
    const s = await start({ meta: { bucCallsPerDay: 1 } })
    await graphGet(s, `/v25.0/${IDS.instagram.image}`, { access_token: T.page })
    const res = await graphGet(s, `/v25.0/${IDS.instagram.reel}/insights`, { metric: "reach", access_token: T.page })
    expect(res.body.error.code).toBe(80002)
    expect(res.body.error.message).toContain("too many calls to this Instagram account")
    expect(bucUsage(res.headers)[IDS.instagramUsers[0]][0].type).toBe("instagram")
  })

  it.each([
    [32, "(#32) Page request limit reached"],
    [4, "(#4) Application request limit reached"],
    [17, "(#17) User request limit reached"],
    [613, "(#613) Calls to this api have exceeded the rate limit."],
  ] as const)("pageThrottleCode %i answers its own message", async (code, message) => {
    const s = await start({ meta: { callsPerHour: 1, pageThrottleCode: code } })
    await graphGet(s, `/v25.0/${IDS.facebook.text}`, { access_token: T.page })
    const res = await graphGet(s, `/v25.0/${IDS.facebook.text}`, { access_token: T.page })
    expect(res.body.error).toMatchObject({ code, message })
    expect(appUsage(res.headers).call_count).toBe(100)
  })

  it("the per-token hourly budget rolls: an hour later the token works again", async () => {
    let now = FIXED_NOW
    const s = await start({ now: () => now, meta: { callsPerHour: 2 } })
    await graphGet(s, `/v25.0/${IDS.facebook.text}`, { access_token: T.page })
    await graphGet(s, `/v25.0/${IDS.facebook.text}`, { access_token: T.page })
    const blocked = await graphGet(s, `/v25.0/${IDS.facebook.text}`, { access_token: T.page })
    expect(blocked.body.error.code).toBe(80001)
    expect(bucUsage(blocked.headers)[IDS.pages[0]][0].estimated_time_to_regain_access).toBe(60)
    // Another token is not affected by this token's platform budget.
    const otherToken = await graphGet(s, `/v25.0/${IDS.facebook.text}`, { access_token: T.readOnly })
    expect(otherToken.status).toBe(200)
    now += 61 * 60_000
    const again = await graphGet(s, `/v25.0/${IDS.facebook.text}`, { access_token: T.page })
    expect(again.status).toBe(200)
  })

  it("each batch item is one unit: items past the budget fail on their own", async () => {
    const s = await start({ meta: { callsPerHour: 3 } })
    const batch = Array.from({ length: 5 }, () => ({ method: "GET", relative_url: IDS.facebook.text }))
    const res = await graphBatch(s, "v25.0", { access_token: T.page, batch: JSON.stringify(batch) })
    expect(res.status).toBe(200)
    expect(res.body.map((i: { code: number }) => i.code)).toEqual([200, 200, 200, 400, 400])
    expect(JSON.parse(res.body[4].body).error.code).toBe(80001)
    expect(s.stats().units.meta).toBe(5)
    expect(appUsage(res.headers).call_count).toBe(100)
  })

  it("rateLimits: false never throttles, reports 0 % usage, but still counts units", async () => {
    const s = await start({ rateLimits: false, meta: { callsPerHour: 1, bucCallsPerDay: 1 } })
    for (let i = 0; i < 4; i++) {
      const res = await graphGet(s, `/v25.0/${IDS.facebook.text}`, { access_token: T.page })
      expect(res.status).toBe(200)
      expect(appUsage(res.headers).call_count).toBe(0)
    }
    expect(s.stats().byToken[T.page]).toMatchObject({ family: "meta", requests: 4, units: 4 })
  })
})
