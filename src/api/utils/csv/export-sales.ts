import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SOCIAL_ATTRIBUTION_MODULE } from "../../../modules/social-attribution"
import type SocialAttributionModuleService from "../../../modules/social-attribution/service"

/** Sales columns exist only where the attribution module is installed (it is optional for the plugin's users). */
export function hasAttribution(scope: MedusaContainer): boolean {
  return scope.hasRegistration(SOCIAL_ATTRIBUTION_MODULE)
}

/**
 * The currencies that have attributed orders, known before the first row so the
 * header can name one revenue column per currency. One small DISTINCT over the
 * attribution table's (currency_code, social_post_id) index.
 */
export async function attributedCurrencies(scope: MedusaContainer): Promise<string[]> {
  const knex = scope.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const rows: { currency_code: string }[] = await knex("social_attribution")
    .distinct("currency_code")
    .whereNull("deleted_at")
    .orderBy("currency_code")
  return rows.map((r) => r.currency_code)
}

export type ExportSales = { orders: number; revenue: { currency_code: string; total: number }[] }

/** Orders and revenue per currency for one page of posts: one aggregate query per page. */
export async function salesOfPage(scope: MedusaContainer, postIds: string[]): Promise<Map<string, ExportSales>> {
  const out = new Map<string, ExportSales>(postIds.map((id) => [id, { orders: 0, revenue: [] }]))
  if (!postIds.length) return out
  const attribution = scope.resolve<SocialAttributionModuleService>(SOCIAL_ATTRIBUTION_MODULE)
  for (const row of await attribution.revenueByPost({ postIds })) {
    const sales = out.get(row.social_post_id)
    if (!sales) continue
    sales.orders += row.orders
    sales.revenue.push({ currency_code: row.currency_code, total: Number(row.total) })
  }
  return out
}
