import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { SOCIAL_ATTRIBUTION_MODULE } from "../../../modules/social-attribution"
import type SocialAttributionModuleService from "../../../modules/social-attribution/service"
import { periodPosts, periodTotals, type PeriodPostRow, type PeriodTotalsRow } from "./overview-queries"

import type { Money as Revenue, PeriodNumbers } from "../../../types/api"
export type { Revenue, PeriodNumbers }
type Range = { from: Date; to: Date }

const TOP = 5
const num = (v: string | null) => (v === null ? null : Number(v))
const add = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b)
const round2 = (v: number) => Math.round(v * 100) / 100

function numbers(rows: PeriodTotalsRow[]): PeriodNumbers {
  let engagement = 0
  let reach = 0
  const out: PeriodNumbers = { posts: 0, likes: null, comments: null, shares: null, views: null, engagement_rate: null }
  for (const r of rows) {
    out.posts += r.posts
    out.likes = add(out.likes, num(r.likes))
    out.comments = add(out.comments, num(r.comments))
    out.shares = add(out.shares, num(r.shares))
    out.views = add(out.views, num(r.views))
    engagement += num(r.rated_engagement) ?? 0
    reach += num(r.rated_reach) ?? 0
  }
  out.engagement_rate = reach > 0 ? round2((engagement / reach) * 100) : null
  return out
}

type Sales = Map<string, Revenue[]>

async function salesByPost(scope: MedusaContainer, posts: PeriodPostRow[]): Promise<Sales | undefined> {
  if (!scope.hasRegistration(SOCIAL_ATTRIBUTION_MODULE)) return undefined
  const out: Sales = new Map()
  if (!posts.length) return out
  const rows = await scope.resolve<SocialAttributionModuleService>(SOCIAL_ATTRIBUTION_MODULE).revenueByPost({ postIds: posts.map((p) => p.id) })
  for (const r of rows) {
    if (r.orders > 0) out.set(r.social_post_id, [...(out.get(r.social_post_id) ?? []), { currency_code: r.currency_code, total: Number(r.total) }])
  }
  return out
}

/** Revenue per currency of the given posts (never summed across currencies). */
function revenueOf(posts: PeriodPostRow[], sales: Sales): Revenue[] {
  const byCurrency = new Map<string, number>()
  for (const p of posts) for (const r of sales.get(p.id) ?? []) byCurrency.set(r.currency_code, (byCurrency.get(r.currency_code) ?? 0) + r.total)
  return [...byCurrency].sort(([a], [b]) => a.localeCompare(b)).map(([currency_code, total]) => ({ currency_code, total: round2(total) }))
}

async function periodReport(scope: MedusaContainer, knex: Knex, range: Range, provider: string | null) {
  const [rows, posts] = await Promise.all([periodTotals(knex, range.from, range.to, provider), periodPosts(knex, range.from, range.to, provider)])
  const sales = await salesByPost(scope, posts)
  const providers = [...new Set(rows.map((r) => r.provider))]
  const withRevenue = (n: PeriodNumbers, list: PeriodPostRow[]) => (sales ? { ...n, revenue: revenueOf(list, sales) } : n)
  return {
    total: withRevenue(numbers(rows), posts),
    byPlatform: new Map(providers.map((pr) => [pr, withRevenue(numbers(rows.filter((r) => r.provider === pr)), posts.filter((p) => p.provider === pr))])),
    posts,
    sales,
  }
}

const publicPost = (p: PeriodPostRow) => ({ id: p.id, name: p.name, platform: p.provider, posted_at: p.posted_at, engagement_rate: p.engagement_rate, reach: p.reach })

/** The overview of a period beside the previous period of the same length (docs/reports.md). */
export async function buildOverview(scope: MedusaContainer, range: Range & { previous: Range }, provider: string | null) {
  const knex = scope.resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Knex
  const [current, previous] = await Promise.all([periodReport(scope, knex, range, provider), periodReport(scope, knex, range.previous, provider)])
  const empty = numbers([])
  const providers = [...new Set([...current.byPlatform.keys(), ...previous.byPlatform.keys()])].sort()
  const zero = (sales: Sales | undefined) => (sales ? { ...empty, revenue: [] } : empty)
  const byRevenue = current.sales
    ? Object.fromEntries(
        revenueOf(current.posts, current.sales).map(({ currency_code }) => [
          currency_code,
          current.posts
            .map((p) => ({ post: p, total: current.sales!.get(p.id)?.find((r) => r.currency_code === currency_code)?.total ?? 0 }))
            .filter((x) => x.total > 0)
            .sort((a, b) => b.total - a.total || a.post.id.localeCompare(b.post.id))
            .slice(0, TOP)
            .map((x) => ({ ...publicPost(x.post), revenue: x.total })),
        ])
      )
    : undefined
  return {
    period: { from: range.from.toISOString(), to: range.to.toISOString() },
    previous_period: { from: range.previous.from.toISOString(), to: range.previous.to.toISOString() },
    total: { current: current.total, previous: previous.total },
    platforms: providers.map((platform) => ({
      platform,
      current: current.byPlatform.get(platform) ?? zero(current.sales),
      previous: previous.byPlatform.get(platform) ?? zero(previous.sales),
    })),
    top_posts: {
      by_engagement_rate: current.posts
        .filter((p) => p.engagement_rate !== null)
        .sort((a, b) => b.engagement_rate! - a.engagement_rate! || a.id.localeCompare(b.id))
        .slice(0, TOP)
        .map(publicPost),
      ...(byRevenue ? { by_revenue: byRevenue } : {}),
    },
  }
}
