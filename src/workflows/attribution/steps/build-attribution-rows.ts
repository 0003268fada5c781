import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SOCIAL_ATTRIBUTION_MODULE } from "../../../modules/social-attribution"
import type SocialAttributionModuleService from "../../../modules/social-attribution/service"
import {
  ATTRIBUTION_ORDER_FIELDS,
  buildAttributionRows,
  candidatePostIds,
  orderedProductIds,
  type ExistingAttribution,
  type OrderForAttribution,
  type PostForAttribution,
} from "../../../modules/social-attribution/attribution/build-rows"
import type { ProductPostCandidate } from "../../../modules/social-attribution/attribution/rules"

type ProductWithPosts = { id: string; social_posts?: ({ id: string; posted_at: string | Date | null; status: string } | null)[] | null }

/** Published posts per product, for the opt-in "estimated" rule (one query for the batch). */
async function loadProductPosts(
  query: { graph: (q: object) => Promise<{ data: unknown[] }> },
  productIds: string[]
): Promise<Map<string, ProductPostCandidate[]>> {
  if (!productIds.length) return new Map()
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "social_posts.id", "social_posts.posted_at", "social_posts.status"],
    filters: { id: productIds },
  })
  return new Map(
    (data as ProductWithPosts[]).map((p) => [
      p.id,
      (p.social_posts ?? []).flatMap((s) =>
        s?.posted_at && s.status === "posted" ? [{ post_id: s.id, posted_at: new Date(s.posted_at) }] : []
      ),
    ])
  )
}

export const BUILD_ATTRIBUTION_ROWS_STEP = "build-attribution-rows"

export type BuildAttributionRowsInput = { order_ids: string[] }

/**
 * Reads the orders, their existing attribution rows and the posts they could be
 * credited to, three reads for the whole batch whatever its size (four with the
 * opt-in "estimated" rule: the posts of the ordered products), and turns them
 * into rows. No platform call. Read-only, so nothing to compensate.
 */
export const buildAttributionRowsStep = createStep(
  BUILD_ATTRIBUTION_ROWS_STEP,
  async (input: BuildAttributionRowsInput, { container }) => {
    const orderIds = [...new Set(input.order_ids)]
    if (!orderIds.length) {
      return new StepResponse([])
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const attribution = container.resolve<SocialAttributionModuleService>(SOCIAL_ATTRIBUTION_MODULE)

    const { data: orders } = await query.graph({
      entity: "order",
      fields: ATTRIBUTION_ORDER_FIELDS,
      filters: { id: orderIds },
    })
    const rows = await attribution.listSocialAttributions(
      { order_id: orderIds },
      { select: ["order_id", "social_post_id", "source", "platform", "promotion_code", "clicked_at"], take: orderIds.length }
    )
    const existing: ExistingAttribution[] = rows.map((r) => ({
      order_id: r.order_id,
      post_id: r.social_post_id,
      source: r.source,
      platform: r.platform,
      promotion_code: r.promotion_code,
      clicked_at: r.clicked_at ? new Date(r.clicked_at) : null,
    }))

    // Off by default: no extra query unless the "estimated" rule is configured.
    const productPosts = attribution.estimatedWindowMs
      ? await loadProductPosts(query, orderedProductIds(orders as OrderForAttribution[]))
      : new Map<string, ProductPostCandidate[]>()
    const candidates = candidatePostIds(orders as OrderForAttribution[], existing, productPosts)
    const posts = candidates.length
      ? (await query.graph({ entity: "social_post", fields: ["id", "products.id"], filters: { id: candidates } })).data
      : []

    return new StepResponse(
      buildAttributionRows({
        orders: orders as OrderForAttribution[],
        posts: posts as PostForAttribution[],
        existing,
        windowMs: attribution.windowMs,
        productPosts,
        estimatedWindowMs: attribution.estimatedWindowMs,
      })
    )
  }
)
