import { INSIGHTS_SCHEMA_VERSION, readStoredInsights, validatePostInsights } from "../schema"

const valid = {
  schema_version: 1,
  platform: "instagram",
  platform_post_id: "18123456789",
  permalink: "https://www.instagram.com/p/ABC123/",
  likes: 150,
  comments: 25,
  shares: 10,
  saves: 30,
  impressions: 5000,
  reach: 3500,
  engagement: 215,
  engagement_rate: 6.14,
  instagram_insights: { views: 5000, reach: 3500, saved: 30, profile_visits: 45, follows: 12 },
  comments_data: [{ id: "17890", text: "Love this!", from: { id: "user123", name: "user123" }, created_time: "2025-11-15T10:30:00Z", like_count: 5 }],
  last_synced_at: "2025-11-15T14:00:00Z",
  sync_status: "success",
}

describe("PostInsights schema", () => {
  it("accepts the spec's stored example with the version stamp", () => {
    expect(validatePostInsights(valid).schema_version).toBe(INSIGHTS_SCHEMA_VERSION)
  })

  it("keeps keys it does not know (publish flow, older writers)", () => {
    const parsed = validatePostInsights({ ...valid, instagram_media_id: "789012", something_else: { a: 1 } })
    expect(parsed.instagram_media_id).toBe("789012")
    expect((parsed as Record<string, unknown>).something_else).toEqual({ a: 1 })
  })

  it("rejects a wrong version, an unknown status and malformed comments", () => {
    expect(() => validatePostInsights({ ...valid, schema_version: 2 })).toThrow()
    expect(() => validatePostInsights({ ...valid, sync_status: "ok" })).toThrow()
    expect(() => validatePostInsights({ ...valid, comments_data: [{ id: "1", text: "x", created_time: "yesterday" }] })).toThrow()
    expect(() => validatePostInsights({ ...valid, likes: "150" })).toThrow()
  })

  it("reads a publish-time blob (only ids) as version 1 of the post's platform", () => {
    const read = readStoredInsights({ facebook_post_id: "123456", instagram_media_id: "789012" }, "facebook")
    expect(read).toMatchObject({ schema_version: 1, platform: "facebook", facebook_post_id: "123456", instagram_media_id: "789012" })
  })

  it("drops only the broken fields of a damaged blob", () => {
    const read = readStoredInsights(
      { ...valid, likes: "lots", comments_data: [valid.comments_data[0], { id: "bad" }], sync_status: "weird" },
      "instagram"
    )
    expect(read.likes).toBeUndefined()
    expect(read.sync_status).toBeUndefined()
    expect(read.reach).toBe(3500)
    expect(read.comments_data).toHaveLength(1)
  })

  it("survives null, arrays and strings", () => {
    expect(readStoredInsights(null, "twitter")).toEqual({ schema_version: 1, platform: "twitter" })
    expect(readStoredInsights([1, 2], "linkedin").platform).toBe("linkedin")
    expect(readStoredInsights("{}", "linkedin").platform).toBe("linkedin")
  })
})
