import { Heading, Text } from "@medusajs/ui"
import { formatCount, formatPercent, formatSeconds, humanize, isNumber } from "../../lib/format"
import { providerLabel } from "../../lib/platforms"
import type { PlatformMetrics, PostInsights, SocialProvider } from "../../lib/types"
import { MetricTile } from "./metric-tile"

type Highlight = {
  keys: string[]
  emoji: string
  label: string
  format?: (v: unknown) => string
  /** Leave out where it means nothing (video numbers on a post without video). */
  onlyIf?: (insights: PostInsights) => boolean
}

/**
 * The numbers only one platform has, under the platform's own metric names. The
 * first key found wins (X renamed retweet_count to repost_count, LinkedIn spells
 * clicks two ways).
 */
const HIGHLIGHTS: Record<SocialProvider, Highlight[]> = {
  instagram: [
    { keys: ["profile_visits"], emoji: "🏠", label: "Profile visits" },
    { keys: ["follows"], emoji: "➕", label: "Follows" },
    { keys: ["reposts"], emoji: "🔁", label: "Reposts" },
    { keys: ["profile_activity"], emoji: "👆", label: "Profile activity" },
    { keys: ["total_interactions"], emoji: "🤝", label: "Total interactions" },
    { keys: ["reels_skip_rate"], emoji: "⏭️", label: "Skip rate", format: (v) => (isNumber(v) ? formatPercent(v * 100) : "–") },
  ],
  facebook: [
    { keys: ["post_clicks"], emoji: "🖱️", label: "Clicks" },
    { keys: ["post_media_view"], emoji: "👀", label: "Media views" },
    { keys: ["post_total_media_view_unique"], emoji: "👥", label: "Unique viewers" },
    { keys: ["post_video_views"], emoji: "▶️", label: "Video views", onlyIf: (i) => isNumber(i.video_views) },
    {
      keys: ["post_video_avg_time_watched"],
      emoji: "⏱️",
      label: "Avg. time watched",
      format: (v) => (isNumber(v) ? formatSeconds(v / 1000) : "–"),
      onlyIf: (i) => isNumber(i.video_views),
    },
  ],
  twitter: [
    { keys: ["retweet_count", "repost_count"], emoji: "🔁", label: "Reposts" },
    { keys: ["quote_count"], emoji: "💭", label: "Quotes" },
    { keys: ["bookmark_count"], emoji: "🔖", label: "Bookmarks" },
    { keys: ["url_link_clicks"], emoji: "🔗", label: "Link clicks" },
    { keys: ["user_profile_clicks"], emoji: "👤", label: "Profile clicks" },
  ],
  linkedin: [
    { keys: ["clickCount", "clicks"], emoji: "🖱️", label: "Clicks" },
    { keys: ["uniqueImpressionsCount"], emoji: "👥", label: "Unique impressions" },
    { keys: ["shareCount"], emoji: "🔁", label: "Reposts" },
    { keys: ["commentMentionsCount"], emoji: "@", label: "Mentions in comments" },
    { keys: ["TIME_WATCHED"], emoji: "⏱️", label: "Time watched", format: (v) => (isNumber(v) ? formatSeconds(v / 1000) : "–") },
  ],
}

/** Raw names already shown in the main grid under the spec's names. */
const IN_MAIN_GRID: Record<SocialProvider, string[]> = {
  // `views` is stored as impressions (and video views for video).
  instagram: ["likes", "comments", "reach", "saved", "shares", "views", "ig_reels_avg_watch_time"],
  facebook: [],
  twitter: ["like_count", "reply_count", "impression_count"],
  linkedin: ["likeCount", "commentCount", "impressionCount", "engagement", "VIDEO_VIEW"],
}

/** Raw values in milliseconds. */
const MILLISECONDS = new Set(["ig_reels_video_view_total_time", "post_video_view_time", "TIME_WATCHED"])

const FIELD: Record<SocialProvider, keyof PostInsights> = {
  instagram: "instagram_insights",
  facebook: "facebook_insights",
  twitter: "twitter_insights",
  linkedin: "linkedin_insights",
}

const numericEntries = (metrics: PlatformMetrics) =>
  Object.entries(metrics).filter((entry): entry is [string, number] => isNumber(entry[1]))

const PlatformBlock = ({ provider, metrics, insights }: { provider: SocialProvider; metrics: PlatformMetrics; insights: PostInsights }) => {
  const shown = new Set<string>(IN_MAIN_GRID[provider])
  const tiles = HIGHLIGHTS[provider].flatMap((h) => {
    const key = h.keys.find((k) => isNumber(metrics[k]))
    if (!key || (h.onlyIf && !h.onlyIf(insights))) {
      h.keys.forEach((k) => shown.add(k))
      return []
    }
    h.keys.forEach((k) => shown.add(k))
    return [{ ...h, key, value: (h.format ?? formatCount)(metrics[key]) }]
  })
  const rest = numericEntries(metrics).filter(([k]) => !shown.has(k))
  if (!tiles.length && !rest.length) return null
  return (
    <section className="flex flex-col gap-y-2" data-testid={`platform-metrics-${provider}`} aria-label={`${providerLabel(provider)} metrics`}>
      <Heading level="h3">{providerLabel(provider)} metrics</Heading>
      {tiles.length > 0 && (
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4">
          {tiles.map((t) => (
            <MetricTile key={t.key} emoji={t.emoji} label={t.label} value={t.value} hint={t.key} />
          ))}
        </div>
      )}
      {rest.length > 0 && (
        <details className="group">
          <summary className="text-ui-fg-subtle txt-compact-small cursor-pointer select-none">
            All {providerLabel(provider)} metrics ({rest.length} more)
          </summary>
          <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-2">
            {rest.map(([k, v]) => (
              <div key={k} className="flex justify-between gap-x-2 border-b border-dashed py-1">
                <Text size="small" className="text-ui-fg-subtle" title={k}>
                  {humanize(k)}
                </Text>
                <Text size="small" className="tabular-nums">
                  {MILLISECONDS.has(k) ? formatSeconds(v / 1000) : formatCount(v)}
                </Text>
              </div>
            ))}
          </dl>
        </details>
      )}
    </section>
  )
}

/** Instagram profile visits and follows, X reposts, quotes and bookmarks, LinkedIn clicks, ... */
export const PlatformSpecificMetrics = ({ insights }: { insights: PostInsights }) => {
  const blocks = (Object.keys(FIELD) as SocialProvider[]).flatMap((provider) => {
    const metrics = insights[FIELD[provider]] as PlatformMetrics | undefined
    return metrics && typeof metrics === "object" ? [<PlatformBlock key={provider} provider={provider} metrics={metrics} insights={insights} />] : []
  })
  return blocks.length ? <>{blocks}</> : null
}
