import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resolveSocials } from "../../../../../workflows/steps/resolve-socials"
import { AdminListSnapshotsQueryType } from "../../validators"

/** The post's metrics over time (one row per sync), oldest first, for the admin chart. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListSnapshotsQueryType>, res: MedusaResponse) => {
  const socials = resolveSocials(req.scope)
  await socials.retrieveSocialPost(req.params.id)
  const { limit } = req.validatedQuery as AdminListSnapshotsQueryType
  // Newest `limit` rows, returned oldest first.
  const newest = await socials.listSocialPostInsightsSnapshots(
    { post_id: req.params.id },
    { take: limit, order: { synced_at: "DESC" } }
  )
  res.json({ snapshots: newest.reverse() })
}
