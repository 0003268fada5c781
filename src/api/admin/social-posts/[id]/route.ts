import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateSocialPostWorkflow } from "../../../../workflows/update-social-post"
import { deleteSocialPostsWorkflow } from "../../../../workflows/delete-social-posts"
import { resolveSocials } from "../../../../workflows/steps/resolve-socials"
import { toPublicPost } from "../../../utils/serialize"
import { AdminUpdateSocialPostType } from "../validators"
import type { DeleteResponse, SocialPostResponse, Wire } from "../../../../types/api"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<Wire<SocialPostResponse>>) => {
  const post = await resolveSocials(req.scope).retrieveSocialPost(req.params.id, { relations: ["platform"] })
  res.json({ social_post: toPublicPost(post) })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateSocialPostType>, res: MedusaResponse<Wire<SocialPostResponse>>) => {
  const socials = resolveSocials(req.scope)
  await socials.retrieveSocialPost(req.params.id)
  await updateSocialPostWorkflow(req.scope).run({ input: { ...req.validatedBody, id: req.params.id } })
  const post = await socials.retrieveSocialPost(req.params.id, { relations: ["platform"] })
  res.json({ social_post: toPublicPost(post) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<DeleteResponse>) => {
  await resolveSocials(req.scope).retrieveSocialPost(req.params.id)
  await deleteSocialPostsWorkflow(req.scope).run({ input: { ids: [req.params.id] } })
  res.json({ id: req.params.id, object: "social_post", deleted: true })
}
