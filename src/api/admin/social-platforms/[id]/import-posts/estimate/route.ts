import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { estimateImport, type ImportEstimate } from "../../../../../../modules/socials/services/import-estimate"
import { monthOf } from "../../../../../../modules/socials/x-spend/month"
import { resolveSocials } from "../../../../../../workflows/steps/resolve-socials"
import type { AdminImportEstimateQueryType } from "../validators"

/** What `POST .../import-posts` with the same `limit` will read and cost (X bills each post), before the merchant confirms. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminImportEstimateQueryType>, res: MedusaResponse<ImportEstimate>) => {
  const socials = resolveSocials(req.scope)
  const platform = await socials.retrieveSocialPlatform(req.params.id, { select: ["id", "provider"] })
  const reads = platform.provider === "twitter" ? await socials.xReadCounters().reads(platform.id, monthOf(Date.now())) : 0
  res.json(estimateImport(platform.provider, req.validatedQuery.limit, socials.xSpend, reads))
}
