import { normalizeFacebookPost } from "../../facebook/normalize"
import { instagramSpec } from "../../instagram/sync"
import { targetFor } from "../../../services/post-insights-service"
import type { PostRecord } from "../../../services/sync-persistence"

const igPost = (media_type: string | null, insights: Record<string, unknown>): PostRecord => ({
  id: "sp_1",
  status: "published",
  media_type,
  posted_at: null,
  insights: { instagram_media_id: "17900000000000003", ...insights },
  insights_synced_at: null,
  platform: { id: "pl_1", provider: "instagram", account_id: "17841400000000001", api_config: null, status: "active" },
})

describe("Instagram target: only the product type the platform confirmed counts", () => {
  const spec = instagramSpec()

  it("a post saved as VIDEO (a reel, as Instagram reports reels) is not taken for FEED: the safe common set, unknown scope", () => {
    const target = targetFor(igPost("VIDEO", {}), "instagram", "17900000000000003")
    expect(target.mediaProductType).toBeUndefined()
    expect(spec.scopeFor(target)).toBe("UNKNOWN")
    expect(spec.metricsFor(target)).not.toContain("follows")
    expect(spec.metricsFor(target)).not.toContain("profile_visits")
  })

  it("the stored (platform-answered) media_product_type decides, and the stored metrics block travels along", () => {
    const target = targetFor(igPost("VIDEO", { media_product_type: "REELS", instagram_insights: { reach: 5, insights_unavailable: { before_business_conversion: 2108006 } } }), "instagram", "17900000000000003")
    expect(target.mediaProductType).toBe("REELS")
    expect(spec.metricsFor(target)).toContain("ig_reels_avg_watch_time")
    expect(target.previousMetrics).toMatchObject({ insights_unavailable: { before_business_conversion: 2108006 } })
  })
})

describe("Facebook reactions always use the spec's keys", () => {
  it("post_reactions_by_type_total's 'sorry' and 'anger' become 'sad' and 'angry'", () => {
    const body = {
      id: "104000000000001_1",
      insights: { data: [{ name: "post_reactions_by_type_total", period: "lifetime", values: [{ value: { like: 26, love: 4, sorry: 2, anger: 1, haha: 3 } }] }] },
    }
    const { patch } = normalizeFacebookPost(body, { targetId: "t", platformPostId: "104000000000001_1" })
    expect(patch.reactions).toEqual({ like: 26, love: 4, sad: 2, angry: 1, haha: 3, total: 36 })
    expect(patch.likes).toBe(36)
  })
})
