import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateSocialPlatformWorkflow } from "../../../../workflows/update-social-platform"
import { deleteSocialPlatformsWorkflow } from "../../../../workflows/delete-social-platforms"
import { resolveSocials } from "../../../../workflows/steps/resolve-socials"
import { toPublicPlatform } from "../../../utils/serialize"
import { AdminUpdateSocialPlatformType } from "../validators"
import type { DeleteResponse, SocialPlatformResponse, Wire } from "../../../../types/api"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<Wire<SocialPlatformResponse>>) => {
  const platform = await resolveSocials(req.scope).retrieveSocialPlatform(req.params.id)
  res.json({ social_platform: toPublicPlatform(platform) })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateSocialPlatformType>, res: MedusaResponse<Wire<SocialPlatformResponse>>) => {
  // Retrieve first so an unknown id is a 404, not an update of nothing.
  await resolveSocials(req.scope).retrieveSocialPlatform(req.params.id)
  const { result } = await updateSocialPlatformWorkflow(req.scope).run({
    input: { ...req.validatedBody, id: req.params.id },
  })
  res.json({ social_platform: toPublicPlatform(result) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<DeleteResponse>) => {
  await resolveSocials(req.scope).retrieveSocialPlatform(req.params.id)
  await deleteSocialPlatformsWorkflow(req.scope).run({ input: { ids: [req.params.id] } })
  res.json({ id: req.params.id, object: "social_platform", deleted: true })
}
