import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { syncAllPostInsightsWorkflow } from "../../../../workflows/sync-all-post-insights"
import { resolveSocials } from "../../../../workflows/steps/resolve-socials"
import { AdminSyncAllInsightsParamsType, SYNC_ALL_DEFAULT_LIMIT } from "../validators"
import type { SyncAllInsightsResponse } from "../../../../types/api"

/** Bulk sync of posted posts (one platform or all); the spec's summary response. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminSyncAllInsightsParamsType, AdminSyncAllInsightsParamsType>,
  res: MedusaResponse<SyncAllInsightsResponse>
) => {
  const params = { ...(req.validatedQuery as AdminSyncAllInsightsParamsType), ...(req.validatedBody ?? {}) }
  if (params.platform_id) {
    const [platform] = await resolveSocials(req.scope).listSocialPlatforms({ id: params.platform_id }, { take: 1 })
    if (!platform) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `platform_id: no social platform with id '${params.platform_id}'`)
    }
  }
  const { result } = await syncAllPostInsightsWorkflow(req.scope).run({
    input: { platform_id: params.platform_id, limit: params.limit ?? SYNC_ALL_DEFAULT_LIMIT, force: params.force },
  })
  // The keyset cursor is for the scheduled job's paging, not part of the response.
  const { next_cursor: _cursor, ...summary } = result
  res.json(summary)
}
