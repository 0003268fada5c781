import { computeAttributedAmounts, type OrderForAmounts } from "./amounts"
import { decideAttribution, type AttributionDecision, type LinkedPromotionUse, type ProductPostCandidate } from "./rules"
import { readTrackedClick } from "./tracked-click"
import { toAttributionRow, type AttributionRow } from "./rows"

/** The fields Query must return for an order (a total field is needed, or items come back empty). */
export const ATTRIBUTION_ORDER_FIELDS = [
  "id",
  "status",
  "canceled_at",
  "currency_code",
  "metadata",
  "created_at",
  "total",
  "credit_line_total",
  "items.id",
  "items.product_id",
  "items.quantity",
  "items.total",
  "items.tax_total",
  "items.detail.return_received_quantity",
  "items.detail.return_dismissed_quantity",
  "promotions.id",
  "promotions.code",
  "promotions.social_post.id",
]

export type OrderForAttribution = OrderForAmounts & {
  id: string
  currency_code: string
  created_at: Date | string
  metadata?: unknown
  promotions?: ({ id: string; code?: string | null; social_post?: { id: string } | null } | null)[] | null
}

export type PostForAttribution = { id: string; products?: ({ id: string } | null)[] | null }
export type ExistingAttribution = Pick<AttributionDecision, "post_id" | "source" | "platform" | "promotion_code" | "clicked_at"> & {
  order_id: string
}

export function linkedPromotionsOf(order: OrderForAttribution): LinkedPromotionUse[] {
  return (order.promotions ?? []).flatMap((p) =>
    p?.social_post?.id ? [{ post_id: p.social_post.id, code: p.code ?? p.id }] : []
  )
}

/** Products of the orders (for the opt-in "estimated" rule's lookup). */
export function orderedProductIds(orders: OrderForAttribution[]): string[] {
  return [...new Set(orders.flatMap((o) => (o.items ?? []).flatMap((i) => (i?.product_id ? [i.product_id] : []))))]
}

/** Every post an order might be credited to: look them up in one query for a whole batch. */
export function candidatePostIds(
  orders: OrderForAttribution[],
  existing: ExistingAttribution[],
  productPosts: Map<string, ProductPostCandidate[]> = new Map()
): string[] {
  const ids = new Set(existing.map((e) => e.post_id))
  productPosts.forEach((posts) => posts.forEach((p) => ids.add(p.post_id)))
  for (const order of orders) {
    linkedPromotionsOf(order).forEach((p) => ids.add(p.post_id))
    const click = readTrackedClick(order.metadata)
    if (click) ids.add(click.post_id)
  }
  return [...ids]
}

/**
 * Orders in, attribution rows out; pure. An order already attributed keeps its
 * post (the decision made when it was placed), its amounts are recomputed.
 */
export function buildAttributionRows(input: {
  orders: OrderForAttribution[]
  posts: PostForAttribution[]
  existing: ExistingAttribution[]
  windowMs: number
  /** Opt-in "estimated" rule: posts per product, and its window (null = off). */
  productPosts?: Map<string, ProductPostCandidate[]>
  estimatedWindowMs?: number | null
}): AttributionRow[] {
  const postProducts = new Map(
    input.posts.map((p) => [p.id, new Set((p.products ?? []).flatMap((x) => (x ? [x.id] : [])))])
  )
  const knownPostIds = new Set(postProducts.keys())
  const existingByOrder = new Map(input.existing.map((e) => [e.order_id, e]))

  return input.orders.flatMap((order) => {
    const decision =
      existingByOrder.get(order.id) ??
      decideAttribution({
        placedAt: new Date(order.created_at),
        click: readTrackedClick(order.metadata),
        linkedPromotions: linkedPromotionsOf(order),
        knownPostIds,
        windowMs: input.windowMs,
        estimatedWindowMs: input.estimatedWindowMs,
        productPosts: (order.items ?? []).flatMap((i) => (i?.product_id ? input.productPosts?.get(i.product_id) ?? [] : [])),
      })
    if (!decision || !order.currency_code) {
      return []
    }
    const amounts = computeAttributedAmounts(order, postProducts.get(decision.post_id) ?? new Set())
    return [toAttributionRow(order, decision, amounts)]
  })
}
