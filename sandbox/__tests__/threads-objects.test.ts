import { afterEach, describe, expect, it } from "vitest"
import { THREADS_DEMO_TOKENS as T, THREADS_SEED_IDS as IDS } from "../threads/seed"
import type { ThreadsSandboxHandle } from "../threads/server"
import type { ThreadsSandboxOptions } from "../threads/types"
import { startThreadsTestSandbox, threadsGet } from "./threads-support"

let sb: ThreadsSandboxHandle | undefined
afterEach(async () => {
  await sb?.stop()
  sb = undefined
})
const start = async (options: ThreadsSandboxOptions = {}) => (sb = await startThreadsTestSandbox(options))

describe("Threads media, insights and account (graph.threads.net)", () => {
  it("media fields as asked; only id without fields; unknown field is Graph's 100", async () => {
    const s = await start()
    const media = await threadsGet(s, `/v1.0/${IDS.example}`, { fields: "id,permalink,text,timestamp,media_type,shortcode,has_replies" }, T.user)
    expect(media.status).toBe(200)
    expect(media.body).toMatchObject({ id: IDS.example, media_type: "TEXT_POST", has_replies: true })
    expect(media.body.permalink).toMatch(/^https:\/\/www\.threads\.net\/@sandbox_coffee\/post\//)
    expect(media.body.timestamp).toMatch(/\+0000$/)
    expect((await threadsGet(s, `/v1.0/${IDS.example}`, {}, T.user)).body).toEqual({ id: IDS.example })
    const bad = await threadsGet(s, `/v1.0/${IDS.example}`, { fields: "id,like_count" }, T.user)
    expect(bad.status).toBe(400)
    expect(bad.body.error).toMatchObject({ code: 100, type: "OAuthException" })
    expect(bad.body.error.message).toContain("like_count")
  })

  it("insights: lifetime values per metric; REPOST_FACADE answers []; 'in development' metrics can be left out", async () => {
    const s = await start()
    const metric = "views,likes,replies,reposts,quotes,shares"
    const res = await threadsGet(s, `/v1.0/${IDS.example}/insights`, { metric }, T.user)
    expect(res.status).toBe(200)
    const values = Object.fromEntries(res.body.data.map((m: any) => [m.name, m.values[0].value]))
    expect(values).toEqual({ views: 2000, likes: 120, replies: 14, reposts: 6, quotes: 3, shares: 2 })
    expect(res.body.data[0]).toMatchObject({ period: "lifetime", id: `${IDS.example}/insights/views/lifetime` })
    expect((await threadsGet(s, `/v1.0/${IDS.repost}/insights`, { metric }, T.user)).body).toEqual({ data: [] })
    s.sandbox.setOptions({ omitMetrics: ["views", "shares"] })
    const partial = await threadsGet(s, `/v1.0/${IDS.example}/insights`, { metric }, T.user)
    expect(partial.body.data.map((m: any) => m.name)).toEqual(["likes", "replies", "reposts", "quotes"])
  })

  it("insights: a metric Threads does not know is refused with 100", async () => {
    const s = await start()
    const res = await threadsGet(s, `/v1.0/${IDS.example}/insights`, { metric: "views,impressions" }, T.user)
    expect(res.status).toBe(400)
    expect(res.body.error).toMatchObject({ code: 100 })
    expect(res.body.error.message).toContain("metric[1]")
  })

  it("deleted, someone else's and unknown posts are indistinguishable: 100/33", async () => {
    const s = await start()
    for (const id of [IDS.deleted, IDS.otherUsersPost, IDS.unknown]) {
      const res = await threadsGet(s, `/v1.0/${id}`, { fields: "id" }, T.user)
      expect(res.status).toBe(400)
      expect(res.body.error).toMatchObject({ code: 100, error_subcode: 33, type: "GraphMethodException" })
    }
    expect((await threadsGet(s, `/v1.0/${IDS.otherUsersPost}`, { fields: "id" }, T.other)).status).toBe(200)
  })

  it("scopes: insights need threads_manage_insights, replies threads_read_replies (code 10 naming it)", async () => {
    const s = await start()
    expect((await threadsGet(s, `/v1.0/${IDS.example}`, { fields: "id" }, T.basicOnly)).status).toBe(200)
    const insights = await threadsGet(s, `/v1.0/${IDS.example}/insights`, { metric: "likes" }, T.basicOnly)
    expect(insights.status).toBe(403)
    expect(insights.body.error).toMatchObject({ code: 10 })
    expect(insights.body.error.message).toContain("threads_manage_insights")
    const replies = await threadsGet(s, `/v1.0/${IDS.example}/replies`, {}, T.basicOnly)
    expect(replies.body.error.message).toContain("threads_read_replies")
  })

  it("tokens: expired 190/463, revoked 190/467, unknown 190, none 104; the query form works too", async () => {
    const s = await start()
    const expired = await threadsGet(s, `/v1.0/me`, {}, T.expired)
    expect(expired.status).toBe(400)
    expect(expired.body.error).toMatchObject({ code: 190, error_subcode: 463 })
    expect(expired.body.error.message).toMatch(/Session has expired/)
    expect((await threadsGet(s, `/v1.0/me`, {}, T.revoked)).body.error).toMatchObject({ code: 190, error_subcode: 467 })
    expect((await threadsGet(s, `/v1.0/me`, {}, "nope")).body.error).toMatchObject({ code: 190 })
    expect((await threadsGet(s, `/v1.0/me`)).body.error).toMatchObject({ code: 104 })
    expect((await threadsGet(s, `/v1.0/me`, { access_token: T.user })).body).toEqual({ id: IDS.user })
  })

  it("/me and /me/threads: newest first, since/until, cursor paging; the log redacts query tokens", async () => {
    const s = await start()
    const me = await threadsGet(s, `/v1.0/me`, { fields: "id,username,name,threads_profile_picture_url,threads_biography" }, T.user)
    expect(me.body).toMatchObject({ id: IDS.user, username: "sandbox_coffee" })
    const first = await threadsGet(s, `/v1.0/me/threads`, { fields: "id,timestamp", limit: "2" }, T.user)
    expect(first.body.data).toHaveLength(2)
    const times = first.body.data.map((m: any) => Date.parse(m.timestamp.replace("+0000", "Z")))
    expect(times[0]).toBeGreaterThanOrEqual(times[1])
    expect(first.body.paging.next).toContain("after=")
    const all = await threadsGet(s, `/v1.0/me/threads`, { limit: "100" }, T.user)
    expect(all.body.data.map((m: any) => m.id)).not.toContain(IDS.deleted)
    expect(all.body.data.map((m: any) => m.id)).not.toContain(IDS.otherUsersPost)
    const recent = await threadsGet(s, `/v1.0/me/threads`, { since: String(Math.floor(Date.UTC(2026, 10, 21, 0, 0) / 1000)) }, T.user)
    expect(recent.body.data.length).toBeLessThan(all.body.data.length)
    expect((await threadsGet(s, `/v1.0/me/threads`, { since: "1000" }, T.user)).body.error).toMatchObject({ code: 100 })
    await threadsGet(s, `/v1.0/me`, { access_token: T.user })
    expect(s.sandbox.log().at(-1)).toMatchObject({ tokenIn: "query" })
    expect(JSON.stringify(s.sandbox.log())).not.toContain(T.user)
  })

  it("unknown versions and paths answer Graph errors", async () => {
    const s = await start()
    expect((await threadsGet(s, `/v9.0/me`, {}, T.user)).body.error).toMatchObject({ code: 12 })
    expect((await threadsGet(s, `/v1.0/${IDS.example}/comments`, {}, T.user)).body.error).toMatchObject({ code: 2500 })
  })
})
