import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { META_DEMO_TOKENS as T, META_SEED_IDS as IDS } from "../meta/seed"
import type { SandboxHandle } from "../server"
import { getUrl, graphBatch, graphGet, startTestSandbox } from "./meta-support"

let sb: SandboxHandle
beforeAll(async () => {
  sb = await startTestSandbox({ rateLimits: false })
})
afterAll(async () => {
  await sb.stop()
})

describe("Instagram comments paging (§1.6)", () => {
  it("caps pages at 50 even when limit asks for more, newest first, top-level only", async () => {
    const media = sb.fixtures.instagram.find((m) => m.id === IDS.instagram.manyComments)!
    expect(media.comments.length).toBe(75)
    const first = await graphGet(sb, `/v25.0/${IDS.instagram.manyComments}/comments`, { fields: "id,text,timestamp", limit: "100", since: "2020-01-01", access_token: T.page })
    expect(first.status).toBe(200)
    expect(first.body.data).toHaveLength(50)
    const replyIds = new Set(media.comments.flatMap((c) => (c.replies ?? []).map((r) => r.id)))
    expect(first.body.data.some((c: { id: string }) => replyIds.has(c.id))).toBe(false)
    const times = first.body.data.map((c: { timestamp: string }) => Date.parse(c.timestamp.replace("+0000", "Z")))
    expect([...times].sort((a, b) => b - a)).toEqual(times)

    const { cursors, next } = first.body.paging
    expect(cursors.before).toEqual(expect.any(String))
    expect(cursors.after).toEqual(expect.any(String))
    expect(next).toContain(`/v25.0/${IDS.instagram.manyComments}/comments?`)
    expect(new URL(next).searchParams.get("access_token")).toBe(T.page)

    const second = await getUrl(next)
    expect(second.body.data).toHaveLength(25)
    // Last page: no next link, so a client stops.
    expect(second.body.paging.next).toBeUndefined()
    expect(second.body.paging.previous).toEqual(expect.any(String))
    const all = [...first.body.data, ...second.body.data].map((c: { id: string }) => c.id)
    expect(new Set(all).size).toBe(75)
  })

  it("a nested comments.limit(50) expansion pages through the comments edge", async () => {
    const res = await graphGet(sb, `/v25.0/${IDS.instagram.manyComments}`, { fields: "id,comments.limit(80){id,text}", access_token: T.page })
    expect(res.body.comments.data).toHaveLength(50)
    const next = await getUrl(res.body.comments.paging.next)
    expect(next.body.data).toHaveLength(25)
    expect(Object.keys(next.body.data[0]).sort()).toEqual(["id", "text"])
  })

  it("default fields of a comment are timestamp, text, id", async () => {
    const res = await graphGet(sb, `/v25.0/${IDS.instagram.image}/comments`, { access_token: T.page })
    expect(Object.keys(res.body.data[0])).toEqual(["timestamp", "text", "id"])
    expect(res.body.paging.next).toBeUndefined()
  })

  it("a cursor stays anchored when a newer comment arrives between pages", async () => {
    const first = await graphGet(sb, `/v25.0/${IDS.instagram.manyComments}/comments`, { limit: "10", access_token: T.page })
    const media = sb.fixtures.instagram.find((m) => m.id === IDS.instagram.manyComments)!
    media.comments.push({ id: "17899999999999999", text: "late", from: { id: "1", name: "late.user" }, created_time: "2026-11-23T11:59:00Z", like_count: 0 })
    const second = await getUrl(first.body.paging.next)
    const ids = [...first.body.data, ...second.body.data].map((c: { id: string }) => c.id)
    expect(new Set(ids).size).toBe(20)
    media.comments.pop()
  })
})

