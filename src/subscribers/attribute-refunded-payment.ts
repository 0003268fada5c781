import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { attributeOrdersWorkflow } from "../workflows/attribution/attribute-orders"

/**
 * payment.refunded carries a payment id: payment -> payment collection -> order
 * (as Medusa's own refund workflow does), then the order is recomputed.
 */
export default async function attributeRefundedPayment({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: payments } = await query.graph({
    entity: "payment",
    fields: ["id", "payment_collection_id"],
    filters: { id: event.data.id },
  })
  const collectionId = payments[0]?.payment_collection_id
  if (!collectionId) {
    return
  }
  const { data: links } = await query.graph({
    entity: "order_payment_collection",
    fields: ["order_id"],
    filters: { payment_collection_id: collectionId },
  })
  const orderIds = links.map((l: { order_id: string }) => l.order_id).filter(Boolean)
  if (orderIds.length) {
    await attributeOrdersWorkflow(container).run({ input: { order_ids: orderIds } })
  }
}

export const config: SubscriberConfig = {
  event: "payment.refunded",
  context: { subscriberId: "social-attribution-refund" },
}
