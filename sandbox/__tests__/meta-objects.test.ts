import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { META_DEMO_TOKENS as T, META_SEED_IDS as IDS } from "../meta/seed"
import type { SandboxHandle } from "../server"
import { FIXED_NOW, graphGet, startTestSandbox } from "./meta-support"

let sb: SandboxHandle
beforeAll(async () => {
  sb = await startTestSandbox()
})
afterAll(async () => {
  await sb.stop()
})

const IG_FIELDS =
  "id,media_type,media_product_type,permalink,caption,timestamp,like_count,comments_count," +
  "insights.metric(reach,views,likes,comments,saved,shares,total_interactions)," +
  "comments.limit(50){id,text,username,timestamp,like_count,replies{id,text,username,timestamp}}"

const FB_FIELDS =
  "id,message,created_time,permalink_url,shares," +
  "reactions.summary(total_count).limit(0)," +
  ["LIKE", "LOVE", "WOW", "HAHA", "SAD", "ANGRY", "CARE"].map((t) => `reactions.type(${t}).limit(0).summary(total_count).as(reactions_${t.toLowerCase()})`).join(",") +
  ",comments.order(reverse_chronological).limit(100).summary(true){id,message,created_time,like_count,comment_count,from}," +
  "insights.metric(post_media_view,post_total_media_view_unique,post_clicks,post_reactions_by_type_total,post_video_views)"

