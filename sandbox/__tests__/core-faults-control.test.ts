import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { META_DEMO_TOKENS as T, META_SEED_IDS as IDS } from "../meta/seed"
import type { SandboxHandle } from "../server"
import { control, graphGet, startTestSandbox } from "./meta-support"

let sb: SandboxHandle
beforeAll(async () => {
  sb = await startTestSandbox({ rateLimits: false })
})
afterAll(async () => {
  await sb.stop()
})
beforeEach(() => sb.reset({ fixtures: true }))

const mediaPath = `/v25.0/${IDS.instagram.image}`

describe("fault injection", () => {
  it("a 5xx burst answers the next N platform requests, then recovers", async () => {
    sb.setFaults({ status5xx: { count: 2, status: 503 } })
    const a = await graphGet(sb, mediaPath, { access_token: T.page })
    const b = await graphGet(sb, mediaPath, { access_token: T.page })
    const c = await graphGet(sb, mediaPath, { access_token: T.page })
    expect([a.status, b.status, c.status]).toEqual([503, 503, 200])
    // Graph's own transient envelope, so clients parse it like a real outage.
    expect(a.body.error).toMatchObject({ code: 2, is_transient: true })
    expect(sb.stats().faultsInjected.status5xx).toBe(2)
  })

  it("defaults to 500 with Graph code 1", async () => {
    sb.setFaults({ status5xx: { count: 1 } })
    const res = await graphGet(sb, mediaPath, { access_token: T.page })
    expect(res.status).toBe(500)
    expect(res.body.error).toMatchObject({ code: 1, message: "An unknown error has occurred." })
  })

  it("reset destroys the socket without an answer", async () => {
    sb.setFaults({ reset: { count: 1 } })
    await expect(fetch(`${sb.urls.meta}${mediaPath}?access_token=${T.page}`)).rejects.toThrow()
    const after = await graphGet(sb, mediaPath, { access_token: T.page })
    expect(after.status).toBe(200)
    expect(sb.log().map((e) => e.status)).toEqual(["reset", 200])
  })

  it("timeout hangs until the client gives up", async () => {
    sb.setFaults({ timeout: { count: 1 } })
    const started = Date.now()
    await expect(fetch(`${sb.urls.meta}${mediaPath}?access_token=${T.page}`, { signal: AbortSignal.timeout(300) })).rejects.toThrow()
    expect(Date.now() - started).toBeGreaterThanOrEqual(280)
    const after = await graphGet(sb, mediaPath, { access_token: T.page })
    expect(after.status).toBe(200)
  })

  it("malformed answers 200 with a truncated JSON body", async () => {
    sb.setFaults({ malformed: { count: 1 } })
    const res = await fetch(`${sb.urls.meta}${mediaPath}?access_token=${T.page}&fields=id,caption,comments{id,text}`)
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(text.startsWith("{")).toBe(true)
    expect(() => JSON.parse(text)).toThrow()
  })

  it("slowMs delays platform responses but not /_control", async () => {
    sb.setFaults({ slowMs: 200 })
    const t0 = Date.now()
    await graphGet(sb, mediaPath, { access_token: T.page })
    expect(Date.now() - t0).toBeGreaterThanOrEqual(190)
    const t1 = Date.now()
    await control(sb, "GET", "/stats")
    expect(Date.now() - t1).toBeLessThan(150)
  })

  it("a family restriction leaves the other families alone", async () => {
    sb.setFaults({ status5xx: { count: 1 }, family: "x" })
    const meta = await graphGet(sb, mediaPath, { access_token: T.page })
    expect(meta.status).toBe(200)
    const x = await fetch(`${sb.urls.x}/2/tweets?ids=1`, { headers: { authorization: "Bearer x-demo-token" } })
    expect(x.status).toBe(500)
    await x.text()
  })

  it("faults are settable over HTTP", async () => {
    const set = await control(sb, "POST", "/faults", { status5xx: { count: 1, status: 502 } })
    expect(set.body.faults).toEqual({ status5xx: { count: 1, status: 502 } })
    const res = await graphGet(sb, mediaPath, { access_token: T.page })
    expect(res.status).toBe(502)
  })
})

describe("latency", () => {
  it("latencyMs + jitterMs delay every platform request", async () => {
    const slow = await startTestSandbox({ latencyMs: 120, jitterMs: 30 })
    try {
      const t0 = Date.now()
      await graphGet(slow, mediaPath, { access_token: T.page })
      const took = Date.now() - t0
      expect(took).toBeGreaterThanOrEqual(115)
      expect(took).toBeLessThan(1000)
    } finally {
      await slow.stop()
    }
  })
})

