import type { InstagramMediaFixture } from "../types"
import { graphError, notEnoughViewers, unknownError, type GraphError } from "./graph-errors"
import type { Rendered } from "./scope"

type Product = InstagramMediaFixture["media_product_type"]

interface IgMetric {
  products: Product[]
  title: string
  description: string
  breakdown?: string
  /** Dimension values of the breakdown, lower-case as in the official samples (§1.5). */
  dimensions?: string[]
}

const F: Product = "FEED"
const R: Product = "REELS"
const S: Product = "STORY"

/**
 * §1.2, current (v22+ .. v26): which metric is valid for which media_product_type. Titles are
 * the reference's where known ("Accounts reached", "Profile activity", "Navigation"), the
 * rest UNCONFIRMED but in the same style.
 */
const METRICS: Record<string, IgMetric> = {
  views: { products: [F, R, S], title: "Views", description: "The number of times your content was played or displayed." },
  reach: { products: [F, R, S], title: "Accounts reached", description: "The number of unique accounts that have seen this content, at least once." },
  total_interactions: { products: [F, R, S], title: "Post interactions", description: "The number of likes, saves, comments and shares on this content, minus unlikes, unsaves and deleted comments." },
  likes: { products: [F, R], title: "Likes", description: "The number of likes on this content." },
  comments: { products: [F, R], title: "Comments", description: "The number of comments on this content." },
  saved: { products: [F, R], title: "Saved", description: "The number of saves of this content." },
  shares: { products: [F, R, S], title: "Shares", description: "The number of shares of this content." },
  reposts: { products: [F, R, S], title: "Reposts", description: "The number of times this content was reposted." },
  follows: { products: [F, S], title: "Follows", description: "The number of accounts that started following you from this content." },
  profile_visits: { products: [F, S], title: "Profile visits", description: "The number of times your profile was visited from this content." },
  profile_activity: {
    products: [F, S],
    title: "Profile activity",
    description: "[IG Insights] This header is the name of a metric that appears on an educational info sheet for a particular post, story, video or promotion. This metric is the sum of all profile actions people take when they engage with this content.",
    breakdown: "action_type",
    dimensions: ["bio_link_clicked", "call", "direction", "email", "other", "text"],
  },
  ig_reels_avg_watch_time: { products: [R], title: "Average watch time", description: "The average amount of time spent playing the reel, in milliseconds." },
  ig_reels_video_view_total_time: { products: [R], title: "Watch time", description: "The total amount of time the reel was played, including replays, in milliseconds." },
  reels_skip_rate: { products: [R], title: "Skip rate", description: "The percentage of views where the reel was skipped within the first 3 seconds." },
  replies: { products: [S], title: "Replies", description: "The number of replies to the story." },
  navigation: {
    products: [S],
    title: "Navigation",
    description: "This is the total number of actions taken from your story. These are made up of metrics like exited, forward, back and next story.",
    breakdown: "story_navigation_action_type",
    dimensions: ["tap_forward", "tap_back", "tap_exit", "swipe_forward"],
  },
  link_clicks: { products: [S], title: "Link clicks", description: "The number of taps on the link sticker of the story." },
  facebook_views: { products: [F, R, S], title: "Facebook views", description: "The number of views of this content cross-posted to Facebook." },
  crossposted_views: { products: [R], title: "Cross-posted views", description: "The number of views of the reel on Instagram and Facebook." },
  total_views: { products: [F, R, S], title: "Total views", description: "Views including views from ads." },
  total_likes: { products: [F, R], title: "Total likes", description: "Likes including likes from ads." },
  total_comments: { products: [F, R], title: "Total comments", description: "Comments including comments from ads." },
  impressions: { products: [F, S], title: "Impressions", description: "The number of times this content was seen (legacy)." },
}

/** The exact list Graph v25 prints for an unknown or retired metric (§1.4). */
const ALLOWED_LIST =
  "impressions, reach, replies, saved, likes, comments, shares, total_interactions, follows, profile_visits, profile_activity, navigation, ig_reels_video_view_total_time, ig_reels_avg_watch_time, views, reels_skip_rate, reposts, facebook_views, crossposted_views, total_views, total_likes, total_comments, link_clicks"

