import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { toPublicPost } from "../../../../utils/serialize"

type LinkedPost = Record<string, unknown> & { platform?: Record<string, unknown> | null; posted_at?: string | Date | null }

/** The social posts that promote a product, newest first, each with its (token-free) platform. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "social_posts.*", "social_posts.platform.*"],
    filters: { id: req.params.id },
  })
  const product = data[0] as { social_posts?: (LinkedPost | null)[] } | undefined
  if (!product) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id: ${req.params.id} was not found`)
  }
  const time = (p: LinkedPost) => (p.posted_at ? new Date(p.posted_at).getTime() : 0)
  const posts = (product.social_posts ?? []).filter((p): p is LinkedPost => Boolean(p)).sort((a, b) => time(b) - time(a))
  res.json({ social_posts: posts.map(toPublicPost) })
}