describe("/_control", () => {
  it("stats count HTTP requests and rate-limit units per family and per token", async () => {
    await graphGet(sb, mediaPath, { access_token: T.page })
    await graphGet(sb, mediaPath, { access_token: T.secondPage })
    await graphGet(sb, mediaPath, { access_token: "who-knows" })
    const res = await control(sb, "GET", "/stats")
    expect(res.body.requests).toMatchObject({ total: 3, meta: 3, x: 0, linkedin: 0 })
    expect(res.body.units.meta).toBe(2)
    expect(res.body.byToken[T.page]).toEqual({ family: "meta", requests: 1, units: 1 })
    expect(res.body.byToken[T.secondPage]).toEqual({ family: "meta", requests: 1, units: 1 })
    expect(res.body.byToken["who-knows"]).toMatchObject({ requests: 1, units: 0 })
    expect(res.body.byStatus).toEqual({ "200": 1, "400": 2 })
  })

  it("the log redacts access_token", async () => {
    await graphGet(sb, mediaPath, { fields: "id", access_token: T.page })
    const res = await control(sb, "GET", "/log")
    expect(res.body.data).toHaveLength(1)
    const entry = res.body.data[0]
    expect(entry).toMatchObject({ method: "GET", family: "meta", path: mediaPath, status: 200 })
    expect(entry.query).toBe("fields=id&access_token=REDACTED")
    expect(JSON.stringify(res.body)).not.toContain(T.page)
    expect(Date.parse(entry.at)).not.toBeNaN()
  })

  it("reset clears counters, log and faults", async () => {
    await graphGet(sb, mediaPath, { access_token: T.page })
    sb.setFaults({ status5xx: { count: 5 } })
    const res = await control(sb, "POST", "/reset")
    expect(res.status).toBe(200)
    expect(sb.stats().requests.total).toBe(0)
    expect(sb.log()).toEqual([])
    expect(sb.faults()).toEqual({})
    expect((await graphGet(sb, mediaPath, { access_token: T.page })).status).toBe(200)
  })

  it("POST /fixtures upserts by id; reset?fixtures=true restores the seed", async () => {
    const media = sb.fixtures.instagram.find((m) => m.id === IDS.instagram.image)!
    const up = await control(sb, "POST", "/fixtures", {
      instagram: [{ ...media, like_count: 4242 }],
      facebook: [
        {
          id: `${IDS.pages[0]}_777`,
          page_id: IDS.pages[0],
          message: "added over HTTP",
          created_time: "2026-11-22T10:00:00Z",
          permalink_url: "https://www.facebook.com/x/posts/777",
          reactions: { LIKE: 1 },
          comments: [],
          insights: {},
        },
      ],
    })
    expect(up.status).toBe(200)
    expect(up.body.counts.instagram).toBe(sb.fixtures.instagram.length)
    expect((await graphGet(sb, mediaPath, { fields: "like_count", access_token: T.page })).body.like_count).toBe(4242)
    expect((await graphGet(sb, `/v25.0/${IDS.pages[0]}_777`, { access_token: T.page })).body.message).toBe("added over HTTP")

    await control(sb, "POST", "/reset?fixtures=true")
    expect((await graphGet(sb, mediaPath, { fields: "like_count", access_token: T.page })).body.like_count).toBe(media.like_count)
    expect((await graphGet(sb, `/v25.0/${IDS.pages[0]}_777`, { access_token: T.page })).body.error.error_subcode).toBe(33)
  })

  it("reset without fixtures=true keeps edited data", async () => {
    sb.fixtures.instagram.find((m) => m.id === IDS.instagram.image)!.deleted = true
    await control(sb, "POST", "/reset")
    expect((await graphGet(sb, mediaPath, { access_token: T.page })).body.error.error_subcode).toBe(33)
  })

  it("?replace=true replaces a collection", async () => {
    await control(sb, "POST", "/fixtures?replace=true", { instagram: [] })
    expect(sb.fixtures.instagram).toEqual([])
    expect(sb.fixtures.facebook.length).toBeGreaterThan(0)
  })

  it("rejects a body that is not a JSON object", async () => {
    const res = await fetch(`${sb.url}/_control/fixtures`, { method: "POST", body: "[1,2" })
    expect(res.status).toBe(400)
    await res.text()
  })

  it("unknown prefixes answer 404", async () => {
    const res = await fetch(`${sb.url}/nowhere`)
    expect(res.status).toBe(404)
    await res.text()
  })
})
