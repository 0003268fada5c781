import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { resolveSocials } from "../../../../../workflows/steps/resolve-socials"
import { monthOf } from "../../../../../modules/socials/x-spend/month"
import { xSpendSummary } from "../../../../../modules/socials/x-spend/summary"
import type { XSpendSummary } from "../../../../../types/api"

/** An X account's reads this UTC month, their estimated cost and the month-end projection at this pace. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<XSpendSummary>) => {
  const socials = resolveSocials(req.scope)
  const platform = await socials.retrieveSocialPlatform(req.params.id, { select: ["id", "provider"] })
  if (platform.provider !== "twitter") {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "X spend exists for X accounts only")
  }
  const now = Date.now()
  const reads = await socials.xReadCounters().reads(platform.id, monthOf(now))
  res.json(xSpendSummary(reads, socials.xSpend, now))
}
