import { Text } from "@medusajs/ui"
import { formatCount, formatPercent, formatSeconds, isNumber, knownEngagementRate, MISSING } from "../../lib/format"
import type { CoreMetrics } from "../../lib/types"
import { MetricTile } from "./metric-tile"

/** The spec's metrics with its emoji labels, in its order. */
export const CORE_METRICS: { key: keyof CoreMetrics; emoji: string; label: string; format: (v: unknown) => string }[] = [
  { key: "likes", emoji: "❤️", label: "Likes", format: formatCount },
  { key: "comments", emoji: "💬", label: "Comments", format: formatCount },
  { key: "shares", emoji: "🔄", label: "Shares", format: formatCount },
  { key: "saves", emoji: "🔖", label: "Saves", format: formatCount },
  { key: "impressions", emoji: "👁️", label: "Impressions", format: formatCount },
  { key: "reach", emoji: "👥", label: "Reach", format: formatCount },
  { key: "engagement", emoji: "📊", label: "Engagement", format: formatCount },
  { key: "engagement_rate", emoji: "📈", label: "Engagement rate", format: formatPercent },
  { key: "video_views", emoji: "▶️", label: "Video views", format: formatCount },
  { key: "avg_watch_time", emoji: "⏱️", label: "Avg. watch time", format: formatSeconds },
  { key: "complete_views", emoji: "✅", label: "Complete views", format: formatCount },
]

const RATE_UNKNOWN_HINT = "The platform reported neither reach nor impressions for this post, so no rate can be computed"

/**
 * Only the metrics the platform reported: a metric it does not have is left out,
 * not shown as 0. The rate is the exception: next to known interactions it shows
 * "–" with the reason, so nobody reads a missing rate as 0 %.
 */
export const InsightsMetricsGrid = ({ metrics }: { metrics: CoreMetrics }) => {
  const value = (key: keyof CoreMetrics) => (key === "engagement_rate" ? knownEngagementRate(metrics) : metrics[key])
  const shown = (key: keyof CoreMetrics) => isNumber(value(key)) || (key === "engagement_rate" && isNumber(metrics.engagement))
  const present = CORE_METRICS.filter((m) => shown(m.key))
  if (!present.length) {
    return (
      <Text size="small" className="text-ui-fg-muted">
        The platform has not reported any numbers for this post yet.
      </Text>
    )
  }
  return (
    <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4" data-testid="insights-metrics-grid">
      {present.map((m) => (
        <MetricTile
          key={m.key}
          emoji={m.emoji}
          label={m.label}
          value={isNumber(value(m.key)) ? m.format(value(m.key)) : MISSING}
          hint={isNumber(value(m.key)) ? undefined : RATE_UNKNOWN_HINT}
        />
      ))}
    </div>
  )
}
