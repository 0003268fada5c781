import { afterEach, describe, expect, it } from "vitest"
import { THREADS_DEMO_TOKENS as T, THREADS_SEED_IDS as IDS } from "../threads/seed"
import type { ThreadsSandboxHandle } from "../threads/server"
import type { ThreadsSandboxOptions } from "../threads/types"
import { THREADS_FIXED_NOW, getUrl, startThreadsTestSandbox, threadsGet } from "./threads-support"

let sb: ThreadsSandboxHandle | undefined
afterEach(async () => {
  await sb?.stop()
  sb = undefined
})
const start = async (options: ThreadsSandboxOptions = {}) => (sb = await startThreadsTestSandbox(options))
const FIELDS = "id,text,username,timestamp,has_replies"

describe("Threads replies: paging and order", () => {
  it("top-level replies newest first in pages of 25 with cursors and next links, to the end", async () => {
    const s = await start()
    const seen: string[] = []
    let page = await threadsGet(s, `/v1.0/${IDS.manyReplies}/replies`, { fields: FIELDS }, T.user)
    let pages = 1
    seen.push(...page.body.data.map((r: any) => r.id))
    expect(page.body.data).toHaveLength(25)
    expect(page.body.paging.cursors.after).toBeTruthy()
    while (page.body.paging.next) {
      expect(page.body.paging.next).not.toContain("access_token")
      page = await getUrl(page.body.paging.next, T.user)
      seen.push(...page.body.data.map((r: any) => r.id))
      pages++
    }
    expect(pages).toBe(3)
    expect(new Set(seen).size).toBe(60)
    expect(seen[0]).toBe("180600000000000001")
    expect(page.body.data[0].has_replies).toBe(false)
  })

  it("reverse=false reads oldest first; /conversation adds the nested replies", async () => {
    const s = await start()
    const oldest = await threadsGet(s, `/v1.0/${IDS.manyReplies}/replies`, { fields: FIELDS, reverse: "false", limit: "1" }, T.user)
    expect(oldest.body.data[0].id).toBe("180600000000000060")
    const conversation = await threadsGet(s, `/v1.0/${IDS.manyReplies}/conversation`, { fields: "id,replied_to", limit: "100" }, T.user)
    expect(conversation.body.data).toHaveLength(63)
    expect(conversation.body.data.filter((r: any) => r.replied_to.id !== IDS.manyReplies)).toHaveLength(3)
  })

  it("cursors-only paging: no next link, the after cursor still walks on and an empty page ends it", async () => {
    const s = await start({ pagingLinks: "cursors-only" })
    const first = await threadsGet(s, `/v1.0/${IDS.example}/replies`, { fields: FIELDS, limit: "10" }, T.user)
    expect(first.body.paging.next).toBeUndefined()
    const second = await threadsGet(s, `/v1.0/${IDS.example}/replies`, { fields: FIELDS, limit: "10", after: first.body.paging.cursors.after }, T.user)
    expect(second.body.data).toHaveLength(4)
    const third = await threadsGet(s, `/v1.0/${IDS.example}/replies`, { fields: FIELDS, limit: "10", after: second.body.paging.cursors.after }, T.user)
    expect(third.body).toEqual({ data: [], paging: {} })
  })

  it("before and after together, or a cursor it never gave, answer 100", async () => {
    const s = await start()
    expect((await threadsGet(s, `/v1.0/${IDS.example}/replies`, { after: "x", before: "y" }, T.user)).body.error).toMatchObject({ code: 100 })
    expect((await threadsGet(s, `/v1.0/${IDS.example}/replies`, { after: "bm9wZQ==" }, T.user)).body.error).toMatchObject({ code: 100 })
  })
})

describe("Threads rate limits, server errors and token refresh", () => {
  it("over the pair's daily calls: code 4 at HTTP 400; other tokens keep going", async () => {
    const s = await start({ callsPerDay: 2, appUsageHeader: true })
    const one = await threadsGet(s, `/v1.0/me`, {}, T.user)
    expect(JSON.parse(one.headers.get("x-app-usage") ?? "{}")).toEqual({ call_count: 50, total_cputime: 50, total_time: 50 })
    await threadsGet(s, `/v1.0/me`, {}, T.user)
    const refused = await threadsGet(s, `/v1.0/me`, {}, T.user)
    expect(refused.status).toBe(400)
    expect(refused.body.error).toMatchObject({ code: 4, message: "(#4) Application request limit reached" })
    expect((await threadsGet(s, `/v1.0/me`, {}, T.other)).status).toBe(200)
  })

  it("a forced throttle answers the chosen code (613 custom limit)", async () => {
    const s = await start({ throttle: 613 })
    expect((await threadsGet(s, `/v1.0/me`, {}, T.user)).body.error).toMatchObject({ code: 613 })
  })

  it("armed server errors answer 500 with Graph's transient code 1, then normal again", async () => {
    const s = await start({ serverErrors: 1 })
    const failed = await threadsGet(s, `/v1.0/me`, {}, T.user)
    expect(failed.status).toBe(500)
    expect(failed.body.error).toMatchObject({ code: 1, is_transient: true })
    expect((await threadsGet(s, `/v1.0/me`, {}, T.user)).status).toBe(200)
  })

  it("th_refresh_token: a token at least 24 h old gets a new 60-day one that reads the same account", async () => {
    const s = await start()
    const res = await threadsGet(s, `/refresh_access_token`, { grant_type: "th_refresh_token", access_token: T.expiring })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ token_type: "bearer", expires_in: 5_184_000 })
    expect(res.body.access_token).not.toBe(T.expiring)
    expect((await threadsGet(s, `/v1.0/me`, {}, res.body.access_token)).body).toEqual({ id: IDS.user })
    const stored = s.sandbox.fixtures.tokens.find((t) => t.token === res.body.access_token)
    expect(stored?.expires_at).toBe(THREADS_FIXED_NOW + 5_184_000_000)
  })

  it("th_refresh_token refuses expired, revoked, too young tokens and other grant types", async () => {
    const s = await start()
    const refresh = (token: string, grant = "th_refresh_token") => threadsGet(s, `/refresh_access_token`, { grant_type: grant, access_token: token })
    expect((await refresh(T.expired)).body.error).toMatchObject({ code: 190, error_subcode: 463 })
    expect((await refresh(T.revoked)).body.error).toMatchObject({ code: 190, error_subcode: 467 })
    const young = await refresh(T.fresh)
    expect(young.status).toBe(400)
    expect(young.body.error.message).toContain("24 hours")
    expect((await refresh(T.user, "refresh_token")).body.error).toMatchObject({ code: 100 })
  })
})
