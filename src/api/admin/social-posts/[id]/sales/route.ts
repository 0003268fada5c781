import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SOCIAL_ATTRIBUTION_MODULE } from "../../../../../modules/social-attribution"
import type SocialAttributionModuleService from "../../../../../modules/social-attribution/service"
import { linkClicksFromInsights } from "../../../../../modules/social-attribution/attribution/clicks"
import { summarizeSales } from "../../../../../modules/social-attribution/attribution/sales-summary"
import { resolveSocials } from "../../../../../workflows/steps/resolve-socials"
import type { AdminGetSocialPostSalesQueryType } from "./validators"
import type { SocialPostSalesResponse } from "../../../../../types/api"

/** Orders and net sales credited to the post, per currency, optionally within [from, to] (order placement time). */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetSocialPostSalesQueryType>,
  res: MedusaResponse<SocialPostSalesResponse>
) => {
  const { from, to } = req.validatedQuery as AdminGetSocialPostSalesQueryType
  // 404 for an unknown post; its stored insights hold the platform's click count.
  const post = await resolveSocials(req.scope).retrieveSocialPost(req.params.id, { select: ["id", "insights"] })
  const attribution = req.scope.resolve<SocialAttributionModuleService>(SOCIAL_ATTRIBUTION_MODULE)
  const rows = await attribution.aggregateSales(post.id, { from, to })
  res.json({ sales: summarizeSales(rows, linkClicksFromInsights(post.insights), attribution.estimatedWindowMs !== null) })
}
