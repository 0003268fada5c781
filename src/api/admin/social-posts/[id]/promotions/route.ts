import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { linkSocialPostPromotionsWorkflow } from "../../../../../workflows/attribution/link-social-post-promotions"
import type { AdminUpdateSocialPostPromotionsType } from "./validators"

const PROMOTION_FIELDS = ["id", "code", "status", "type", "application_method.type", "application_method.value"]

async function listPostPromotions(req: AuthenticatedMedusaRequest<unknown>) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "social_post",
    fields: ["id", ...PROMOTION_FIELDS.map((f) => `promotions.${f}`)],
    filters: { id: req.params.id },
  })
  const post = data[0] as { promotions?: (Record<string, unknown> | null)[] } | undefined
  if (!post) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Social post with id: ${req.params.id} was not found`)
  }
  return (post.promotions ?? []).filter((p): p is Record<string, unknown> => Boolean(p))
}

/** The promotion codes linked to this post. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ promotions: await listPostPromotions(req) })
}

/** `{ add?: [promotionId], remove?: [promotionId] }`; answers with the post's promotions after the change. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateSocialPostPromotionsType>, res: MedusaResponse) => {
  await linkSocialPostPromotionsWorkflow(req.scope).run({ input: { post_id: req.params.id, ...req.validatedBody } })
  res.json({ promotions: await listPostPromotions(req) })
}
