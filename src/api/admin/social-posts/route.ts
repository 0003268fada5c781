import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createSocialPostWorkflow } from "../../../workflows/create-social-post"
import { resolveSocials } from "../../../workflows/steps/resolve-socials"
import { toPublicPost } from "../../utils/serialize"
import { parseOrder } from "../../utils/parse-order"
import { AdminCreateSocialPostType, AdminListSocialPostsQueryType } from "./validators"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminListSocialPostsQueryType>,
  res: MedusaResponse
) => {
  const { limit, offset, order, platform_id, ...filters } = req.validatedQuery as AdminListSocialPostsQueryType
  const [posts, count] = await resolveSocials(req.scope).listAndCountSocialPosts(
    { ...filters, ...(platform_id ? { platform_id } : {}) },
    { skip: offset, take: limit, order: parseOrder(order, { created_at: "DESC" }), relations: ["platform"] }
  )
  res.json({ social_posts: posts.map(toPublicPost), count, offset, limit })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateSocialPostType>, res: MedusaResponse) => {
  const { result } = await createSocialPostWorkflow(req.scope).run({ input: req.validatedBody })
  const post = await resolveSocials(req.scope).retrieveSocialPost(result.id, { relations: ["platform"] })
  res.status(201).json({ social_post: toPublicPost(post) })
}
