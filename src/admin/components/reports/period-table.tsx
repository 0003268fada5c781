import { Table, Text } from "@medusajs/ui"
import { formatCount, formatPercent } from "../../lib/format"
import { providerLabel } from "../../lib/platforms"
import type { PeriodNumbers, Revenue, SocialOverviewResponse } from "../../lib/report-types"

const revenueText = (r?: Revenue[]) =>
  !r ? "–" : r.length ? r.map((x) => new Intl.NumberFormat(undefined, { style: "currency", currency: x.currency_code.toUpperCase() }).format(x.total)).join(" · ") : "0"

const COLUMNS: { key: string; label: string; value: (n: PeriodNumbers) => string }[] = [
  { key: "posts", label: "Posts", value: (n) => formatCount(n.posts) },
  { key: "likes", label: "Likes", value: (n) => formatCount(n.likes) },
  { key: "comments", label: "Comments", value: (n) => formatCount(n.comments) },
  { key: "shares", label: "Shares", value: (n) => formatCount(n.shares) },
  { key: "views", label: "Views", value: (n) => formatCount(n.views) },
  { key: "rate", label: "Engagement rate", value: (n) => formatPercent(n.engagement_rate) },
  { key: "revenue", label: "Revenue", value: (n) => revenueText(n.revenue) },
]

/** This period against the previous one, per platform and in total. */
export const PeriodTable = ({ overview }: { overview: SocialOverviewResponse }) => {
  const rows = [...overview.platforms.map((p) => ({ label: providerLabel(p.platform), ...p })), { label: "Total", platform: "total", ...overview.total }]
  return (
    <Table data-testid="overview-table">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Platform</Table.HeaderCell>
          {COLUMNS.map((c) => (
            <Table.HeaderCell key={c.key}>{c.label}</Table.HeaderCell>
          ))}
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {rows.map((r) => (
          <Table.Row key={r.platform} data-testid={`overview-row-${r.platform}`}>
            <Table.Cell className="font-medium">{r.label}</Table.Cell>
            {COLUMNS.map((c) => (
              <Table.Cell key={c.key} data-testid={`overview-${r.platform}-${c.key}`}>
                <div>{c.value(r.current)}</div>
                <Text size="xsmall" className="text-ui-fg-muted">prev. {c.value(r.previous)}</Text>
              </Table.Cell>
            ))}
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}
