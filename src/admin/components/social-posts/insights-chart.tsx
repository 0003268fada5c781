import { Heading, Skeleton, Text, clx } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useInsightsSnapshots } from "../../hooks/api/post-insights"
import { formatCount, isNumber } from "../../lib/format"
import type { InsightsSnapshot } from "../../lib/types"
import type { SnapshotCountMetric } from "../../../modules/socials/insights/snapshot-metrics"
import { MetricLineChart } from "./metric-line-chart"

/** The snapshot columns worth a line (a subset of the stored ones, so a renamed column fails here). */
type ChartMetric = Extract<SnapshotCountMetric, "likes" | "comments" | "shares" | "impressions" | "reach">

const METRICS: { key: ChartMetric; label: string; emoji: string }[] = [
  { key: "likes", label: "Likes", emoji: "❤️" },
  { key: "comments", label: "Comments", emoji: "💬" },
  { key: "shares", label: "Shares", emoji: "🔄" },
  { key: "impressions", label: "Impressions", emoji: "👁️" },
  { key: "reach", label: "Reach", emoji: "👥" },
]

/** The post's numbers over time, one point per sync, with the metric selectable. */
export const InsightsChart = ({ postId }: { postId: string }) => {
  const { snapshots, isPending, isError, error } = useInsightsSnapshots(postId, { limit: 200 })
  const available = useMemo(
    () => METRICS.filter((m) => (snapshots ?? []).some((s: InsightsSnapshot) => isNumber(s[m.key]))),
    [snapshots]
  )
  const [selected, setSelected] = useState<ChartMetric>("likes")
  const metric = available.find((m) => m.key === selected) ?? available[0]

  return (
    <section className="flex flex-col gap-y-3 px-6 py-4" data-testid="insights-chart" aria-label="Metrics over time">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Heading level="h2">Over time</Heading>
        {available.length > 0 && (
          <div role="radiogroup" aria-label="Metric" className="bg-ui-bg-subtle flex flex-wrap gap-1 rounded-lg border p-0.5">
            {available.map((m) => (
              <button
                key={m.key}
                type="button"
                role="radio"
                aria-checked={metric?.key === m.key}
                onClick={() => setSelected(m.key)}
                className={clx(
                  "txt-compact-small rounded-md px-2 py-1 transition-colors",
                  metric?.key === m.key ? "bg-ui-bg-base text-ui-fg-base shadow-elevation-card-rest" : "text-ui-fg-subtle hover:text-ui-fg-base"
                )}
              >
                <span aria-hidden="true">{m.emoji}</span> {m.label}
              </button>
            ))}
          </div>
        )}
      </div>
      {isPending ? (
        <Skeleton className="h-[180px] w-full" />
      ) : isError ? (
        <Text size="small" className="text-ui-fg-error">
          Could not load the history: {error?.message}
        </Text>
      ) : !snapshots?.length || !metric ? (
        <Text size="small" className="text-ui-fg-muted">
          No history yet: every sync adds a point, and the chart appears after the second one.
        </Text>
      ) : snapshots.length < 2 ? (
        <Text size="small" className="text-ui-fg-muted">
          One sync so far ({formatCount(snapshots[0][metric.key])} {metric.label.toLowerCase()}). The chart appears after the next sync.
        </Text>
      ) : (
        <MetricLineChart label={metric.label} points={snapshots.map((s) => ({ at: s.synced_at, value: isNumber(s[metric.key]) ? s[metric.key] : null }))} />
      )}
    </section>
  )
}
