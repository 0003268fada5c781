import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createSocialPlatformWorkflow } from "../../../workflows/create-social-platform"
import { resolveSocials } from "../../../workflows/steps/resolve-socials"
import { toPublicPlatform } from "../../utils/serialize"
import { parseOrder } from "../../utils/parse-order"
import { AdminCreateSocialPlatformType, AdminListSocialPlatformsQueryType } from "./validators"
import type { SocialPlatformListResponse, SocialPlatformResponse, Wire } from "../../../types/api"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminListSocialPlatformsQueryType>,
  res: MedusaResponse<Wire<SocialPlatformListResponse>>
) => {
  const { limit, offset, order, ...filters } = req.validatedQuery as AdminListSocialPlatformsQueryType
  const [platforms, count] = await resolveSocials(req.scope).listAndCountSocialPlatforms(filters, {
    skip: offset,
    take: limit,
    order: parseOrder(order, { created_at: "DESC" }),
  })
  res.json({ social_platforms: platforms.map(toPublicPlatform), count, offset, limit })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateSocialPlatformType>, res: MedusaResponse<Wire<SocialPlatformResponse>>) => {
  const { result } = await createSocialPlatformWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(201).json({ social_platform: toPublicPlatform(result) })
}
