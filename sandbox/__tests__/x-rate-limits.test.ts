import { describe, expect, it } from "vitest"
import { X_DEMO_TOKENS, X_SEED_IDS } from "../x/seed"
import { NOW, usePinned, xGet } from "./x-linkedin-support"

const ID = X_SEED_IDS
const SEARCH = `/2/tweets/search/recent?query=conversation_id:${ID.example}`

function limits(res: { headers: Headers }): { limit: number; remaining: number; reset: number } {
  return {
    limit: Number(res.headers.get("x-rate-limit-limit")),
    remaining: Number(res.headers.get("x-rate-limit-remaining")),
    reset: Number(res.headers.get("x-rate-limit-reset")),
  }
}

describe("X rate limits (15-minute windows per token and endpoint) and usage cap", () => {
  const p = usePinned(() => {
    p.sb.setOptions({ x: {}, rateLimits: true })
    p.sb.reset()
    p.clock.now = NOW
  })

  it("sends the §4.3 limits for user and app tokens, with a reset in epoch seconds", async () => {
    const cases: [string, string, number][] = [
      [`/2/tweets?ids=${ID.example}`, X_DEMO_TOKENS.user, 5000],
      [`/2/tweets?ids=${ID.example}`, X_DEMO_TOKENS.app, 3500],
      [`/2/tweets/${ID.example}`, X_DEMO_TOKENS.user, 900],
      [`/2/tweets/${ID.example}`, X_DEMO_TOKENS.app, 450],
      [SEARCH, X_DEMO_TOKENS.user, 300],
      [SEARCH, X_DEMO_TOKENS.app, 450],
    ]
    for (const [path, token, limit] of cases) {
      const res = await xGet(p.sb, path, token)
      expect(res.status).toBe(200)
      expect(limits(res)).toEqual({ limit, remaining: limit - 1, reset: Math.ceil((NOW + 15 * 60_000) / 1000) })
    }
  })

  it("sends the headers on error answers too (400, partial errors)", async () => {
    const res = await xGet(p.sb, "/2/tweets?ids=")
    expect(res.status).toBe(400)
    expect(limits(res).remaining).toBe(4999)
  })

  it("answers 429 with the v2 problem body once a window is spent, then recovers at reset", async () => {
    p.sb.setOptions({ x: { rateLimits: { tweetById: { user: 3 } } } })
    const path = `/2/tweets/${ID.example}`
    for (let i = 0; i < 3; i++) expect((await xGet(p.sb, path)).status).toBe(200)
    const over = await xGet(p.sb, path)
    expect(over.status).toBe(429)
    expect(over.body).toEqual({ title: "Too Many Requests", detail: "Too Many Requests", type: "about:blank", status: 429 })
    expect(limits(over)).toMatchObject({ limit: 3, remaining: 0 })

    // Other endpoints and other tokens have their own windows.
    expect((await xGet(p.sb, `/2/tweets?ids=${ID.example}`)).status).toBe(200)
    expect((await xGet(p.sb, path, "x-second-token")).status).toBe(200)

    p.clock.now = limits(over).reset * 1000
    const after = await xGet(p.sb, path)
    expect(after.status).toBe(200)
    expect(limits(after).remaining).toBe(2)
  })

  it("can answer with the v1.1 code-88 body of the docs", async () => {
    p.sb.setOptions({ x: { rateLimitBody: "v1.1", rateLimits: { searchRecent: { user: 1 } } } })
    await xGet(p.sb, SEARCH)
    const over = await xGet(p.sb, SEARCH)
    expect(over.status).toBe(429)
    expect(over.body).toEqual({ errors: [{ code: 88, message: "Rate limit exceeded" }] })
  })

  it("does not refuse anything with rateLimits: false", async () => {
    p.sb.setOptions({ rateLimits: false, x: { rateLimits: { tweetById: { user: 1 } } } })
    for (let i = 0; i < 3; i++) expect((await xGet(p.sb, `/2/tweets/${ID.example}`)).status).toBe(200)
  })

  it("answers UsageCapExceeded once the monthly post-read cap is spent", async () => {
    p.sb.setOptions({ x: { monthlyPostReadCap: 3 } })
    expect((await xGet(p.sb, `/2/tweets?ids=${ID.example},${ID.photo}`)).status).toBe(200)
    expect((await xGet(p.sb, `/2/tweets/${ID.video}`)).status).toBe(200)
    const capped = await xGet(p.sb, `/2/tweets/${ID.video}`)
    expect(capped.status).toBe(429)
    expect(capped.body).toEqual({
      title: "UsageCapExceeded",
      detail: "Usage cap exceeded: Monthly product cap",
      type: "https://api.twitter.com/2/problems/usage-capped",
      period: "Monthly",
      scope: "Product",
    })
    // A new UTC month starts a new budget.
    p.clock.now = Date.UTC(2026, 8, 1, 0, 0, 1)
    expect((await xGet(p.sb, `/2/tweets/${ID.video}`)).status).toBe(200)
  })

  it("can force the usage-capped state", async () => {
    p.sb.setOptions({ x: { usageCapExceeded: true } })
    const res = await xGet(p.sb, SEARCH)
    expect(res.status).toBe(429)
    expect(res.body.title).toBe("UsageCapExceeded")
  })
})
