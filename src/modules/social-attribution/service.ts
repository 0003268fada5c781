import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import type { Context } from "@medusajs/framework/types"
import { SocialAttribution } from "./models"
import { resolveEstimatedWindowMs, resolveWindowMs } from "./attribution/rules"
import type { AttributionRow } from "./attribution/rows"
import {
  ORDERS_BY_POST,
  OrdersByPostRow,
  REVENUE_BY_POST,
  RevenueByPostRow,
  SALES_BY_CURRENCY,
  SalesAggregateRow,
} from "./attribution/queries"

export type SocialAttributionModuleOptions = {
  /** Days between a tracked click and the order for the click to count (default 7). */
  attributionWindowDays?: number
  /** Opt-in "estimated" rule: orders of a post's linked products within this many days of its publication. Off by default. */
  estimatedAttributionDays?: number
  /** Days back the reconcile job recomputes (default 30). */
  reconcileDays?: number
  [key: string]: unknown
}

/**
 * Attribution rows (one per attributed order) and the aggregates the admin reads.
 * Writes go through `upsertAttributions`: one statement for a whole batch, keyed
 * by order id, so a re-delivered event or a reconcile pass updates instead of adding.
 */
class SocialAttributionModuleService extends MedusaService({ SocialAttribution }) {
  readonly windowMs: number
  /** Null unless the opt-in "estimated" rule is configured. */
  readonly estimatedWindowMs: number | null
  readonly moduleOptions: SocialAttributionModuleOptions

  constructor(container: Record<string, unknown>, options: SocialAttributionModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.moduleOptions = options
    // Fails the boot with a message naming the option.
    this.windowMs = resolveWindowMs(options.attributionWindowDays)
    this.estimatedWindowMs = resolveEstimatedWindowMs(options.estimatedAttributionDays)
  }

  /**
   * Inserts or updates rows by order id. The post, source and original total of
   * an existing row are kept (the decision taken when the order was placed
   * stands); amounts and cancellation follow the order.
   */
  @InjectTransactionManager()
  async upsertAttributions(rows: AttributionRow[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    if (!rows.length) {
      return
    }
    const manager = sharedContext.transactionManager as SqlEntityManager
    const payload = rows.map((row) => ({ id: generateEntityId(undefined, "socattr"), ...row }))
    await manager.execute(UPSERT_ATTRIBUTIONS, [JSON.stringify(payload)])
  }

  /** Per currency: orders, canceled, net sales, units and orders by source, for one post. */
  @InjectManager()
  async aggregateSales(
    postId: string,
    range: { from?: Date; to?: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<SalesAggregateRow[]> {
    const manager = sharedContext.manager as SqlEntityManager
    const from = range.from ?? null
    const to = range.to ?? null
    return manager.execute(SALES_BY_CURRENCY, [postId, from, from, to, to])
  }

  /** Orders and revenue per post and currency, for the given posts (or all when postIds is null). */
  @InjectManager()
  async revenueByPost(
    filter: { postIds?: string[]; currencyCode?: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RevenueByPostRow[]> {
    const manager = sharedContext.manager as SqlEntityManager
    const ids = filter.postIds ? JSON.stringify(filter.postIds) : null
    const currency = filter.currencyCode ?? null
    return manager.execute(REVENUE_BY_POST, [ids, ids, currency, currency])
  }

  /** Posts with attributed orders, most orders first (for `order=-orders`). */
  @InjectManager()
  async ordersByPost(@MedusaContext() sharedContext: Context = {}): Promise<OrdersByPostRow[]> {
    const manager = sharedContext.manager as SqlEntityManager
    return manager.execute(ORDERS_BY_POST)
  }
}

const bn = (column: string) => `${column} = excluded.${column}, raw_${column} = excluded.raw_${column}`

/** Amount columns travel as text and are stored as numeric plus Medusa's raw_* JSON. */
const UPSERT_ATTRIBUTIONS = `
  insert into social_attribution (
    id, order_id, social_post_id, source, platform, promotion_code, currency_code, placed_at, clicked_at,
    original_total, raw_original_total, net_total, raw_net_total, reduced_total, raw_reduced_total,
    linked_subtotal, raw_linked_subtotal, units, canceled_at
  )
  select id, order_id, social_post_id, source, platform, promotion_code, currency_code, placed_at, clicked_at,
    net_total::numeric, jsonb_build_object('value', net_total, 'precision', 20),
    net_total::numeric, jsonb_build_object('value', net_total, 'precision', 20),
    0, jsonb_build_object('value', '0', 'precision', 20),
    linked_subtotal::numeric, jsonb_build_object('value', linked_subtotal, 'precision', 20),
    units, canceled_at
  from jsonb_to_recordset(?::jsonb) as r(
    id text, order_id text, social_post_id text, source text, platform text, promotion_code text,
    currency_code text, placed_at timestamptz, clicked_at timestamptz, net_total text, linked_subtotal text,
    units integer, canceled_at timestamptz
  )
  on conflict (order_id) where deleted_at is null do update set
    ${bn("net_total")}, ${bn("linked_subtotal")},
    reduced_total = greatest(social_attribution.original_total - excluded.net_total, 0),
    raw_reduced_total = jsonb_build_object('value', greatest(social_attribution.original_total - excluded.net_total, 0)::text, 'precision', 20),
    units = excluded.units,
    canceled_at = coalesce(social_attribution.canceled_at, excluded.canceled_at),
    updated_at = now()`

export default SocialAttributionModuleService
