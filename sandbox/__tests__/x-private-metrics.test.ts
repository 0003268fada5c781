import { describe, expect, it } from "vitest"
import { X_DEMO_TOKENS, X_SEED_IDS } from "../x/seed"
import { usePinned, xGet } from "./x-linkedin-support"

const ID = X_SEED_IDS
const PRIVATE = "tweet.fields=public_metrics,non_public_metrics,organic_metrics"
const FIELD_ERROR_TYPE = "https://api.twitter.com/2/problems/not-authorized-for-field"

describe("X private metrics (user context, own post, ≤30 days)", () => {
  const p = usePinned(() => {
    p.sb.setOptions({ x: {} })
  })

  it("serves non_public_metrics and organic_metrics of the author's own recent post", async () => {
    const res = await xGet(p.sb, `/2/tweets/${ID.example}?${PRIVATE}`)
    expect(res.status).toBe(200)
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.non_public_metrics).toEqual({ impression_count: 3500, url_link_clicks: 41, user_profile_clicks: 27, engagements: 190 })
    expect(res.body.data.organic_metrics).toEqual({
      impression_count: 3500,
      like_count: 85,
      reply_count: 12,
      retweet_count: 20,
      url_link_clicks: 41,
      user_profile_clicks: 27,
    })
  })

  it("refuses them field by field for an app-only token, keeping public data (default mode)", async () => {
    const res = await xGet(p.sb, `/2/tweets?ids=${ID.example}&${PRIVATE}`, X_DEMO_TOKENS.app)
    expect(res.status).toBe(200)
    expect(res.body.data[0].public_metrics.like_count).toBe(85)
    expect(res.body.data[0].non_public_metrics).toBeUndefined()
    expect(res.body.data[0].organic_metrics).toBeUndefined()
    const fields = res.body.errors.map((e: { field: string }) => e.field)
    expect(fields).toEqual([
      "non_public_metrics.impression_count",
      "non_public_metrics.url_link_clicks",
      "non_public_metrics.user_profile_clicks",
      "non_public_metrics.engagements",
      "organic_metrics.impression_count",
      "organic_metrics.like_count",
      "organic_metrics.reply_count",
      "organic_metrics.retweet_count",
      "organic_metrics.url_link_clicks",
      "organic_metrics.user_profile_clicks",
    ])
    expect(res.body.errors[0]).toEqual({
      resource_type: "tweet",
      field: "non_public_metrics.impression_count",
      parameter: "ids",
      resource_id: ID.example,
      title: "Field Authorization Error",
      section: "data",
      detail: `Sorry, you are not authorized to access 'non_public_metrics.impression_count' on the Tweet with id : [${ID.example}].`,
      value: ID.example,
      type: FIELD_ERROR_TYPE,
    })
  })

  it("refuses them for another user's post and for a post older than 30 days, per id", async () => {
    const res = await xGet(p.sb, `/2/tweets?ids=${ID.example},${ID.otherUser},${ID.old}&tweet.fields=non_public_metrics`)
    expect(res.status).toBe(200)
    const byId = Object.fromEntries(res.body.data.map((t: { id: string }) => [t.id, t]))
    expect(byId[ID.example].non_public_metrics).toBeDefined()
    expect(byId[ID.otherUser].non_public_metrics).toBeUndefined()
    expect(byId[ID.old].non_public_metrics).toBeUndefined()
    const refused = new Set(res.body.errors.map((e: { resource_id: string }) => e.resource_id))
    expect([...refused].sort()).toEqual([ID.old, ID.otherUser].sort())
  })

  it("treats the 30-day limit by the sandbox clock", async () => {
    p.clock.now += 29 * 24 * 3600 * 1000
    try {
      const res = await xGet(p.sb, `/2/tweets/${ID.example}?tweet.fields=non_public_metrics`)
      expect(res.body.errors).toHaveLength(4)
      expect(res.body.data.non_public_metrics).toBeUndefined()
    } finally {
      p.clock.now -= 29 * 24 * 3600 * 1000
    }
  })

  it("refuses media playback counts to an app-only token but keeps view_count", async () => {
    const res = await xGet(
      p.sb,
      `/2/tweets/${ID.video}?expansions=attachments.media_keys&media.fields=public_metrics,non_public_metrics`,
      X_DEMO_TOKENS.app
    )
    expect(res.status).toBe(200)
    expect(res.body.includes.media[0]).toEqual({ media_key: ID.videoMediaKey, type: "video", public_metrics: { view_count: 12543 } })
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([
      "non_public_metrics.playback_0_count",
      "non_public_metrics.playback_25_count",
      "non_public_metrics.playback_50_count",
      "non_public_metrics.playback_75_count",
      "non_public_metrics.playback_100_count",
    ])
    expect(res.body.errors[0]).toMatchObject({ resource_type: "media", resource_id: ID.videoMediaKey, section: "includes", type: FIELD_ERROR_TYPE })
  })

  it('"omit" mode leaves the metrics out without errors', async () => {
    p.sb.setOptions({ x: { privateMetricsRefusal: "omit" } })
    const res = await xGet(p.sb, `/2/tweets/${ID.old}?${PRIVATE}`)
    expect(res.status).toBe(200)
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.non_public_metrics).toBeUndefined()
    expect(res.body.data.public_metrics.like_count).toBe(130)
  })

  it('"forbidden" mode fails the whole request with 403 client-forbidden', async () => {
    p.sb.setOptions({ x: { privateMetricsRefusal: "forbidden" } })
    const res = await xGet(p.sb, `/2/tweets?ids=${ID.example},${ID.old}&tweet.fields=non_public_metrics`)
    expect(res.status).toBe(403)
    expect(res.body).toMatchObject({ title: "Client Forbidden", status: 403, type: "https://api.twitter.com/2/problems/client-forbidden" })
    expect(res.body.detail).toContain(ID.old)
    expect(res.headers.get("x-rate-limit-limit")).toBe("5000")

    const publicOnly = await xGet(p.sb, `/2/tweets?ids=${ID.example},${ID.old}&tweet.fields=public_metrics`)
    expect(publicOnly.status).toBe(200)
  })
})
