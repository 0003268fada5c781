import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { META_DEMO_TOKENS as T, META_SEED_IDS as IDS } from "../meta/seed"
import type { SandboxHandle } from "../server"
import { graphGet, startTestSandbox } from "./meta-support"

let sb: SandboxHandle
beforeAll(async () => {
  sb = await startTestSandbox({ rateLimits: false })
})
afterAll(async () => {
  await sb.stop()
})

const ALLOWED =
  "impressions, reach, replies, saved, likes, comments, shares, total_interactions, follows, profile_visits, profile_activity, navigation, ig_reels_video_view_total_time, ig_reels_avg_watch_time, views, reels_skip_rate, reposts, facebook_views, crossposted_views, total_views, total_likes, total_comments, link_clicks"

async function igInsights(id: string, metric: string, version = "v25.0") {
  return graphGet(sb, `/${version}/${id}/insights`, { metric, access_token: T.page })
}

const names = (body: { data: { name: string }[] }): string[] => body.data.map((d) => d.name)

describe("Instagram insights per media_product_type (§1.2)", () => {
  it("FEED accepts its full metric set", async () => {
    const res = await igInsights(IDS.instagram.image, "views,reach,total_interactions,likes,comments,saved,shares,reposts,follows,profile_visits,profile_activity")
    expect(res.status).toBe(200)
    expect(names(res.body)).toEqual(["views", "reach", "total_interactions", "likes", "comments", "saved", "shares", "reposts", "follows", "profile_visits", "profile_activity"])
  })

  it("CAROUSEL_ALBUM (feed) accepts the feed set", async () => {
    const res = await igInsights(IDS.instagram.carousel, "reach,views,saved,total_interactions")
    expect(res.status).toBe(200)
  })

  it("REELS accepts the reels set", async () => {
    const res = await igInsights(IDS.instagram.reel, "views,reach,likes,comments,saved,shares,total_interactions,reposts,ig_reels_avg_watch_time,ig_reels_video_view_total_time,reels_skip_rate")
    expect(res.status).toBe(200)
    expect(res.body.data).toHaveLength(11)
  })

  it("STORY accepts the story set", async () => {
    const res = await igInsights(IDS.instagram.story, "views,reach,shares,total_interactions,follows,profile_visits,replies,navigation")
    expect(res.status).toBe(200)
    expect(names(res.body)).toContain("navigation")
  })

  it.each([
    ["FEED", IDS.instagram.image, "reach,ig_reels_avg_watch_time", "ig_reels_avg_watch_time"],
    ["REELS", IDS.instagram.reel, "reach,follows", "follows"],
    ["REELS", IDS.instagram.reel, "reach,profile_visits", "profile_visits"],
    ["STORY", IDS.instagram.story, "reach,likes", "likes"],
    ["STORY", IDS.instagram.story, "reach,saved", "saved"],
  ])("%s: a metric of another product type fails the whole request", async (_type, id, metric, bad) => {
    const res = await igInsights(id, metric)
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe(100)
    expect(res.body.error.message).toContain(bad)
    expect(res.body).not.toHaveProperty("data")
  })

  it("answers the §1.5 shape with a breakdown in lower case", async () => {
    const res = await graphGet(sb, `/v25.0/${IDS.instagram.image}/insights`, { metric: "profile_activity", breakdown: "action_type", access_token: T.page })
    expect(res.status).toBe(200)
    const entry = res.body.data[0]
    const media = sb.fixtures.instagram.find((m) => m.id === IDS.instagram.image)!
    expect(entry).toMatchObject({ name: "profile_activity", period: "lifetime", values: [{ value: media.insights.profile_activity }], title: "Profile activity", id: `${IDS.instagram.image}/insights/profile_activity/lifetime` })
    const breakdown = entry.total_value.breakdowns[0]
    expect(breakdown.dimension_keys).toEqual(["action_type"])
    const sum = breakdown.results.reduce((n: number, r: { value: number }) => n + r.value, 0)
    expect(sum).toBe(media.insights.profile_activity)
    for (const r of breakdown.results) expect(r.dimension_values[0]).toBe(r.dimension_values[0].toLowerCase())
  })

  it("a breakdown on a metric without one is an unknown error", async () => {
    const res = await graphGet(sb, `/v25.0/${IDS.instagram.image}/insights`, { metric: "reach", breakdown: "action_type", access_token: T.page })
    expect(res.body.error).toMatchObject({ code: 1, message: "An unknown error has occurred." })
  })

  it("a metric with no data is left out (empty data set instead of 0)", async () => {
    sb.addFixtures({
      instagram: [
        {
          id: "17900000000009001",
          owner_id: IDS.instagramUsers[0],
          media_type: "IMAGE",
          media_product_type: "FEED",
          permalink: "https://www.instagram.com/p/NODATA/",
          caption: "fresh",
          timestamp: "2026-11-23T10:00:00Z",
          like_count: 3,
          comments: [],
          insights: { reach: 40 },
        },
      ],
    })
    const res = await igInsights("17900000000009001", "reach,saved,likes")
    expect(res.status).toBe(200)
    expect(names(res.body)).toEqual(["reach", "likes"])
  })
})

