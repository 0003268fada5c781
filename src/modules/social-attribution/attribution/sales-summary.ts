import { MathBN } from "@medusajs/framework/utils"
import type { SalesAggregateRow } from "./queries"

import type { Money, SocialPostSales } from "../../../types/api"
export type { SocialPostSales }

const money = (rows: SalesAggregateRow[], pick: (r: SalesAggregateRow) => [number, string]): Money[] =>
  rows.flatMap((r) => {
    const [orders, total] = pick(r)
    return orders > 0 ? [{ currency_code: r.currency_code, total: Number(total) }] : []
  })

/**
 * The response of GET /admin/social-posts/:id/sales from per-currency aggregates.
 * Revenue stays per currency; counts add up across currencies (an order is an order).
 */
export function summarizeSales(rows: SalesAggregateRow[], clicks: number | null, withEstimated = false): SocialPostSales {
  const orders = rows.reduce((n, r) => n + r.orders, 0)
  return {
    orders,
    canceled: rows.reduce((n, r) => n + r.canceled, 0),
    revenue: money(rows, (r) => [r.orders, r.total]),
    average_order_value: rows.flatMap((r) =>
      r.orders > 0
        ? [{ currency_code: r.currency_code, value: MathBN.div(r.total, r.orders).decimalPlaces(2).toNumber() }]
        : []
    ),
    units: rows.reduce((n, r) => n + r.units, 0),
    clicks,
    conversion_rate: clicks ? Number((orders / clicks).toFixed(4)) : null,
    by_source: {
      link: { orders: rows.reduce((n, r) => n + r.link_orders, 0), revenue: money(rows, (r) => [r.link_orders, r.link_total]) },
      promotion: {
        orders: rows.reduce((n, r) => n + r.promotion_orders, 0),
        revenue: money(rows, (r) => [r.promotion_orders, r.promotion_total]),
      },
      ...(withEstimated
        ? {
            estimated: {
              orders: rows.reduce((n, r) => n + r.estimated_orders, 0),
              revenue: money(rows, (r) => [r.estimated_orders, r.estimated_total]),
            },
          }
        : {}),
    },
  }
}
