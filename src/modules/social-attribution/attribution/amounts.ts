import { MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"

/** The order fields the amounts need (see ATTRIBUTION_ORDER_FIELDS). */
export type OrderForAmounts = {
  status?: string | null
  canceled_at?: Date | string | null
  total?: BigNumberInput | null
  credit_line_total?: BigNumberInput | null
  items?: ({
    product_id?: string | null
    quantity?: BigNumberInput | null
    total?: BigNumberInput | null
    tax_total?: BigNumberInput | null
    detail?: { return_received_quantity?: BigNumberInput | null; return_dismissed_quantity?: BigNumberInput | null } | null
  } | null)[] | null
}

export type AttributedAmounts = {
  /** Line items after discounts, without tax and shipping, after returns and refunds; 0 once canceled. */
  net_total: string
  linked_subtotal: string
  units: number
  canceled_at: Date | null
}

const num = (v: BigNumberInput | null | undefined) => MathBN.convert(v ?? 0)

/**
 * Line totals already reflect received returns. A refund without a return shows
 * up only as a credit line on the order total, so it is spread over the lines in
 * proportion: net × total / (total + credit lines).
 */
export function computeAttributedAmounts(order: OrderForAmounts, linkedProductIds: Set<string>): AttributedAmounts {
  const items = (order.items ?? []).filter((i): i is NonNullable<typeof i> => Boolean(i))
  let net = MathBN.convert(0)
  let linked = MathBN.convert(0)
  let units = MathBN.convert(0)
  for (const item of items) {
    const lineNet = MathBN.sub(num(item.total), num(item.tax_total))
    net = MathBN.add(net, lineNet)
    if (item.product_id && linkedProductIds.has(item.product_id)) {
      linked = MathBN.add(linked, lineNet)
    }
    const kept = MathBN.sub(
      num(item.quantity),
      MathBN.add(num(item.detail?.return_received_quantity), num(item.detail?.return_dismissed_quantity))
    )
    units = MathBN.add(units, MathBN.max(kept, 0))
  }

  const total = num(order.total)
  const credit = num(order.credit_line_total)
  const before = MathBN.add(total, credit)
  if (MathBN.gt(credit, 0) && MathBN.gt(before, 0)) {
    const share = MathBN.div(MathBN.max(total, 0), before)
    net = MathBN.mult(net, share)
    linked = MathBN.mult(linked, share)
  }

  const canceledAt = order.canceled_at ? new Date(order.canceled_at) : order.status === "canceled" ? new Date() : null
  if (canceledAt) {
    return { net_total: "0", linked_subtotal: "0", units: units.toNumber(), canceled_at: canceledAt }
  }
  return { net_total: round(net), linked_subtotal: round(linked), units: units.toNumber(), canceled_at: null }
}

/** Money in major units: 4 decimals is finer than any currency Medusa knows. */
function round(value: ReturnType<typeof MathBN.convert>): string {
  return value.decimalPlaces(4).toString()
}
