import type { AttributionDecision } from "./rules"
import type { AttributedAmounts } from "./amounts"

/** What upsertAttributions writes for one order. */
export type AttributionRow = {
  order_id: string
  social_post_id: string
  source: AttributionDecision["source"]
  platform: string | null
  promotion_code: string | null
  currency_code: string
  placed_at: string
  clicked_at: string | null
  net_total: string
  linked_subtotal: string
  units: number
  canceled_at: string | null
}

export function toAttributionRow(
  order: { id: string; currency_code: string; created_at: Date | string },
  decision: AttributionDecision,
  amounts: AttributedAmounts
): AttributionRow {
  return {
    order_id: order.id,
    social_post_id: decision.post_id,
    source: decision.source,
    platform: decision.platform,
    promotion_code: decision.promotion_code,
    currency_code: order.currency_code.toLowerCase(),
    placed_at: new Date(order.created_at).toISOString(),
    clicked_at: decision.clicked_at?.toISOString() ?? null,
    net_total: amounts.net_total,
    linked_subtotal: amounts.linked_subtotal,
    units: amounts.units,
    canceled_at: amounts.canceled_at?.toISOString() ?? null,
  }
}
