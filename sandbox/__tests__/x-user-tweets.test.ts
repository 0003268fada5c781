import { describe, expect, it } from "vitest"
import type { TweetFixture } from "../types"
import { X_SEED_IDS } from "../x/seed"
import { DAY_MS, NOW, usePinned, xGet } from "./x-linkedin-support"

const USER = "2244994945"

function post(i: number, extra: Partial<TweetFixture> = {}): TweetFixture {
  return {
    id: String(1900000000000000000n + BigInt(i)),
    author_id: USER,
    text: `post ${i}`,
    created_at: new Date(NOW - DAY_MS - i * 60_000).toISOString(),
    public_metrics: { retweet_count: 0, reply_count: 0, like_count: i, quote_count: 0, bookmark_count: 0, impression_count: 10 },
    replies: [],
    ...extra,
  }
}

describe("X GET /2/users/:id/tweets", () => {
  const p = usePinned((pinned) => pinned.sb.reset({ fixtures: true }))
  const seedAuthor = () => p.sb.fixtures.tweets.find((t) => t.id === X_SEED_IDS.example)!.author_id

  it("lists the user's posts newest first, max_results per page, next_token until the end; each returned post is a billed read", async () => {
    const author = seedAuthor()
    const own = p.sb.fixtures.tweets.filter((t) => t.author_id === author && !t.deleted)
    const before = p.sb.stats().units.x
    const first = await xGet(p.sb, `/2/users/${author}/tweets?max_results=5&tweet.fields=created_at`)
    expect(first.status).toBe(200)
    expect(first.body.data).toHaveLength(Math.min(5, own.length))
    const times = first.body.data.map((t: { created_at: string }) => Date.parse(t.created_at))
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    expect(first.body.meta.result_count).toBe(first.body.data.length)
    expect(p.sb.stats().units.x - before).toBe(first.body.data.length)
    const seen: string[] = first.body.data.map((t: { id: string }) => t.id)
    let token = first.body.meta.next_token
    while (token) {
      const next = await xGet(p.sb, `/2/users/${author}/tweets?max_results=5&pagination_token=${token}`)
      seen.push(...next.body.data.map((t: { id: string }) => t.id))
      token = next.body.meta.next_token
    }
    expect(new Set(seen)).toEqual(new Set(own.map((t) => t.id)))
    expect(seen).not.toContain(X_SEED_IDS.deleted)
  })

  it("exclude=replies,retweets leaves out the user's replies and reposts, keeps quotes", async () => {
    p.sb.addFixtures({
      tweets: [post(1), post(2, { referenced_tweets: [{ type: "replied_to", id: "1" }] }), post(3, { referenced_tweets: [{ type: "retweeted", id: "2" }] }), post(4, { referenced_tweets: [{ type: "quoted", id: "3" }] })],
    })
    const all = await xGet(p.sb, `/2/users/${USER}/tweets?max_results=100`)
    expect(all.body.data).toHaveLength(4)
    const own = await xGet(p.sb, `/2/users/${USER}/tweets?max_results=100&exclude=replies,retweets`)
    expect(own.body.data.map((t: { text: string }) => t.text)).toEqual(["post 1", "post 4"])
  })

  it("max_results outside 5–100, an unknown exclude value or a bad pagination_token answer X's 400", async () => {
    expect((await xGet(p.sb, `/2/users/${USER}/tweets?max_results=101`)).status).toBe(400)
    expect((await xGet(p.sb, `/2/users/${USER}/tweets?max_results=4`)).status).toBe(400)
    expect((await xGet(p.sb, `/2/users/${USER}/tweets?exclude=quotes`)).body.errors[0].message).toMatch(/exclude/)
    expect((await xGet(p.sb, `/2/users/${USER}/tweets?pagination_token=nope`)).status).toBe(400)
  })

  it("since_id / until_id (exclusive ids) and start_time (inclusive) / end_time (exclusive) bound the timeline; only returned posts are billed", async () => {
    // Snowflake-like: the higher i, the newer the post and the higher its id; a minute apart.
    const snow = (i: number) => post(0, { id: String(1950000000000000000n + BigInt(i)), text: `snow ${i}`, created_at: new Date(NOW - DAY_MS + i * 60_000).toISOString() })
    const ids = (body: { data?: { id: string }[] }) => (body.data ?? []).map((t) => t.id)
    const of = (...is: number[]) => is.map((i) => snow(i).id)
    p.sb.addFixtures({ tweets: [1, 2, 3, 4].map(snow) })
    const before = p.sb.stats().units.x
    const newer = await xGet(p.sb, `/2/users/${USER}/tweets?max_results=5&since_id=${snow(2).id}`)
    expect(ids(newer.body)).toEqual(of(4, 3))
    expect(p.sb.stats().units.x - before).toBe(2)
    // Nothing newer: 200, no data, nothing billed.
    const none = await xGet(p.sb, `/2/users/${USER}/tweets?max_results=5&since_id=${snow(4).id}`)
    expect(none.status).toBe(200)
    expect(none.body).toEqual({ meta: { result_count: 0 } })
    expect(p.sb.stats().units.x - before).toBe(2)
    expect(ids((await xGet(p.sb, `/2/users/${USER}/tweets?max_results=5&until_id=${snow(3).id}`)).body)).toEqual(of(2, 1))
    // start_time at a post's second keeps it; end_time at it leaves it out.
    const at = (i: number) => snow(i).created_at.replace(".000Z", "Z")
    expect(ids((await xGet(p.sb, `/2/users/${USER}/tweets?max_results=5&start_time=${at(3)}`)).body)).toEqual(of(4, 3))
    expect(ids((await xGet(p.sb, `/2/users/${USER}/tweets?max_results=5&end_time=${at(3)}`)).body)).toEqual(of(2, 1))
    // Paging keeps the bounds: the cursor walks the bounded timeline.
    p.sb.addFixtures({ tweets: [10, 11, 12, 13, 14, 15, 16, 17].map(snow) })
    const first = await xGet(p.sb, `/2/users/${USER}/tweets?max_results=5&since_id=${snow(3).id}`)
    const second = await xGet(p.sb, `/2/users/${USER}/tweets?max_results=5&since_id=${snow(3).id}&pagination_token=${first.body.meta.next_token}`)
    expect([...ids(first.body), ...ids(second.body)]).toEqual(of(17, 16, 15, 14, 13, 12, 11, 10, 4))
    expect(second.body.meta.next_token).toBeUndefined()
  })

  it("a malformed since_id or start_time answers X's 400 naming the parameter", async () => {
    expect((await xGet(p.sb, `/2/users/${USER}/tweets?since_id=abc`)).body.errors[0].message).toMatch(/since_id/)
    const bad = await xGet(p.sb, `/2/users/${USER}/tweets?start_time=yesterday`)
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].message).toMatch(/start_time/)
  })

  it("a user without posts answers 200 with result_count 0 and no data; no token: 401", async () => {
    const res = await xGet(p.sb, `/2/users/1234/tweets`)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ meta: { result_count: 0 } })
    expect((await xGet(p.sb, `/2/users/${USER}/tweets`, null)).status).toBe(401)
  })
})