describe("Facebook comments and reactions edges (§2.1)", () => {
  it("honours order and caps limit at 100", async () => {
    const first = await graphGet(sb, `/v25.0/${IDS.facebook.manyComments}/comments`, {
      order: "reverse_chronological",
      limit: "500",
      summary: "true",
      fields: "id,created_time",
      access_token: T.page,
    })
    expect(first.body.data).toHaveLength(100)
    expect(first.body.summary.total_count).toBe(130)
    const times = first.body.data.map((c: { created_time: string }) => Date.parse(c.created_time.replace("+0000", "Z")))
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    const rest = await getUrl(first.body.paging.next)
    expect(rest.body.data).toHaveLength(30)
    expect(rest.body.paging.next).toBeUndefined()

    const chrono = await graphGet(sb, `/v25.0/${IDS.facebook.manyComments}/comments`, { order: "chronological", limit: "5", fields: "id,created_time", access_token: T.page })
    const asc = chrono.body.data.map((c: { created_time: string }) => Date.parse(c.created_time.replace("+0000", "Z")))
    expect([...asc].sort((a, b) => a - b)).toEqual(asc)
  })

  it("filter=stream counts replies in total_count, toplevel does not", async () => {
    const post = sb.fixtures.facebook.find((p) => p.id === IDS.facebook.text)!
    const replies = post.comments.reduce((n, c) => n + (c.replies?.length ?? 0), 0)
    expect(replies).toBeGreaterThan(0)
    const top = await graphGet(sb, `/v25.0/${post.id}/comments`, { summary: "true", limit: "0", access_token: T.page })
    const stream = await graphGet(sb, `/v25.0/${post.id}/comments`, { summary: "true", limit: "0", filter: "stream", access_token: T.page })
    expect(top.body.summary.total_count).toBe(post.comments.length)
    expect(stream.body.summary.total_count).toBe(post.comments.length + replies)
    // limit(0): the summary only, no paging.
    expect(top.body).toEqual({ data: [], summary: expect.any(Object) })
  })

  it("reactions edge filters by type and pages", async () => {
    const post = sb.fixtures.facebook.find((p) => p.id === IDS.facebook.text)!
    const res = await graphGet(sb, `/v25.0/${post.id}/reactions`, { type: "LIKE", limit: "10", summary: "total_count", access_token: T.page })
    expect(res.body.data).toHaveLength(Math.min(10, post.reactions.LIKE ?? 0))
    expect(res.body.data.every((r: { type: string }) => r.type === "LIKE")).toBe(true)
    expect(res.body.summary).toEqual({ total_count: post.reactions.LIKE })
    expect(res.body.paging.next).toContain("type=LIKE")
  })
})

