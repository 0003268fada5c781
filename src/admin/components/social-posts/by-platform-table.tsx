import { Heading, Table } from "@medusajs/ui"
import { formatCount, formatPercent, isNumber, knownEngagementRate } from "../../lib/format"
import { providerLabel } from "../../lib/platforms"
import type { PlatformEntry, PostInsights, SocialProvider } from "../../lib/types"

const ROWS: { key: keyof PlatformEntry; label: string; format: (v: unknown) => string }[] = [
  { key: "likes", label: "❤️ Likes", format: formatCount },
  { key: "comments", label: "💬 Comments", format: formatCount },
  { key: "shares", label: "🔄 Shares", format: formatCount },
  { key: "saves", label: "🔖 Saves", format: formatCount },
  { key: "impressions", label: "👁️ Impressions", format: formatCount },
  { key: "reach", label: "👥 Reach", format: formatCount },
  { key: "engagement_rate", label: "📈 Engagement rate", format: formatPercent },
  { key: "video_views", label: "▶️ Video views", format: formatCount },
]

/** A platform's value; its rate only where it reported a reach or impressions. */
const valueOf = (entry: PlatformEntry, key: keyof PlatformEntry) => (key === "engagement_rate" ? knownEngagementRate(entry) : entry[key])

/** A cross-posted post: the totals above are sums, this shows each platform's share. */
export const ByPlatformTable = ({ byPlatform }: { byPlatform?: PostInsights["by_platform"] }) => {
  const platforms = Object.entries(byPlatform ?? {}) as [SocialProvider, PlatformEntry][]
  if (platforms.length < 2) return null
  const rows = ROWS.filter((r) => platforms.some(([, e]) => isNumber(valueOf(e, r.key))))
  return (
    <section className="flex flex-col gap-y-2" aria-label="By platform">
      <Heading level="h3">By platform</Heading>
      <div className="overflow-x-auto rounded-lg border">
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Metric</Table.HeaderCell>
              {platforms.map(([p]) => (
                <Table.HeaderCell key={p} className="text-right">
                  {providerLabel(p)}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((r) => (
              <Table.Row key={r.key}>
                <Table.Cell>{r.label}</Table.Cell>
                {platforms.map(([p, e]) => (
                  <Table.Cell key={p} className="text-right tabular-nums">
                    {r.format(valueOf(e, r.key))}
                  </Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </section>
  )
}
