import { Container, Heading, Input, Label, Skeleton, Text } from "@medusajs/ui"
import { useState } from "react"
import { MetricTile } from "../social-posts/metric-tile"
import { useSocialPostSales } from "../../hooks/api/social-attribution"
import { formatCount, formatPercent } from "../../lib/format"
import { formatMoney, formatRevenue } from "../../lib/money"

/** The post's Sales block: what it sold, per currency, optionally within a date range (docs/attribution.md). */
export const SalesSection = ({ postId }: { postId: string }) => {
  const [from, setFrom] = useState("")
  const [to, setTo] = useState("")
  const { sales, isPending, isError, error } = useSocialPostSales(postId, { from, to })

  return (
    <Container className="divide-y p-0" data-testid="post-sales">
      <div className="flex flex-wrap items-end justify-between gap-2 px-6 py-4">
        <div className="flex flex-col">
          <Heading level="h2">Sales</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Orders credited to this post by a linked promotion code or a tracked link. Net of discounts, without tax and shipping.
          </Text>
        </div>
        <div className="flex items-end gap-x-2">
          <div className="flex flex-col gap-y-1">
            <Label size="xsmall" htmlFor="sales-from">From</Label>
            <Input id="sales-from" size="small" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </div>
          <div className="flex flex-col gap-y-1">
            <Label size="xsmall" htmlFor="sales-to">To</Label>
            <Input id="sales-to" size="small" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </div>
        </div>
      </div>
      <div className="px-6 py-4">
        {isPending ? (
          <Skeleton className="h-16 w-full" />
        ) : isError || !sales ? (
          <Text size="small" className="text-ui-fg-error">
            Could not load the sales: {error?.message}
          </Text>
        ) : (
          <div className="flex flex-col gap-y-3">
            <div className="grid grid-cols-2 gap-2 md:grid-cols-3">
              <MetricTile emoji="🛒" label="Orders" value={formatCount(sales.orders)} />
              <MetricTile emoji="💰" label="Revenue" value={formatRevenue(sales.revenue)} hint="Per currency, never converted" />
              <MetricTile
                emoji="🧾"
                label="Avg. order"
                value={sales.average_order_value.length ? sales.average_order_value.map((a) => formatMoney(a.value, a.currency_code)).join(" · ") : "–"}
              />
              <MetricTile emoji="📦" label="Units" value={formatCount(sales.units)} />
              <MetricTile emoji="🔗" label="Link clicks" value={formatCount(sales.clicks)} hint="As the platform reports them; Instagram reports none" />
              <MetricTile
                emoji="🎯"
                label="Conversion"
                value={sales.conversion_rate === null ? "–" : formatPercent(sales.conversion_rate * 100)}
                hint="Orders / link clicks"
              />
            </div>
            <Text size="small" className="text-ui-fg-subtle" data-testid="sales-by-source">
              By link: {sales.by_source.link.orders} ({formatRevenue(sales.by_source.link.revenue)}) · By promotion code:{" "}
              {sales.by_source.promotion.orders} ({formatRevenue(sales.by_source.promotion.revenue)})
              {sales.canceled > 0 && ` · ${sales.canceled} canceled, not counted`}
            </Text>
            {sales.by_source.estimated && (
              <Text size="small" className="text-ui-fg-muted" data-testid="sales-estimated">
                Estimated (orders of the linked products soon after publication, not counted above):{" "}
                {sales.by_source.estimated.orders} ({formatRevenue(sales.by_source.estimated.revenue)})
              </Text>
            )}
          </div>
        )}
      </div>
    </Container>
  )
}
