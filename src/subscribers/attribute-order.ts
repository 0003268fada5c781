import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { attributeOrdersWorkflow } from "../workflows/attribution/attribute-orders"

/** Order events carry `id` (placed, canceled) or `order_id` (returns, claims, exchanges, edits). */
type OrderEvent = { id?: string; order_id?: string }

/**
 * Credits a placed order to a post, and recomputes it when the order is
 * canceled, returned, claimed, exchanged or edited. A failure here is only
 * logged by the event bus (no retry): the daily reconcile job catches up.
 */
export default async function attributeOrder({ event, container }: SubscriberArgs<OrderEvent>) {
  const orderId = event.data.order_id ?? event.data.id
  if (typeof orderId !== "string" || !orderId) {
    return
  }
  await attributeOrdersWorkflow(container).run({ input: { order_ids: [orderId] } })
}

export const config: SubscriberConfig = {
  event: [
    "order.placed",
    "order.canceled",
    "order.return_received",
    "order.claim_created",
    "order.exchange_created",
    "order-edit.confirmed",
  ],
  context: { subscriberId: "social-attribution-order" },
}
