/**
 * Insights metrics per media product type (platform-apis.md §1.2). One metric
 * that is invalid for the media's type fails the whole request with code 100,
 * so the list is chosen per type; `impressions`, `plays`, `video_views` and
 * `engagement` are retired and never asked for.
 */
export const INSTAGRAM_METRICS = {
  FEED: ["views", "reach", "saved", "shares", "likes", "comments", "total_interactions", "follows", "profile_visits", "reposts"],
  REELS: ["views", "reach", "saved", "shares", "likes", "comments", "total_interactions", "reposts", "ig_reels_avg_watch_time", "ig_reels_video_view_total_time", "reels_skip_rate"],
  STORY: ["views", "reach", "shares", "total_interactions", "follows", "profile_visits", "navigation", "replies", "reposts"],
} as const satisfies Record<string, readonly string[]>

/** Valid for both FEED and REELS: used when the product type was not stored at publish time. */
export const INSTAGRAM_SAFE_METRICS = ["views", "reach", "saved", "shares", "likes", "comments", "total_interactions", "reposts"] as const

export type InstagramProductType = keyof typeof INSTAGRAM_METRICS

export function instagramProductType(value: string | undefined): InstagramProductType | undefined {
  const upper = value?.toUpperCase()
  return upper === "FEED" || upper === "REELS" || upper === "STORY" ? upper : undefined
}

export function instagramMetricsFor(productType: string | undefined): string[] {
  const known = instagramProductType(productType)
  return [...(known ? INSTAGRAM_METRICS[known] : INSTAGRAM_SAFE_METRICS)]
}

/**
 * The post's own media_type as a first guess before Instagram confirmed the product
 * type. VIDEO says nothing: reels report `media_type: VIDEO` too, and FEED metrics
 * (follows, profile_visits) fail a reel's whole request.
 */
export function hintedProductType(mediaType: string | undefined): InstagramProductType | undefined {
  const upper = mediaType?.toUpperCase()
  if (upper === "REELS" || upper === "STORY") return upper
  if (upper === "IMAGE" || upper === "CAROUSEL_ALBUM") return "FEED"
  return undefined
}

/** Retired metric → the one that took its place (for the note shown to users). */
export const INSTAGRAM_REPLACEMENTS: Record<string, string> = {
  impressions: "views",
  plays: "views",
  video_views: "views",
  clips_replays_count: "views",
  ig_reels_aggregated_all_plays_count: "views",
  engagement: "total_interactions",
  carousel_album_engagement: "total_interactions",
  taps_forward: "navigation",
  taps_back: "navigation",
  exits: "navigation",
}
