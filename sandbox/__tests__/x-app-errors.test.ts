import { describe, expect, it } from "vitest"
import { X_SEED_IDS } from "../x/seed"
import { NOW, usePinned, xGet } from "./x-linkedin-support"

const ID = X_SEED_IDS

describe("X: app-level refusals, header-less throttles, minimal partial errors, full-archive search", () => {
  const p = usePinned(() => {
    p.sb.setOptions({ x: {}, rateLimits: true })
    p.sb.reset()
    p.clock.now = NOW
  })

  it("clientNotEnrolled answers the captured 403 client-forbidden / client-not-enrolled to every call", async () => {
    p.sb.setOptions({ x: { clientNotEnrolled: true } })
    for (const path of [`/2/tweets?ids=${ID.example}`, `/2/tweets/search/recent?query=conversation_id:${ID.example}`]) {
      const res = await xGet(p.sb, path)
      expect(res.status).toBe(403)
      expect(res.body).toMatchObject({ title: "Client Forbidden", reason: "client-not-enrolled", type: "https://api.twitter.com/2/problems/client-forbidden" })
      expect(res.body.detail).toMatch(/attached to a Project/)
    }
  })

  it("omitRateLimitHeaders sends the 429 without any x-rate-limit-* header", async () => {
    p.sb.setOptions({ x: { rateLimits: { tweetsLookup: { user: 0 } }, omitRateLimitHeaders: true } })
    const res = await xGet(p.sb, `/2/tweets?ids=${ID.example}`)
    expect(res.status).toBe(429)
    expect([...res.headers.keys()].filter((k) => k.startsWith("x-rate-limit") || k === "retry-after")).toEqual([])
  })

  it("a spent usage cap answers 429 UsageCapExceeded while the 15-minute headers still show room", async () => {
    p.sb.setOptions({ x: { usageCapExceeded: true } })
    const res = await xGet(p.sb, `/2/tweets?ids=${ID.example}`)
    expect(res.status).toBe(429)
    expect(res.body.title).toBe("UsageCapExceeded")
    expect(Number(res.headers.get("x-rate-limit-remaining"))).toBeGreaterThan(0)
  })

  it("partialErrorShape minimal: not-found entries carry only title and detail", async () => {
    p.sb.setOptions({ x: { partialErrorShape: "minimal" } })
    const res = await xGet(p.sb, `/2/tweets?ids=${ID.example},${ID.deleted}`)
    expect(res.status).toBe(200)
    expect(res.body.errors).toEqual([{ title: "Not Found Error", detail: `Could not find tweet with ids: [${ID.deleted}].` }])
  })

  it("search/all sees replies older than 7 days that search/recent does not", async () => {
    const q = `?query=conversation_id:${ID.old}&tweet.fields=created_at`
    expect((await xGet(p.sb, `/2/tweets/search/recent${q}`)).body.meta.result_count).toBe(0)
    const all = await xGet(p.sb, `/2/tweets/search/all${q}`)
    expect(all.status).toBe(200)
    expect(all.body.data).toHaveLength(4)
  })
})
