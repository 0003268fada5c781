import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { attributeOrdersWorkflow } from "../workflows/attribution/attribute-orders"

const PAGE_SIZE = 100
const DEFAULT_DAYS = 30

/** Days back to recompute: SOCIAL_ATTRIBUTION_RECONCILE_DAYS, default 30 (returns and refunds come late). */
export const reconcileDays = () => {
  const days = Number(process.env.SOCIAL_ATTRIBUTION_RECONCILE_DAYS ?? DEFAULT_DAYS)
  return Number.isFinite(days) && days > 0 ? days : DEFAULT_DAYS
}

/**
 * Event delivery is not retried, so once a day every order placed in the last
 * days is recomputed from the order itself: a missed order.placed adds the row,
 * a missed cancellation or refund reduces it. A page that fails is logged and
 * the sweep goes on with the next.
 */
export default async function reconcileSocialAttributionJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const since = new Date(Date.now() - reconcileDays() * 86_400_000)
  let orders = 0
  let saved = 0
  let failedPages = 0

  for (let skip = 0; ; skip += PAGE_SIZE) {
    const { data } = await query.graph({
      entity: "order",
      fields: ["id"],
      filters: { created_at: { $gte: since } },
      pagination: { skip, take: PAGE_SIZE, order: { created_at: "ASC", id: "ASC" } },
    })
    if (!data.length) break
    orders += data.length
    try {
      const { result } = await attributeOrdersWorkflow(container).run({ input: { order_ids: data.map((o: { id: string }) => o.id) } })
      saved += result.saved
    } catch (e) {
      failedPages++
      logger.error(`socials: attribution reconcile: a page of ${data.length} orders failed: ${(e as Error).message}`)
    }
    if (data.length < PAGE_SIZE) break
  }
  logger.info(`socials: attribution reconcile: ${orders} order(s) since ${since.toISOString()}, ${saved} attributed${failedPages ? `, ${failedPages} page(s) failed` : ""}`)
}

export const config = {
  name: "socials-reconcile-attribution",
  schedule: process.env.SOCIAL_ATTRIBUTION_RECONCILE_CRON || "30 3 * * *",
}