describe("Batch API (§1.8)", () => {
  it("answers every item independently with its body as a JSON string", async () => {
    const batch = [
      { method: "GET", relative_url: `${IDS.instagram.image}?fields=id,like_count` },
      { method: "GET", relative_url: `${IDS.instagram.deleted}?fields=id` },
      { method: "GET", relative_url: `v25.0/${IDS.facebook.text}/insights?metric=post_media_view` },
      { method: "GET", relative_url: `${IDS.instagram.reel}/insights?metric=impressions` },
    ]
    const res = await graphBatch(sb, "v25.0", { access_token: T.page, batch: JSON.stringify(batch) })
    expect(res.status).toBe(200)
    expect(res.body).toHaveLength(4)
    for (const item of res.body) expect(typeof item.body).toBe("string")
    expect(res.body.map((i: { code: number }) => i.code)).toEqual([200, 400, 200, 400])
    expect(JSON.parse(res.body[0].body)).toEqual({ id: IDS.instagram.image, like_count: expect.any(Number) })
    expect(JSON.parse(res.body[1].body).error).toMatchObject({ code: 100, error_subcode: 33, type: "GraphMethodException" })
    expect(JSON.parse(res.body[2].body).data[0].name).toBe("post_media_view")
    expect(JSON.parse(res.body[3].body).error.code).toBe(100)
    expect(res.body[0].headers).toEqual(expect.arrayContaining([{ name: "Content-Type", value: "text/javascript; charset=UTF-8" }]))
  })

  it("include_headers=false drops the per-item headers", async () => {
    const res = await graphBatch(sb, "v25.0", {
      access_token: T.page,
      include_headers: "false",
      batch: JSON.stringify([{ method: "GET", relative_url: `${IDS.instagram.image}` }]),
    })
    expect(res.body[0]).toEqual({ code: 200, body: JSON.stringify({ id: IDS.instagram.image }) })
  })

  it("counts one rate-limit unit per item", async () => {
    const before = sb.stats().byToken[T.page]?.units ?? 0
    const batch = Array.from({ length: 7 }, () => ({ method: "GET", relative_url: IDS.instagram.image }))
    await graphBatch(sb, "v25.0", { access_token: T.page, batch: JSON.stringify(batch) })
    expect(sb.stats().byToken[T.page].units - before).toBe(7)
  })

  it("refuses more than 50 requests", async () => {
    const batch = Array.from({ length: 51 }, () => ({ method: "GET", relative_url: IDS.instagram.image }))
    const res = await graphBatch(sb, "v25.0", { access_token: T.page, batch: JSON.stringify(batch) })
    expect(res.status).toBe(400)
    expect(res.body.error).toMatchObject({ message: "Too many requests in batch message. Maximum batch size is 50", type: "GraphBatchException" })
  })

  it("accepts exactly 50", async () => {
    const batch = Array.from({ length: 50 }, () => ({ method: "GET", relative_url: IDS.instagram.image }))
    const res = await graphBatch(sb, "v25.0", { access_token: T.page, batch: JSON.stringify(batch) })
    expect(res.status).toBe(200)
    expect(res.body).toHaveLength(50)
  })

  it("an item may carry its own token; a bad one fails only that item", async () => {
    const batch = [
      { method: "GET", relative_url: `${IDS.instagram.image}?access_token=${T.expired}` },
      { method: "GET", relative_url: `${IDS.facebook.secondPagePost}?access_token=${T.secondPage}` },
    ]
    const res = await graphBatch(sb, "v25.0", { access_token: T.page, batch: JSON.stringify(batch) })
    expect(JSON.parse(res.body[0].body).error).toMatchObject({ code: 190, error_subcode: 463 })
    expect(res.body[1].code).toBe(200)
  })

  it("an invalid top-level token fails the whole batch", async () => {
    const res = await graphBatch(sb, "v25.0", { access_token: "nope", batch: JSON.stringify([{ method: "GET", relative_url: IDS.instagram.image }]) })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe(190)
  })
})

describe("multi-ID lookup (§1.8)", () => {
  it("GET /?ids= is gone after Oct 27 2026 (code 100)", async () => {
    const res = await graphGet(sb, "/v25.0/", { ids: `${IDS.instagram.image},${IDS.instagram.reel}`, access_token: T.page })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe(100)
    expect(res.body.error.message).toContain("Batch API")
  })

  it("still answers on v25 with a clock before the removal, max 50 ids", async () => {
    const early = await startTestSandbox({ now: () => Date.UTC(2026, 5, 1), rateLimits: false })
    try {
      const ok = await graphGet(early, "/v25.0/", { ids: `${IDS.instagram.image},${IDS.facebook.text}`, fields: "id", access_token: T.page })
      expect(ok.status).toBe(200)
      expect(Object.keys(ok.body).sort()).toEqual([IDS.facebook.text, IDS.instagram.image].sort())
      const many = Array.from({ length: 54 }, (_, i) => `1790000000000${1000 + i}`).join(",")
      const tooMany = await graphGet(early, "/v25.0/", { ids: many, access_token: T.page })
      expect(tooMany.body.error.message).toBe("(#100) Too many IDs. Maximum: 50. Provided: 54.")
    } finally {
      await early.stop()
    }
  })
})
