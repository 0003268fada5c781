import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createOrderWorkflow, createProductsWorkflow, createRegionsWorkflow } from "@medusajs/medusa/core-flows"
import { SOCIALS_MODULE } from "../modules/socials"
import type SocialsModuleService from "../modules/socials/service"
import { attributeOrdersWorkflow } from "../workflows/attribution/attribute-orders"

const HOUR = 3_600_000

/** Posts of the demo seed that get orders, with what they sold (quantity of the demo product, currency). */
const DEMO_SALES: { post: string; source: string; orders: { currency: "usd" | "eur"; quantity: number; clickedHoursAgo: number }[] }[] = [
  { post: "Autumn blend launch", source: "facebook", orders: [{ currency: "usd", quantity: 2, clickedHoursAgo: 20 }, { currency: "usd", quantity: 1, clickedHoursAgo: 5 }, { currency: "eur", quantity: 3, clickedHoursAgo: 30 }] },
  { post: "Reel: espresso pull", source: "instagram", orders: [{ currency: "usd", quantity: 4, clickedHoursAgo: 50 }] },
  { post: "Launch thread", source: "twitter", orders: [{ currency: "eur", quantity: 1, clickedHoursAgo: 2 }] },
]

/**
 * A few orders placed through tracked links of the demo posts, so the Sales block,
 * the Orders / Revenue columns and the order widget show numbers. The orders carry
 * the cart metadata the storefront helper writes; attribution then runs as for
 * any order (the same workflow as the order.placed subscriber).
 */
export async function seedAttributedOrders(container: MedusaContainer): Promise<number> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const socials = container.resolve<SocialsModuleService>(SOCIALS_MODULE)
  const posts = await socials.listSocialPosts({ name: DEMO_SALES.map((s) => s.post) }, { select: ["id", "name"], take: DEMO_SALES.length })
  const postId = new Map(posts.map((p) => [p.name, p.id]))

  const region = await ensureRegions(container)
  const prices = { usd: 18, eur: 16 }
  const { result: [product] } = await createProductsWorkflow(container).run({
    input: {
      products: [{
        title: "Autumn Blend 250 g",
        status: "published",
        options: [{ title: "Size", values: ["250 g"] }],
        variants: [{ title: "250 g", options: { Size: "250 g" }, manage_inventory: false, prices: [{ amount: prices.usd, currency_code: "usd" }, { amount: prices.eur, currency_code: "eur" }] }],
      }],
    },
  })

  const orderIds: string[] = []
  for (const sale of DEMO_SALES) {
    const id = postId.get(sale.post)
    if (!id) continue
    for (const order of sale.orders) {
      const { result } = await createOrderWorkflow(container).run({
        input: {
          region_id: region[order.currency].id,
          currency_code: order.currency,
          email: "demo-shopper@example.com",
          status: "pending",
          items: [{ title: product.title, variant_id: product.variants[0].id, quantity: order.quantity, unit_price: prices[order.currency] }],
          metadata: {
            utm_source: sale.source,
            utm_medium: "social",
            utm_campaign: sale.post,
            utm_content: id,
            utm_clicked_at: new Date(Date.now() - order.clickedHoursAgo * HOUR).toISOString(),
          },
        },
      })
      orderIds.push(result.id)
    }
  }
  const { result } = await attributeOrdersWorkflow(container).run({ input: { order_ids: orderIds } })
  logger.info(`Demo data: ${orderIds.length} orders placed through tracked links, ${result.saved} attributed`)
  return result.saved
}

/** The shop's region per currency, creating the missing ones (a demo database has none). */
async function ensureRegions(container: MedusaContainer): Promise<Record<"usd" | "eur", { id: string }>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "region", fields: ["id", "currency_code"], filters: { currency_code: ["usd", "eur"] } })
  const found = new Map(data.map((r: { id: string; currency_code: string }) => [r.currency_code, { id: r.id }]))
  const missing = [
    { name: "United States", currency_code: "usd", countries: ["us"], payment_providers: ["pp_system_default"] },
    { name: "Germany", currency_code: "eur", countries: ["de"], payment_providers: ["pp_system_default"] },
  ].filter((r) => !found.has(r.currency_code))
  if (missing.length) {
    const { result } = await createRegionsWorkflow(container).run({ input: { regions: missing } })
    result.forEach((r) => found.set(r.currency_code, { id: r.id }))
  }
  return { usd: found.get("usd")!, eur: found.get("eur")! }
}

/** `medusa exec ./src/scripts/seed-demo-orders.ts` on a database that already has the demo posts. */
export default async function seedDemoOrders({ container }: ExecArgs) {
  await seedAttributedOrders(container)
}
