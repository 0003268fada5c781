import { combineCrossPost, mergeCrossPostWithPrevious, previousForPlatform } from "../cross-post"
import type { SyncOutcome } from "../merge"
import type { PostInsights } from "../schema"

const now = new Date("2026-02-01T00:00:00.000Z")
const fb: SyncOutcome = {
  platform: "facebook",
  status: "success",
  insights: {
    platform: "facebook",
    platform_post_id: "104_900",
    likes: 200,
    comments: 35,
    shares: 15,
    reach: 6000,
    impressions: 8000,
    reactions: { like: 120, love: 80, total: 200 },
    facebook_insights: { post_media_view: 8000 },
    comments_data: [{ id: "f1", text: "fb", created_time: "2026-01-31T10:00:00.000Z" }],
  },
  errors: [],
}
const ig: SyncOutcome = {
  platform: "instagram",
  status: "success",
  insights: {
    platform: "instagram",
    platform_post_id: "1790",
    likes: 150,
    comments: 25,
    shares: 10,
    saves: 30,
    reach: 3500,
    impressions: 5000,
    instagram_insights: { views: 5000 },
    comments_data: [{ id: "i1", text: "ig", created_time: "2026-01-31T11:00:00.000Z" }],
  },
  errors: [],
}

describe("cross-posted posts", () => {
  it("keeps per-platform blocks, sums the top level, keeps the post's platform", () => {
    const merged = mergeCrossPostWithPrevious({ facebook_post_id: "104_900", instagram_media_id: "1790" }, "facebook", [fb, ig], { now })
    expect(merged.platform).toBe("facebook")
    expect(merged).toMatchObject({ likes: 350, comments: 60, shares: 25, saves: 30, reach: 9500, impressions: 13000, engagement: 465 })
    expect(merged.engagement_rate).toBe(4.89)
    expect(merged.by_platform?.facebook).toMatchObject({ likes: 200, engagement: 250, engagement_rate: 4.17 })
    expect(merged.by_platform?.instagram).toMatchObject({ likes: 150, engagement: 215, engagement_rate: 6.14 })
    expect(merged.facebook_insights).toEqual({ post_media_view: 8000 })
    expect(merged.instagram_insights).toEqual({ views: 5000 })
    expect(merged.platform_post_id).toBe("104_900")
    expect(merged.comments_data?.map((c) => [c.id, c.platform])).toEqual([["i1", "instagram"], ["f1", "facebook"]])
    expect(merged.facebook_post_id).toBe("104_900")
    expect(merged.sync_status).toBe("success")
  })

  it("a failed platform keeps its previous slice; status becomes partial with a prefixed error", () => {
    const first = mergeCrossPostWithPrevious({}, "facebook", [fb, ig], { now })
    const later = new Date("2026-02-02T00:00:00.000Z")
    const igFailed: SyncOutcome = { platform: "instagram", status: "failed", errors: [{ section: "comments", code: "permission", message: "Permission denied" }] }
    const fbNewer: SyncOutcome = { ...fb, insights: { ...fb.insights, likes: 210 } }
    const merged = mergeCrossPostWithPrevious(first, "facebook", [fbNewer, igFailed], { now: later })
    expect(merged.likes).toBe(360)
    expect(merged.by_platform?.instagram).toMatchObject({ likes: 150, sync_status: "failed", last_synced_at: now.toISOString() })
    expect(merged.by_platform?.facebook?.last_synced_at).toBe(later.toISOString())
    expect(merged.sync_status).toBe("partial")
    expect(merged.sync_errors).toEqual(["Instagram comments: Permission denied"])
    expect(merged.comments_data?.map((c) => c.id)).toEqual(["i1", "f1"])
  })

  it("upgrades a single-platform blob when the second platform appears", () => {
    const single: PostInsights = { schema_version: 1, platform: "facebook", likes: 100, comments: 1, shares: 0, last_synced_at: "2026-01-01T00:00:00.000Z", sync_status: "success" }
    const merged = mergeCrossPostWithPrevious(single, "facebook", [ig], { now })
    expect(merged.by_platform?.facebook?.likes).toBe(100)
    expect(merged.likes).toBe(250)
  })

  it("one platform without history stays a plain single-platform merge", () => {
    const merged = mergeCrossPostWithPrevious(undefined, "instagram", [ig], { now })
    expect(merged.by_platform).toBeUndefined()
    expect(merged.likes).toBe(150)
  })

  it("computes the rate only over platforms that report reach (a Facebook side without insights does not inflate it)", () => {
    const { reach: _r, impressions: _i, ...fbCounts } = fb.insights!
    const fbNoInsights: SyncOutcome = { ...fb, insights: { ...fbCounts, facebook_insights: undefined } }
    const merged = mergeCrossPostWithPrevious({}, "facebook", [fbNoInsights, ig], { now })
    expect(merged).toMatchObject({ engagement: 465, reach: 3500 })
    // 215 / 3,500, Instagram alone; summing Facebook's 250 over Instagram's reach would give 13.29.
    expect(merged.engagement_rate).toBe(6.14)
    expect(merged.by_platform?.facebook?.engagement_rate).toBeNull()
    expect(merged.by_platform?.instagram?.engagement_rate).toBe(6.14)
  })

  it("uses impressions only when no platform has reach, and leaves the rate unknown when none has either", () => {
    const onlyImpressions = (o: SyncOutcome, impressions?: number): SyncOutcome => {
      const { reach: _r, impressions: _i, ...counts } = o.insights!
      return { ...o, insights: { ...counts, ...(impressions !== undefined ? { impressions } : {}) } }
    }
    const byImpressions = mergeCrossPostWithPrevious({}, "facebook", [onlyImpressions(fb), onlyImpressions(ig, 5000)], { now })
    expect(byImpressions.engagement_rate).toBe(4.3)
    const unknown = mergeCrossPostWithPrevious({}, "facebook", [onlyImpressions(fb), onlyImpressions(ig)], { now })
    expect(unknown.engagement).toBe(465)
    expect(unknown.engagement_rate).toBeNull()
  })

  it("splits a stored cross-post back into one platform's view", () => {
    const stored = combineCrossPost("facebook", [
      { schema_version: 1, platform: "facebook", likes: 1, comments_data: [{ id: "f", text: "", created_time: now.toISOString() }] },
      { schema_version: 1, platform: "instagram", likes: 2, instagram_insights: { views: 3 } },
    ])
    const igView = previousForPlatform(stored, "instagram")
    expect(igView).toMatchObject({ platform: "instagram", likes: 2, instagram_insights: { views: 3 } })
    expect(igView.comments_data ?? []).toEqual([])
  })
})
