import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { salesForPosts } from "../../../../utils/social-post-sales"

import type { ProductSocialSalesResponse } from "../../../../../types/api"

/** For the product page: each post promoting this product, with the orders and revenue it brought. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<ProductSocialSalesResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "social_posts.id", "social_posts.name"],
    filters: { id: req.params.id },
  })
  const product = data[0] as { social_posts?: ({ id: string; name: string | null } | null)[] } | undefined
  if (!product) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id: ${req.params.id} was not found`)
  }
  const posts = (product.social_posts ?? []).filter((p): p is { id: string; name: string | null } => Boolean(p))
  const sales = await salesForPosts(req.scope, posts.map((p) => p.id))
  res.json({ social_posts: posts.map((p) => ({ id: p.id, name: p.name, sales: sales.get(p.id)! })) })
}
