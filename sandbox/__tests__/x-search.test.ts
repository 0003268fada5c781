import { describe, expect, it } from "vitest"
import { X_DEMO_TOKENS, X_SEED_IDS } from "../x/seed"
import { DAY_MS, usePinned, xGet } from "./x-linkedin-support"

const ID = X_SEED_IDS
const search = (conversation: string, extra = ""): string =>
  `/2/tweets/search/recent?query=conversation_id:${conversation}&tweet.fields=created_at,public_metrics,author_id,conversation_id${extra}`

describe("X GET /2/tweets/search/recent (replies of a conversation)", () => {
  const p = usePinned()

  it("pages 130 recent replies as 100 + 30 with next_token, newest first, skipping replies over 7 days old", async () => {
    const first = await xGet(p.sb, search(ID.manyReplies, "&max_results=100&expansions=author_id"))
    expect(first.status).toBe(200)
    expect(first.body.data).toHaveLength(100)
    expect(first.body.meta).toMatchObject({ result_count: 100, newest_id: first.body.data[0].id, oldest_id: first.body.data[99].id })
    expect(typeof first.body.meta.next_token).toBe("string")
    const times = first.body.data.map((t: { created_at: string }) => Date.parse(t.created_at))
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    for (const t of first.body.data) expect(t).toMatchObject({ conversation_id: ID.manyReplies, author_id: expect.any(String), public_metrics: expect.any(Object) })

    const users = first.body.includes.users
    expect(users.length).toBeGreaterThan(0)
    for (const u of users) expect(Object.keys(u).sort()).toEqual(["id", "name", "username"])
    const authorIds = new Set(first.body.data.map((t: { author_id: string }) => t.author_id))
    expect(new Set(users.map((u: { id: string }) => u.id))).toEqual(authorIds)

    const second = await xGet(p.sb, search(ID.manyReplies, `&max_results=100&next_token=${first.body.meta.next_token}`))
    expect(second.status).toBe(200)
    expect(second.body.meta.result_count).toBe(30)
    expect(second.body.meta.next_token).toBeUndefined()
    const all = [...first.body.data, ...second.body.data]
    expect(new Set(all.map((t: { id: string }) => t.id)).size).toBe(130)
    for (const t of all) expect(Date.parse(t.created_at)).toBeGreaterThanOrEqual(p.clock.now - 7 * DAY_MS)
  })

  it("defaults to 10 per page and validates max_results 10..100", async () => {
    const page = await xGet(p.sb, search(ID.example))
    expect(page.body.meta.result_count).toBe(10)
    expect(page.body.meta.next_token).toBeDefined()
    for (const bad of ["5", "101", "ten"]) {
      const res = await xGet(p.sb, search(ID.example, `&max_results=${bad}`))
      expect(res.status).toBe(400)
      expect(res.body.type).toBe("https://api.twitter.com/2/problems/invalid-request")
      expect(res.body.errors[0].parameters).toEqual({ max_results: [bad] })
    }
  })

  it("returns nothing for a conversation whose replies are all older than 7 days", async () => {
    const res = await xGet(p.sb, search(ID.old, "&max_results=100"))
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ meta: { result_count: 0 } })
  })

  it("shows replies that age past 7 days disappearing as the clock moves", async () => {
    const before = await xGet(p.sb, search(ID.example, "&max_results=100"))
    expect(before.body.meta.result_count).toBe(12)
    p.clock.now += 6.5 * DAY_MS
    try {
      const after = await xGet(p.sb, search(ID.example, "&max_results=100"))
      expect(after.body.meta.result_count).toBe(6)
    } finally {
      p.clock.now -= 6.5 * DAY_MS
    }
  })

  it("supports since_id for incremental reads", async () => {
    const all = await xGet(p.sb, search(ID.example, "&max_results=100"))
    const pivot = all.body.data[3].id
    const newer = await xGet(p.sb, search(ID.example, `&max_results=100&since_id=${pivot}`))
    expect(newer.body.data.map((t: { id: string }) => t.id)).toEqual(all.body.data.slice(0, 3).map((t: { id: string }) => t.id))
  })

  it("rejects queries other than conversation_id and bad next_tokens", async () => {
    const other = await xGet(p.sb, "/2/tweets/search/recent?query=from:someone")
    expect(other.status).toBe(400)
    const missing = await xGet(p.sb, "/2/tweets/search/recent")
    expect(missing.status).toBe(400)
    expect(missing.body.errors[0].message).toBe("The `query` query parameter can not be empty")
    const badToken = await xGet(p.sb, search(ID.example, "&next_token=garbage"))
    expect(badToken.status).toBe(400)
  })

  it("bills every returned reply as a post read and refuses private metrics of others' replies", async () => {
    p.sb.reset()
    const path = `/2/tweets/search/recent?query=conversation_id:${ID.manyReplies}&max_results=10&tweet.fields=public_metrics,non_public_metrics`
    const res = await xGet(p.sb, path, X_DEMO_TOKENS.user)
    expect(res.status).toBe(200)
    expect(res.body.data[0].non_public_metrics).toBeUndefined()
    expect(res.body.errors.length).toBe(40)
    expect(p.sb.stats().units.x).toBe(10)
  })
})
