/** Aggregates read by the admin. Parameters are bound (knex `?`), never spliced into the text. */

export type SalesAggregateRow = {
  currency_code: string
  orders: number
  canceled: number
  total: string
  units: number
  link_orders: number
  link_total: string
  promotion_orders: number
  promotion_total: string
  estimated_orders: number
  estimated_total: string
}

/** "estimated" rows are never mixed into orders, canceled or revenue: they have their own columns. */
const counted = "source <> 'estimated'"
const live = `canceled_at is null and ${counted}`

/** Bindings: post id, from, from, to, to. */
export const SALES_BY_CURRENCY = `
  select currency_code,
    count(*) filter (where ${live})::int as orders,
    count(*) filter (where canceled_at is not null and ${counted})::int as canceled,
    coalesce(sum(net_total) filter (where ${live}), 0)::text as total,
    coalesce(sum(units) filter (where ${live}), 0)::int as units,
    count(*) filter (where ${live} and source = 'link')::int as link_orders,
    coalesce(sum(net_total) filter (where ${live} and source = 'link'), 0)::text as link_total,
    count(*) filter (where ${live} and source = 'promotion')::int as promotion_orders,
    coalesce(sum(net_total) filter (where ${live} and source = 'promotion'), 0)::text as promotion_total,
    count(*) filter (where canceled_at is null and source = 'estimated')::int as estimated_orders,
    coalesce(sum(net_total) filter (where canceled_at is null and source = 'estimated'), 0)::text as estimated_total
  from social_attribution
  where deleted_at is null and social_post_id = ?
    and (cast(? as timestamptz) is null or placed_at >= ?)
    and (cast(? as timestamptz) is null or placed_at <= ?)
  group by currency_code
  order by currency_code`

export type RevenueByPostRow = { social_post_id: string; currency_code: string; orders: number; total: string }

/** Bindings: post ids JSON (or null for all), same, currency (or null), same. Highest revenue first. */
export const REVENUE_BY_POST = `
  select social_post_id, currency_code,
    count(*) filter (where ${live})::int as orders,
    coalesce(sum(net_total) filter (where ${live}), 0)::text as total
  from social_attribution
  where deleted_at is null and ${counted}
    and (cast(? as jsonb) is null or social_post_id in (select jsonb_array_elements_text(cast(? as jsonb))))
    and (cast(? as text) is null or currency_code = ?)
  group by social_post_id, currency_code
  order by coalesce(sum(net_total) filter (where ${live}), 0) desc, social_post_id`

export type OrdersByPostRow = { social_post_id: string; orders: number }

/** Attributed orders (not canceled) per post, all currencies: counts add up, amounts would not. Most first. */
export const ORDERS_BY_POST = `
  select social_post_id, count(*) filter (where ${live})::int as orders
  from social_attribution
  where deleted_at is null and ${counted}
  group by social_post_id
  order by count(*) filter (where ${live}) desc, social_post_id`