describe("retired Instagram metrics (§1.3, §1.4)", () => {
  it.each(["engagement", "video_views", "plays", "clips_replays_count", "ig_reels_aggregated_all_plays_count", "carousel_album_engagement", "taps_forward", "nonsense"])(
    "%s fails the whole request with the metric[i] list",
    async (metric) => {
      const res = await igInsights(IDS.instagram.image, `reach,views,${metric}`)
      expect(res.status).toBe(400)
      expect(res.body.error).toMatchObject({ code: 100, message: `(#100) metric[2] must be one of the following values: ${ALLOWED}` })
    }
  )

  it("impressions on media created after Jul 1 2024: the v22 message", async () => {
    const res = await igInsights(IDS.instagram.image, "impressions,reach")
    expect(res.body.error).toMatchObject({ code: 100, message: "(#100) Starting from version v22.0 and above, the impressions metric is no longer supported for the queried media" })
  })

  it.each([IDS.instagram.reel, IDS.instagram.feedVideo])("impressions on a VIDEO/REELS media (%s): the product-type message", async (id) => {
    const res = await igInsights(id, "reach,impressions")
    expect(res.body.error).toMatchObject({ code: 100, message: "(#100) The Media Insights API does not support the impressions metric for this media product type." })
  })

  it("impressions on media from before Jul 2 2024 still answers on v21.0, not on v22.0+", async () => {
    const old = await igInsights(IDS.instagram.legacyImage, "impressions,reach", "v21.0")
    expect(old.status).toBe(200)
    expect(names(old.body)).toEqual(["impressions", "reach"])
    const newer = await igInsights(IDS.instagram.legacyImage, "impressions", "v22.0")
    expect(newer.body.error.message).toContain("Starting from version v22.0")
  })

  it("a retired metric inside insights.metric(...) fails the whole object read", async () => {
    const res = await graphGet(sb, `/v25.0/${IDS.instagram.reel}`, { fields: "id,like_count,insights.metric(reach,plays)", access_token: T.page })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe(100)
    expect(res.body.error.message).toContain("metric[1] must be one of the following values")
    expect(res.body).not.toHaveProperty("id")
  })

  it("a story seen by fewer than 5 accounts: (#10) Not enough viewers", async () => {
    const res = await igInsights(IDS.instagram.storyFewViewers, "reach,views")
    expect(res.status).toBe(400)
    expect(res.body.error).toMatchObject({ code: 10, message: "(#10) Not enough viewers for the media to show insights" })
  })

  it("no metric at all is refused", async () => {
    const res = await graphGet(sb, `/v25.0/${IDS.instagram.image}/insights`, { access_token: T.page })
    expect(res.body.error.code).toBe(100)
  })
})

describe("Facebook post insights (§2.2)", () => {
  beforeEach(() => sb.setOptions({ meta: {} }))

  const fbInsights = (id: string, metric: string) => graphGet(sb, `/v25.0/${id}/insights`, { metric, access_token: T.page })

  it("accepts every metric the v25 probe accepted", async () => {
    const list = [
      "post_media_view",
      "post_total_media_view_unique",
      "post_clicks",
      "post_clicks_by_type",
      "post_activity_by_action_type",
      "post_activity_by_action_type_unique",
      "post_reactions_like_total",
      "post_reactions_love_total",
      "post_reactions_wow_total",
      "post_reactions_haha_total",
      "post_reactions_sorry_total",
      "post_reactions_anger_total",
      "post_reactions_by_type_total",
      "post_video_views",
    ]
    const res = await fbInsights(IDS.facebook.video, list.join(","))
    expect(res.status).toBe(200)
    expect(names(res.body)).toEqual(list)
    const post = sb.fixtures.facebook.find((p) => p.id === IDS.facebook.video)!
    const byName = Object.fromEntries(res.body.data.map((d: { name: string; values: { value: unknown }[] }) => [d.name, d.values[0].value]))
    expect(byName.post_video_views).toBe(post.insights.post_video_views)
    expect(byName.post_reactions_like_total).toBe(post.reactions.LIKE)
    expect(res.body.data[0]).toEqual({
      name: "post_media_view",
      period: "lifetime",
      values: [{ value: post.insights.post_media_view }],
      title: "Lifetime Post media views",
      description: expect.any(String),
      id: `${IDS.facebook.video}/insights/post_media_view/lifetime`,
    })
  })

  it.each(["post_impressions", "post_impressions_unique", "post_impressions_organic", "post_impressions_paid", "post_engaged_users", "post_video_views_unique", "page_impressions", "post_made_up"])(
    "%s fails the whole request",
    async (metric) => {
      const res = await fbInsights(IDS.facebook.text, `post_media_view,${metric}`)
      expect(res.status).toBe(400)
      expect(res.body.error).toMatchObject({ code: 100, type: "OAuthException", message: "(#100) The value must be a valid insights metric" })
    }
  )

  it("the removed metric also fails the whole object read when expanded", async () => {
    const res = await graphGet(sb, `/v25.0/${IDS.facebook.text}`, { fields: "id,message,insights.metric(post_media_view,post_impressions)", access_token: T.page })
    expect(res.status).toBe(400)
    expect(res.body.error.message).toBe("(#100) The value must be a valid insights metric")
  })

  it("post_impressions_unique is accepted only with the pre-v26 switch", async () => {
    sb.setOptions({ meta: { acceptPostImpressionsUnique: true } })
    const res = await fbInsights(IDS.facebook.text, "post_impressions_unique")
    expect(res.status).toBe(200)
    expect(res.body.data[0].values[0].value).toBe(sb.fixtures.facebook.find((p) => p.id === IDS.facebook.text)!.insights.post_total_media_view_unique)
    // The switch does not bring back the non-unique metric removed in Nov 2025.
    const removed = await fbInsights(IDS.facebook.text, "post_impressions")
    expect(removed.status).toBe(400)
  })

  it("video metrics on a non-video post answer 0", async () => {
    const res = await fbInsights(IDS.facebook.photoNoShares, "post_video_views")
    expect(res.body.data[0].values[0].value).toBe(0)
  })

  it("the /insights/{metric} path form works like ?metric=", async () => {
    const res = await graphGet(sb, `/v25.0/${IDS.facebook.text}/insights/post_clicks`, { access_token: T.page })
    expect(names(res.body)).toEqual(["post_clicks"])
  })
})
