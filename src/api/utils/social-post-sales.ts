import type { MedusaContainer } from "@medusajs/framework/types"
import { SOCIAL_ATTRIBUTION_MODULE } from "../../modules/social-attribution"
import type SocialAttributionModuleService from "../../modules/social-attribution/service"
import type { RevenueByPostRow } from "../../modules/social-attribution/attribution/queries"
import type SocialsModuleService from "../../modules/socials/service"

import type { PostSalesSummary } from "../../types/api"
export type { PostSalesSummary }

const attributionOf = (scope: MedusaContainer) => scope.resolve<SocialAttributionModuleService>(SOCIAL_ATTRIBUTION_MODULE)

/** Orders and revenue per currency for each of the given posts: one query for the page. */
export async function salesForPosts(scope: MedusaContainer, postIds: string[]): Promise<Map<string, PostSalesSummary>> {
  const out = new Map<string, PostSalesSummary>(postIds.map((id) => [id, { orders: 0, revenue: [] }]))
  if (!postIds.length) {
    return out
  }
  for (const row of await attributionOf(scope).revenueByPost({ postIds })) {
    const summary = out.get(row.social_post_id)
    if (!summary) continue
    summary.orders += row.orders
    if (row.orders > 0) summary.revenue.push({ currency_code: row.currency_code, total: Number(row.total) })
  }
  out.forEach((s) => s.revenue.sort((a, b) => a.currency_code.localeCompare(b.currency_code)))
  return out
}

type ListArgs = {
  socials: SocialsModuleService
  filters: Record<string, unknown>
  /** "revenue" ranks within currencyCode; "orders" counts across currencies. */
  by: "revenue" | "orders"
  currencyCode?: string
  direction: "ASC" | "DESC"
  offset: number
  limit: number
}

/**
 * A page of post ids ordered by revenue in one currency, or by orders. Sales live
 * in the attribution module, posts in the socials module (no cross-module SQL
 * join): the posts that have attributed orders are ranked from the aggregate, the
 * others (none) follow newest first, or come first when ascending.
 */
export async function pagePostIdsBySales(scope: MedusaContainer, args: ListArgs): Promise<{ ids: string[]; count: number }> {
  const attribution = attributionOf(scope)
  const ranked: { social_post_id: string }[] =
    args.by === "orders"
      ? await attribution.ordersByPost()
      : ((await attribution.revenueByPost({ currencyCode: args.currencyCode })) as RevenueByPostRow[])
  const rankedIds = ranked.map((r) => r.social_post_id)
  const [matching, count] = await Promise.all([
    rankedIds.length
      ? args.socials.listSocialPosts({ ...args.filters, id: rankedIds }, { select: ["id"], take: rankedIds.length })
      : Promise.resolve([]),
    args.socials.listAndCountSocialPosts(args.filters, { select: ["id"], take: 1 }).then(([, n]) => n),
  ])
  const matched = new Set(matching.map((p) => p.id))
  const withRevenue = rankedIds.filter((id) => matched.has(id))
  if (args.direction === "ASC") withRevenue.reverse()

  const others = async (skip: number, take: number) =>
    take <= 0
      ? []
      : (
          await args.socials.listSocialPosts(
            { ...args.filters, ...(withRevenue.length ? { id: { $nin: withRevenue } } : {}) },
            { select: ["id"], skip, take, order: { created_at: "DESC" } }
          )
        ).map((p) => p.id)

  const { offset, limit } = args
  if (args.direction === "DESC") {
    const head = withRevenue.slice(offset, offset + limit)
    const tail = await others(Math.max(0, offset - withRevenue.length), limit - head.length)
    return { ids: [...head, ...tail], count }
  }
  const withoutRevenue = count - withRevenue.length
  const head = offset < withoutRevenue ? await others(offset, Math.min(limit, withoutRevenue - offset)) : []
  const rankedFrom = Math.max(0, offset - withoutRevenue)
  return { ids: [...head, ...withRevenue.slice(rankedFrom, rankedFrom + limit - head.length)], count }
}
