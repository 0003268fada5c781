import { Heading, Text } from "@medusajs/ui"
import { formatCount, formatPercent, formatSeconds, humanize, isNumber } from "../../lib/format"
import { PLATFORM_ADMIN, providerLabel } from "../../lib/platforms"
import type { PlatformMetrics, PostInsights } from "../../lib/types"
import type { MetricHighlight, PlatformFacts } from "../../../modules/socials/platforms/catalog"
import { MetricTile } from "./metric-tile"

type Highlight = MetricHighlight

const formatOf = (h: Highlight) => (v: unknown) =>
  !isNumber(v) ? "–" : h.unit === "ms" ? formatSeconds(v / 1000) : h.unit === "ratio" ? formatPercent(v * 100) : formatCount(v)

/**
 * The numbers only one platform has, under the platform's own metric names, as
 * the platform catalog lists them. The first key found wins (X renamed
 * retweet_count to repost_count, LinkedIn spells clicks two ways).
 */
const FACTS = new Map<string, PlatformFacts>(PLATFORM_ADMIN.map((p) => [p.id, p]))

/** Raw values in milliseconds, whichever platform names them. */
const MILLISECONDS = new Set<string>(PLATFORM_ADMIN.flatMap((p) => p.admin.milliseconds ?? []))

const numericEntries = (metrics: PlatformMetrics) =>
  Object.entries(metrics).filter((entry): entry is [string, number] => isNumber(entry[1]))

const PlatformBlock = ({ provider, metrics, insights }: { provider: string; metrics: PlatformMetrics; insights: PostInsights }) => {
  const admin = FACTS.get(provider)?.admin
  const shown = new Set<string>(admin?.inMainGrid ?? [])
  const highlights: readonly Highlight[] = admin?.highlights ?? []
  const tiles = highlights.flatMap((h) => {
    const key = h.keys.find((k) => isNumber(metrics[k]))
    // Leave out where it means nothing (video numbers on a post without video).
    if (!key || (h.onlyWithVideo && !isNumber(insights.video_views))) {
      h.keys.forEach((k) => shown.add(k))
      return []
    }
    h.keys.forEach((k) => shown.add(k))
    return [{ ...h, key, value: formatOf(h)(metrics[key]) }]
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
  const blocks = PLATFORM_ADMIN.flatMap(({ id: provider, blockName }) => {
    const metrics = insights[blockName] as PlatformMetrics | undefined
    return metrics && typeof metrics === "object" ? [<PlatformBlock key={provider} provider={provider} metrics={metrics} insights={insights} />] : []
  })
  return blocks.length ? <>{blocks}</> : null
}