/** "API requests ... for media created on or after July 2, 2024 will return an error" (§1.3 banner). */
const IMPRESSIONS_CUTOFF = Date.UTC(2024, 6, 2)

export function parseMetricList(raw: string | null | undefined): string[] {
  return (raw ?? "")
    .split(",")
    .map((m) => m.trim())
    .filter(Boolean)
}

/**
 * One invalid metric fails the whole request (§1.4); the first offending metric, in request
 * order, decides the message.
 */
export function validateInstagramMetrics(media: InstagramMediaFixture, metrics: string[], versionNumber: number): GraphError | undefined {
  if (!metrics.length) return graphError(100, "(#100) The parameter metric is required")
  for (let i = 0; i < metrics.length; i++) {
    const name = metrics[i]
    const def = METRICS[name]
    if (!def) return graphError(100, `(#100) metric[${i}] must be one of the following values: ${ALLOWED_LIST}`)
    if (name === "impressions") {
      if (media.media_type === "VIDEO" || media.media_product_type === "REELS") {
        return graphError(100, "(#100) The Media Insights API does not support the impressions metric for this media product type.")
      }
      // Legacy data survives only for old media on v21 and older.
      if (versionNumber >= 22 || Date.parse(media.timestamp) >= IMPRESSIONS_CUTOFF) {
        return graphError(100, "(#100) Starting from version v22.0 and above, the impressions metric is no longer supported for the queried media")
      }
      continue
    }
    if (!def.products.includes(media.media_product_type)) {
      // UNCONFIRMED wording: modelled on the documented impressions message.
      return graphError(100, `(#100) The Media Insights API does not support the ${name} metric for this media product type.`)
    }
  }
  return undefined
}

function metricValue(media: InstagramMediaFixture, name: string): number | undefined {
  const stored = media.insights[name]
  if (stored !== undefined) return stored
  const commentCount = media.comments.reduce((n, c) => n + 1 + (c.replies?.length ?? 0), 0)
  switch (name) {
    case "likes":
      return media.like_count
    case "comments":
      return commentCount
    case "total_likes":
      return media.insights.likes ?? media.like_count
    case "total_comments":
      return media.insights.comments ?? commentCount
    case "total_views":
      return media.insights.views
    default:
      return undefined
  }
}

/** Splits a total over the dimensions deterministically (bigger share first, remainder to the first). */
function splitValue(total: number, dimensions: string[]): { dimension_values: string[]; value: number }[] {
  const out: { dimension_values: string[]; value: number }[] = []
  let left = total
  for (let i = 0; i < dimensions.length && left > 0; i++) {
    const share = i === dimensions.length - 1 ? left : Math.max(1, Math.ceil(left / 2))
    out.push({ dimension_values: [dimensions[i]], value: share })
    left -= share
  }
  return out
}

/** `GET /{ig-media-id}/insights` body (§1.5), or the error that fails the whole call. */
export function instagramInsights(
  media: InstagramMediaFixture,
  metrics: string[],
  versionNumber: number,
  breakdown?: string | null
): Rendered<{ data: unknown[] }> {
  const invalid = validateInstagramMetrics(media, metrics, versionNumber)
  if (invalid) return invalid
  if (breakdown && metrics.some((m) => METRICS[m].breakdown !== breakdown)) return unknownError()
  if (media.media_product_type === "STORY" && (media.insights.reach ?? 0) < 5) return notEnoughViewers()

  const data: unknown[] = []
  for (const name of metrics) {
    const value = metricValue(media, name)
    // "the API returns an empty data set instead of 0" for unavailable metrics (§1.2).
    if (value === undefined) continue
    const def = METRICS[name]
    const entry: Record<string, unknown> = {
      name,
      period: "lifetime",
      values: [{ value }],
      title: def.title,
      description: def.description,
    }
    if (breakdown && def.dimensions) {
      entry.total_value = { value, breakdowns: [{ dimension_keys: [breakdown], results: splitValue(value, def.dimensions) }] }
    }
    entry.id = `${media.id}/insights/${name}/lifetime`
    data.push(entry)
  }
  return { data }
}
