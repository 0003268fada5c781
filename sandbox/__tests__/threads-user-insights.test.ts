import { afterEach, describe, expect, it } from "vitest"
import { THREADS_DEMO_TOKENS as T, THREADS_SEED_IDS as IDS } from "../threads/seed"
import type { ThreadsSandboxHandle } from "../threads/server"
import { startThreadsTestSandbox, threadsGet } from "./threads-support"

let sb: ThreadsSandboxHandle | undefined
afterEach(async () => {
  await sb?.stop()
  sb = undefined
})

describe("Threads user insights (GET /{threads-user-id}/threads_insights)", () => {
  it("followers_count is the token user's current total, as total_value; /me and the user id alike", async () => {
    const s = (sb = await startThreadsTestSandbox())
    const res = await threadsGet(s, `/v1.0/${IDS.user}/threads_insights`, { metric: "followers_count" }, T.user)
    expect(res.status).toBe(200)
    expect(res.body.data).toEqual([
      expect.objectContaining({ name: "followers_count", period: "day", total_value: { value: 1_250 }, id: `${IDS.user}/insights/followers_count/day` }),
    ])
    s.sandbox.fixtures.tokens.find((t) => t.token === T.user)!.followers_count = 1_300
    expect((await threadsGet(s, "/v1.0/me/threads_insights", { metric: "followers_count" }, T.user)).body.data[0].total_value.value).toBe(1_300)
    expect((await threadsGet(s, "/v1.0/me/threads_insights", { metric: "followers_count" }, T.other)).body.data[0].total_value.value).toBe(310)
  })

  it("other metrics: engagement totals over the user's posts, views as a series, clicks as link totals", async () => {
    const s = (sb = await startThreadsTestSandbox())
    const res = await threadsGet(s, "/v1.0/me/threads_insights", { metric: "likes,views,clicks" }, T.user)
    const [likes, views, clicks] = res.body.data
    // example 120 + manyReplies 400 + quiet 2 (the deleted post and the other user's are not counted; the repost has none)
    expect(likes.total_value).toEqual({ value: 522 })
    expect(views.values).toEqual([{ value: 0, end_time: expect.stringMatching(/\+0000$/) }])
    expect(clicks.link_total_values).toEqual([])
  })

  it("refusals: no metric, an unknown metric, demographics without breakdown, someone else's id, missing scope", async () => {
    const s = (sb = await startThreadsTestSandbox())
    const noMetric = await threadsGet(s, "/v1.0/me/threads_insights", {}, T.user)
    expect(noMetric.status).toBe(400)
    expect(noMetric.body.error).toMatchObject({ code: 100 })
    const unknown = await threadsGet(s, "/v1.0/me/threads_insights", { metric: "followers" }, T.user)
    expect(unknown.status).toBe(400)
    expect(unknown.body.error.message).toContain("metric[0]")
    expect((await threadsGet(s, "/v1.0/me/threads_insights", { metric: "follower_demographics" }, T.user)).status).toBe(400)
    // Another user's insights are not an edge of this token's user.
    expect((await threadsGet(s, `/v1.0/${IDS.otherUser}/threads_insights`, { metric: "followers_count" }, T.user)).status).toBe(400)
    const basic = await threadsGet(s, "/v1.0/me/threads_insights", { metric: "followers_count" }, T.basicOnly)
    expect(basic.status).toBe(403)
    expect(basic.body.error.message).toContain("threads_manage_insights")
  })
})
