import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { buildOverview } from "../../utils/reports/overview"
import { AdminSocialOverviewQueryType, resolvePeriod } from "./validators"
import type { SocialOverviewResponse, Wire } from "../../../types/api"

/** Totals per platform and overall for [from, to) and the previous period of the same length, and the top posts. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminSocialOverviewQueryType>, res: MedusaResponse<Wire<SocialOverviewResponse>>) => {
  const query = req.validatedQuery as AdminSocialOverviewQueryType
  res.json(await buildOverview(req.scope, resolvePeriod(query), query.platform ?? null))
}
