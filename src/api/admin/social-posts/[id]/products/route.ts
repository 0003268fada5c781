import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { linkSocialPostProductsWorkflow } from "../../../../../workflows/link-social-post-products"
import { AdminUpdateSocialPostProductsType } from "./validators"

const PRODUCT_FIELDS = ["id", "title", "handle", "thumbnail", "status"]

async function listPostProducts(req: AuthenticatedMedusaRequest<unknown>) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "social_post",
    fields: ["id", ...PRODUCT_FIELDS.map((f) => `products.${f}`)],
    filters: { id: req.params.id },
  })
  const post = data[0] as { products?: (Record<string, unknown> | null)[] } | undefined
  if (!post) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Social post with id: ${req.params.id} was not found`)
  }
  return (post.products ?? []).filter((p): p is Record<string, unknown> => Boolean(p))
}

/** The products this post promotes. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ products: await listPostProducts(req) })
}

/** `{ add?: [productId], remove?: [productId] }`; answers with the post's products after the change. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateSocialPostProductsType>, res: MedusaResponse) => {
  await linkSocialPostProductsWorkflow(req.scope).run({ input: { post_id: req.params.id, ...req.validatedBody } })
  res.json({ products: await listPostProducts(req) })
}
