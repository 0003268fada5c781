import { mergeWithPrevious, type SyncOutcome } from "../merge"
import type { PostInsights } from "../schema"

const previous: PostInsights = {
  schema_version: 1,
  platform: "instagram",
  platform_post_id: "1790",
  instagram_media_id: "1790",
  likes: 150,
  comments: 25,
  shares: 10,
  saves: 30,
  impressions: 5000,
  reach: 3500,
  engagement: 215,
  engagement_rate: 6.14,
  instagram_insights: { views: 5000, reach: 3500, saved: 30, follows: 12 },
  comments_data: [{ id: "c1", text: "old", created_time: "2026-01-01T10:00:00.000Z", like_count: 1 }],
  last_synced_at: "2026-01-01T12:00:00.000Z",
  sync_status: "success",
}
const now = new Date("2026-01-02T12:00:00.000Z")

describe("mergeWithPrevious", () => {
  it("failed sync keeps every stored number and comment and does not move last_synced_at", () => {
    const result: SyncOutcome = { platform: "instagram", status: "failed", errors: [{ section: "post", code: "rate_limit", message: "Rate limit exceeded", retry_after: "2026-01-02T13:00:00.000Z" }] }
    const merged = mergeWithPrevious(previous, result, { now })
    expect(merged).toMatchObject({ likes: 150, reach: 3500, engagement: 215, engagement_rate: 6.14, last_synced_at: previous.last_synced_at, sync_status: "failed" })
    expect(merged.comments_data).toEqual(previous.comments_data)
    expect(merged.sync_errors).toEqual(["Post: Rate limit exceeded"])
    expect(merged.sync_error_details?.[0].retry_after).toBe("2026-01-02T13:00:00.000Z")
  })

  it("partial sync: answered sections override, failed ones keep their values (no zeros)", () => {
    const result: SyncOutcome = {
      platform: "instagram",
      status: "partial",
      insights: { likes: 160, comments: 26 },
      errors: [{ section: "insights", code: "rate_limit", message: "Rate limit exceeded" }],
    }
    const merged = mergeWithPrevious(previous, result, { now })
    expect(merged).toMatchObject({ likes: 160, comments: 26, shares: 10, saves: 30, reach: 3500, impressions: 5000, sync_status: "partial" })
    expect(merged.engagement).toBe(226)
    expect(merged.engagement_rate).toBe(6.46)
    expect(merged.instagram_insights).toEqual(previous.instagram_insights)
    expect(merged.last_synced_at).toBe(now.toISOString())
    expect(merged.sync_errors).toEqual(["Insights metrics: Rate limit exceeded"])
  })

  it("comments refused: metrics are updated, stored comments stay", () => {
    const result: SyncOutcome = {
      platform: "instagram",
      status: "partial",
      insights: { likes: 151, reach: 3600 },
      errors: [{ section: "comments", code: "permission", message: "Permission denied" }],
    }
    const merged = mergeWithPrevious(previous, result, { now })
    expect(merged.comments_data).toEqual(previous.comments_data)
    expect(merged.sync_errors).toEqual(["Comments: Permission denied"])
  })

  it("never lets a sync overwrite publish-time ids", () => {
    const result: SyncOutcome = { platform: "instagram", status: "success", insights: { likes: 1, instagram_media_id: "other" }, errors: [] }
    expect(mergeWithPrevious(previous, result, { now }).instagram_media_id).toBe("1790")
  })

  it("merges incremental comments newest first, but replaces them after a complete read", () => {
    const fresh = [{ id: "c2", text: "new", created_time: "2026-01-02T10:00:00.000Z" }]
    const incremental = mergeWithPrevious(previous, { platform: "instagram", status: "success", insights: { comments_data: fresh }, errors: [] }, { now })
    expect(incremental.comments_data?.map((x) => x.id)).toEqual(["c2", "c1"])
    const complete = mergeWithPrevious(previous, { platform: "instagram", status: "success", insights: { comments_data: fresh }, errors: [], commentsComplete: true }, { now })
    expect(complete.comments_data?.map((x) => x.id)).toEqual(["c2"])
  })

  it("merges platform metric blocks key by key and recomputes engagement", () => {
    const merged = mergeWithPrevious(previous, { platform: "instagram", status: "success", insights: { instagram_insights: { views: 6000 }, impressions: 6000 }, errors: [] }, { now })
    expect(merged.instagram_insights).toEqual({ views: 6000, reach: 3500, saved: 30, follows: 12 })
    expect(merged.sync_status).toBe("success")
    expect(merged.sync_errors).toEqual([])
  })

  it("a post answered without reach or impressions gets an unknown rate (null), also over a stored 0", () => {
    const { reach: _r, impressions: _i, ...counts } = previous
    const legacy = { ...counts, engagement_rate: 0 }
    const result: SyncOutcome = { platform: "instagram", status: "success", insights: { likes: 2400, comments: 310 }, errors: [] }
    const merged = mergeWithPrevious(legacy, result, { now })
    expect(merged).toMatchObject({ likes: 2400, comments: 310, engagement: 2750 })
    expect(merged.engagement_rate).toBeNull()
    expect(merged.reach).toBeUndefined()
    expect(merged.impressions).toBeUndefined()
  })

  it("starts from nothing (first sync) and from a publish-time blob", () => {
    const first = mergeWithPrevious(undefined, { platform: "twitter", status: "success", insights: { platform: "twitter", likes: 85, comments: 12, shares: 25, impressions: 3500 }, errors: [] }, { now })
    expect(first).toMatchObject({ schema_version: 1, platform: "twitter", engagement: 122, engagement_rate: 3.49 })
    const fromIds = mergeWithPrevious({ twitter_tweet_id: "99" }, { platform: "twitter", status: "failed", errors: [{ section: "post", code: "not_found", message: "Post not found" }] }, { now })
    expect(fromIds).toMatchObject({ twitter_tweet_id: "99", sync_status: "failed", sync_errors: ["Post: Post not found"] })
    expect(fromIds.last_synced_at).toBeUndefined()
  })
})