describe("Instagram media object reads (§1.1, §1.7)", () => {
  it("expands insights and comments with replies in one call", async () => {
    const res = await graphGet(sb, `/v25.0/${IDS.instagram.image}`, { fields: IG_FIELDS, access_token: T.page })
    expect(res.status).toBe(200)
    const media = sb.fixtures.instagram.find((m) => m.id === IDS.instagram.image)!
    expect(res.body.id).toBe(IDS.instagram.image)
    expect(res.body.media_type).toBe("IMAGE")
    expect(res.body.media_product_type).toBe("FEED")
    expect(res.body.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/)
    expect(res.body.like_count).toBe(media.like_count)
    // comments_count includes replies.
    const withReplies = media.comments.reduce((n, c) => n + 1 + (c.replies?.length ?? 0), 0)
    expect(res.body.comments_count).toBe(withReplies)
    expect(res.body.comments_count).toBeGreaterThan(media.comments.length)

    const insights = res.body.insights.data
    expect(insights.map((d: { name: string }) => d.name)).toEqual(["reach", "views", "likes", "comments", "saved", "shares", "total_interactions"])
    expect(insights[0]).toEqual({
      name: "reach",
      period: "lifetime",
      values: [{ value: media.insights.reach }],
      title: "Accounts reached",
      description: expect.any(String),
      id: `${IDS.instagram.image}/insights/reach/lifetime`,
    })

    const comments = res.body.comments.data
    expect(comments).toHaveLength(media.comments.length)
    const withReply = comments.find((c: { replies?: { data: unknown[] } }) => c.replies && c.replies.data.length > 0)
    expect(withReply.replies.data[0]).toEqual({ id: expect.any(String), text: expect.any(String), username: expect.any(String), timestamp: expect.stringMatching(/\+0000$/) })
    expect(Object.keys(comments[0]).sort()).toEqual(["id", "like_count", "replies", "text", "timestamp", "username"])
  })

  it("returns only id when no fields are asked for", async () => {
    const res = await graphGet(sb, `/v25.0/${IDS.instagram.reel}`, { access_token: T.page })
    expect(res.body).toEqual({ id: IDS.instagram.reel })
  })

  it("omits like_count when the owner hides likes, keeps the rest", async () => {
    const res = await graphGet(sb, `/v25.0/${IDS.instagram.hiddenLikes}`, { fields: "id,like_count,comments_count,insights.metric(likes)", access_token: T.page })
    expect(res.status).toBe(200)
    expect(res.body).not.toHaveProperty("like_count")
    expect(res.body.comments_count).toBeGreaterThan(0)
    expect(res.body.insights.data[0].name).toBe("likes")
  })

  it("rejects an unknown field with the nonexisting-field error", async () => {
    const res = await graphGet(sb, `/v25.0/${IDS.instagram.image}`, { fields: "id,bogus_field", access_token: T.page })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe(100)
    expect(res.body.error.message).toBe("(#100) Tried accessing nonexisting field (bogus_field) on node type (IGMedia)")
  })

  it("answers a syntax error for a broken fields list", async () => {
    const res = await graphGet(sb, `/v25.0/${IDS.instagram.image}`, { fields: "id,comments{id", access_token: T.page })
    expect(res.status).toBe(400)
    expect(res.body.error.message).toMatch(/^Syntax error ".*" at character \d+: id,comments\{id$/)
  })
})

describe("Facebook post object reads (§2.1)", () => {
  it("answers the one-call reaction breakdown with aliases, comments summary and insights", async () => {
    const res = await graphGet(sb, `/v25.0/${IDS.facebook.text}`, { fields: FB_FIELDS, access_token: T.page })
    expect(res.status).toBe(200)
    const post = sb.fixtures.facebook.find((p) => p.id === IDS.facebook.text)!
    const total = Object.values(post.reactions).reduce((n, v) => n + (v ?? 0), 0)
    expect(res.body.shares).toEqual({ count: 12 })
    expect(res.body.reactions).toEqual({ data: [], summary: { total_count: total } })
    expect(res.body.reactions_like).toEqual({ data: [], summary: { total_count: post.reactions.LIKE ?? 0 } })
    expect(res.body.reactions_love.summary.total_count).toBe(post.reactions.LOVE ?? 0)
    expect(res.body.reactions_care.summary.total_count).toBe(post.reactions.CARE ?? 0)
    expect(res.body.created_time).toMatch(/\+0000$/)

    const comments = res.body.comments
    expect(comments.summary).toEqual({ order: "reverse_chronological", total_count: post.comments.length, can_comment: true })
    const times = comments.data.map((c: { created_time: string }) => Date.parse(c.created_time.replace("+0000", "Z")))
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    expect(comments.data[0]).toEqual({
      id: expect.any(String),
      message: expect.any(String),
      created_time: expect.any(String),
      like_count: expect.any(Number),
      comment_count: expect.any(Number),
      from: { name: expect.any(String), id: expect.any(String) },
    })
    // Last (only) page: no next link.
    expect(comments.paging?.next).toBeUndefined()

    const insights = Object.fromEntries(res.body.insights.data.map((d: { name: string; values: { value: unknown }[] }) => [d.name, d.values[0].value]))
    expect(insights.post_media_view).toBe(post.insights.post_media_view)
    // Video-only metric on a text post: 0, not an error.
    expect(insights.post_video_views).toBe(0)
    const byType = insights.post_reactions_by_type_total as Record<string, number>
    expect(byType.like).toBe(post.reactions.LIKE)
    for (const key of Object.keys(byType)) expect(key).toBe(key.toLowerCase())
  })

  it("omits shares when the post has none", async () => {
    const res = await graphGet(sb, `/v25.0/${IDS.facebook.photoNoShares}`, { fields: "id,shares,full_picture,status_type", access_token: T.page })
    expect(res.status).toBe(200)
    expect(res.body).not.toHaveProperty("shares")
    expect(res.body.status_type).toBe("added_photos")
  })

  it("returns created_time, message and id by default", async () => {
    const res = await graphGet(sb, `/v25.0/${IDS.facebook.video}`, { access_token: T.page })
    expect(Object.keys(res.body)).toEqual(["created_time", "message", "id"])
  })
})

describe("deleted and inaccessible objects (§3.3)", () => {
  const notFound = (id: string): string =>
    `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`

  it.each([
    ["deleted IG media", IDS.instagram.deleted],
    ["deleted FB post", IDS.facebook.deleted],
    ["unknown id", "17999999999999999"],
    ["another Page's post", IDS.facebook.secondPagePost],
  ])("%s answers 100/33 GraphMethodException", async (_label, id) => {
    const res = await graphGet(sb, `/v25.0/${id}`, { fields: "id", access_token: T.page })
    expect(res.status).toBe(400)
    expect(res.body.error).toMatchObject({ message: notFound(id), type: "GraphMethodException", code: 100, error_subcode: 33 })
    expect(res.body.error.fbtrace_id).toEqual(expect.any(String))
  })

  it("an edge of a deleted object fails the same way", async () => {
    const res = await graphGet(sb, `/v25.0/${IDS.instagram.deleted}/insights`, { metric: "reach", access_token: T.page })
    expect(res.body.error.error_subcode).toBe(33)
  })
})

describe("tokens and permissions (§3.3)", () => {
  it("no token: 104", async () => {
    const res = await graphGet(sb, `/v25.0/${IDS.instagram.image}`)
    expect(res.status).toBe(400)
    expect(res.body.error).toMatchObject({ code: 104, message: "An access token is required to request this resource." })
  })

  it("unknown token: 190/467", async () => {
    const res = await graphGet(sb, `/v25.0/${IDS.instagram.image}`, { access_token: "not-a-token" })
    expect(res.status).toBe(400)
    expect(res.body.error).toMatchObject({ type: "OAuthException", code: 190, error_subcode: 467 })
    expect(res.headers.get("www-authenticate")).toContain("invalid_token")
  })

  it("a token of another family is invalid for Graph", async () => {
    sb.addFixtures({ tokens: [{ token: "some-x-token", family: "x", account_id: "1" }] })
    const res = await graphGet(sb, `/v25.0/${IDS.instagram.image}`, { access_token: "some-x-token" })
    expect(res.body.error.code).toBe(190)
  })

  it("expired token: 190/463 with both instants in Pacific time", async () => {
    const res = await graphGet(sb, `/v25.0/me`, { access_token: T.expired })
    expect(res.status).toBe(400)
    expect(res.body.error).toMatchObject({ type: "OAuthException", code: 190, error_subcode: 463 })
    expect(res.body.error.message).toMatch(
      /^Error validating access token: Session has expired on [A-Z][a-z]+day, \d\d-[A-Z][a-z]{2}-\d\d \d\d:\d\d:\d\d P[SD]T\. The current time is [A-Z][a-z]+day, \d\d-[A-Z][a-z]{2}-\d\d \d\d:\d\d:\d\d P[SD]T\.$/
    )
    // FIXED_NOW is Monday 23 Nov 2026 04:00 PST.
    expect(res.body.error.message).toContain("The current time is Monday, 23-Nov-26 04:00:00 PST.")
  })

  it("revoked token: 190/467", async () => {
    const res = await graphGet(sb, `/v25.0/me`, { access_token: T.revoked })
    expect(res.body.error).toMatchObject({ code: 190, error_subcode: 467 })
  })

  it("missing instagram_manage_insights: (#10), the media itself still reads", async () => {
    const ok = await graphGet(sb, `/v25.0/${IDS.instagram.image}`, { fields: "id,like_count", access_token: T.readOnly })
    expect(ok.status).toBe(200)
    const res = await graphGet(sb, `/v25.0/${IDS.instagram.image}/insights`, { metric: "reach", access_token: T.readOnly })
    expect(res.status).toBe(403)
    expect(res.body.error).toMatchObject({ code: 10, message: "(#10) Application does not have permission for this action" })
    const expanded = await graphGet(sb, `/v25.0/${IDS.instagram.image}`, { fields: "id,insights.metric(reach)", access_token: T.readOnly })
    expect(expanded.body.error.code).toBe(10)
  })

  it("missing instagram_manage_comments: (#10) on the comments edge", async () => {
    const res = await graphGet(sb, `/v25.0/${IDS.instagram.image}/comments`, { access_token: T.readOnly })
    expect(res.body.error.code).toBe(10)
  })

  it("missing read_insights on a Page post: (#200)", async () => {
    const res = await graphGet(sb, `/v25.0/${IDS.facebook.text}/insights`, { metric: "post_media_view", access_token: T.readOnly })
    expect(res.status).toBe(403)
    expect(res.body.error.code).toBe(200)
  })

  it("missing pages_read_engagement: (#10) with the endpoint message", async () => {
    sb.addFixtures({ tokens: [{ token: "meta-bare-token", family: "meta", account_id: IDS.pages[0], permissions: ["pages_show_list"] }] })
    const res = await graphGet(sb, `/v25.0/${IDS.facebook.text}`, { access_token: "meta-bare-token" })
    expect(res.body.error.code).toBe(10)
    expect(res.body.error.message).toContain("requires the 'pages_read_engagement' permission")
  })
})

describe("versions and accounts", () => {
  it.each(["v21.0", "v26.0"])("accepts %s and echoes it in facebook-api-version", async (version) => {
    const res = await graphGet(sb, `/${version}/${IDS.instagram.image}`, { access_token: T.page })
    expect(res.status).toBe(200)
    expect(res.headers.get("facebook-api-version")).toBe(version)
  })

  it.each(["v20.0", "v27.0", "v25.1", "vX"])("rejects %s", async (version) => {
    const res = await graphGet(sb, `/${version}/${IDS.instagram.image}`, { access_token: T.page })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe(100)
  })

  it("rejects unversioned calls", async () => {
    const res = await graphGet(sb, `/${IDS.instagram.image}`, { access_token: T.page })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe(100)
  })

  it("/me answers the Page behind a Page token, with its linked Instagram account", async () => {
    const res = await graphGet(sb, "/v25.0/me", { fields: "id,name,instagram_business_account", access_token: T.page })
    expect(res.body).toEqual({ id: IDS.pages[0], name: "Sandbox Coffee Co.", instagram_business_account: { id: IDS.instagramUsers[0] } })
  })

  it("lists an Instagram account's media newest first, stories apart", async () => {
    const res = await graphGet(sb, `/v25.0/${IDS.instagramUsers[0]}/media`, { fields: "id,media_product_type,timestamp", limit: "100", access_token: T.page })
    expect(res.status).toBe(200)
    const products = res.body.data.map((m: { media_product_type: string }) => m.media_product_type)
    expect(products).not.toContain("STORY")
    expect(res.body.data.map((m: { id: string }) => m.id)).not.toContain(IDS.instagram.deleted)
    const stories = await graphGet(sb, `/v25.0/${IDS.instagramUsers[0]}/stories`, { access_token: T.page })
    expect(stories.body.data.map((m: { id: string }) => m.id).sort()).toEqual([IDS.instagram.story, IDS.instagram.storyFewViewers].sort())
  })

  it("the seed is dated from the sandbox clock", () => {
    const image = sb.fixtures.instagram.find((m) => m.id === IDS.instagram.image)!
    expect(Date.parse(image.timestamp)).toBeLessThan(FIXED_NOW)
  })
})
