import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SOCIAL_ATTRIBUTION_MODULE } from "../../../../../modules/social-attribution"
import type SocialAttributionModuleService from "../../../../../modules/social-attribution/service"
import type { OrderSocialAttributionResponse, Wire } from "../../../../../types/api"
import { resolveSocials } from "../../../../../workflows/steps/resolve-socials"

/** The post an order is credited to, for the order page widget; `attribution: null` when none. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<Wire<OrderSocialAttributionResponse>>) => {
  const [row] = await req.scope
    .resolve<SocialAttributionModuleService>(SOCIAL_ATTRIBUTION_MODULE)
    .listSocialAttributions({ order_id: req.params.id }, { take: 1 })
  if (!row) {
    res.json({ attribution: null })
    return
  }
  // A post deleted since keeps its orders' history; it just has no name to show.
  const [post] = await resolveSocials(req.scope).listSocialPosts({ id: row.social_post_id }, { select: ["id", "name"], take: 1 })
  res.json({
    attribution: {
      social_post: post ? { id: post.id, name: post.name ?? null } : null,
      source: row.source,
      platform: row.platform,
      promotion_code: row.promotion_code,
      currency_code: row.currency_code,
      net_total: Number(row.net_total),
      canceled_at: row.canceled_at,
      clicked_at: row.clicked_at,
    },
  })
}
