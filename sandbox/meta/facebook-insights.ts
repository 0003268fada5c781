import type { FacebookPostFixture, FacebookReactionType, MetaSandboxOptions } from "../types"
import { invalidFacebookMetric } from "./graph-errors"
import type { Rendered } from "./scope"

/**
 * §2.2 post metrics accepted by a v25 live probe (2026-09). Everything else, including every
 * `post_impressions*` (removed Nov 15 2025) and `post_engaged_users` (2024), is rejected with
 * "(#100) The value must be a valid insights metric", failing the whole request.
 */
const VALID: Record<string, string> = {
  post_media_view: "Lifetime Post media views",
  post_total_media_view_unique: "Lifetime Post total media view unique",
  post_clicks: "Lifetime Post Clicks",
  post_clicks_by_type: "Lifetime Post Clicks by type",
  post_activity_by_action_type: "Lifetime Post Stories by action type",
  post_activity_by_action_type_unique: "Lifetime Post Storytellers by action type",
  post_reactions_like_total: "Lifetime Total Like Reactions of a post.",
  post_reactions_love_total: "Lifetime Total Love Reactions of a post.",
  post_reactions_wow_total: "Lifetime Total Wow Reactions of a post.",
  post_reactions_haha_total: "Lifetime Total Haha Reactions of a post.",
  post_reactions_sorry_total: "Lifetime Total Sorry Reactions of a post.",
  post_reactions_anger_total: "Lifetime Total Anger Reactions of a post.",
  post_reactions_by_type_total: "Lifetime Total post Reactions by Type.",
  post_video_views: "Lifetime Total Video Views",
  // UNCONFIRMED (§2.2: sources conflict); accepted, 0 on non-video posts.
  post_video_avg_time_watched: "Lifetime Average time video viewed",
  post_video_view_time: "Lifetime Total Video View Time (in MS)",
  post_video_complete_views_organic: "Lifetime Organic Full Video Views",
  post_video_complete_views_paid: "Lifetime Paid Full Video Views",
  post_video_views_organic: "Lifetime Organic Video Views",
  post_video_views_paid: "Lifetime Paid Video Views",
  post_video_views_10s: "Lifetime Total 10-Second Views",
}

/** Deprecated in v25, gone on every version since v26 (Jul 29 2026); see MetaSandboxOptions. */
const LEGACY_UNIQUE: Record<string, string> = {
  post_impressions_unique: "Lifetime Post Total Reach",
  post_impressions_paid_unique: "Lifetime Post Paid Reach",
  post_impressions_fan_unique: "Lifetime Post reach by people who like your Page",
  post_impressions_organic_unique: "Lifetime Post Organic Reach",
  post_impressions_viral_unique: "Lifetime Post Viral Reach",
  post_impressions_nonviral_unique: "Lifetime Post Nonviral Reach",
  post_video_views_unique: "Lifetime Unique Video Views",
  post_video_views_organic_unique: "Lifetime Unique Organic Video Views",
  post_video_views_paid_unique: "Lifetime Unique Paid Video Views",
}

const REACTION_KEYS: [FacebookReactionType, string][] = [
  ["LIKE", "like"],
  ["LOVE", "love"],
  ["WOW", "wow"],
  ["HAHA", "haha"],
  ["SAD", "sorry"],
  ["ANGRY", "anger"],
]

/** Default metric set when `/insights` is called without `metric`. */
export const DEFAULT_FACEBOOK_METRICS = ["post_media_view", "post_total_media_view_unique", "post_clicks", "post_reactions_by_type_total"]

function title(name: string): string | undefined {
  return VALID[name] ?? LEGACY_UNIQUE[name]
}

function nonZero(entries: [string, number][]): Record<string, number> {
  return Object.fromEntries(entries.filter(([, v]) => v > 0))
}

function commentTotal(post: FacebookPostFixture): number {
  return post.comments.reduce((n, c) => n + 1 + (c.replies?.length ?? 0), 0)
}

function value(post: FacebookPostFixture, name: string): number | Record<string, number> {
  const stored = post.insights[name]
  const reactions = post.reactions
  const reactionTotal = Object.values(reactions).reduce<number>((n, v) => n + (v ?? 0), 0)
  const reactionKey = REACTION_KEYS.find(([, key]) => name === `post_reactions_${key}_total`)
  if (reactionKey) return stored ?? reactions[reactionKey[0]] ?? 0
  if (name.startsWith("post_video_")) {
    // Video-only metrics on a non-video post answer 0 rather than failing.
    if (!post.is_video) return 0
    if (stored !== undefined) return stored
    const views = post.insights.post_video_views ?? 0
    return name.endsWith("_unique") ? Math.round(views * 0.8) : 0
  }
  switch (name) {
    case "post_reactions_by_type_total":
      // Lower-case keys, only the types that occurred (§2.1).
      return nonZero(REACTION_KEYS.map(([type, key]) => [key, reactions[type] ?? 0]))
    case "post_clicks_by_type": {
      const clicks = post.insights.post_clicks ?? 0
      const media = post.is_video ? "video play" : post.full_picture ? "photo view" : "link clicks"
      const mediaClicks = Math.round(clicks * 0.6)
      return nonZero([
        [media, mediaClicks],
        ["other clicks", clicks - mediaClicks],
      ])
    }
    case "post_activity_by_action_type":
    case "post_activity_by_action_type_unique":
      return nonZero([
        ["share", post.shares ?? 0],
        ["like", reactionTotal],
        ["comment", commentTotal(post)],
      ])
    default:
      if (stored !== undefined) return stored
      if (name.startsWith("post_impressions") && name.endsWith("_unique")) return post.insights.post_total_media_view_unique ?? 0
      return 0
  }
}

export function isFacebookMetricAccepted(name: string, options: MetaSandboxOptions | undefined): boolean {
  return name in VALID || (options?.acceptPostImpressionsUnique === true && name in LEGACY_UNIQUE)
}

export function facebookInsights(post: FacebookPostFixture, metrics: string[], options: MetaSandboxOptions | undefined): Rendered<{ data: unknown[] }> {
  const names = metrics.length ? metrics : DEFAULT_FACEBOOK_METRICS.concat(post.is_video ? ["post_video_views"] : [])
  if (names.some((m) => !isFacebookMetricAccepted(m, options))) return invalidFacebookMetric()
  // Insights need a Page with 100+ likes (§2.2); below that there is simply no data.
  if (options?.pagesWithoutInsights?.includes(post.page_id)) return { data: [] }
  return {
    data: names.map((name) => ({
      name,
      period: "lifetime",
      values: [{ value: value(post, name) }],
      title: title(name),
      description: `Lifetime: ${title(name)} (sandbox).`,
      id: `${post.id}/insights/${name}/lifetime`,
    })),
  }
}
