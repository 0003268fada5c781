import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readStoreTimeZone, writeStoreTimeZone } from "../../../utils/reports/store-timezone"
import type { AdminOverviewSettingsBodyType } from "../validators"
import type { OverviewSettingsResponse } from "../../../../types/api"

/** The reports' settings: `timezone` is the IANA zone the best time is read in (null: the admin uses the browser's). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<OverviewSettingsResponse>) => {
  res.json({ settings: { timezone: await readStoreTimeZone(req.scope) } })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminOverviewSettingsBodyType>, res: MedusaResponse<OverviewSettingsResponse>) => {
  const body = req.validatedBody as AdminOverviewSettingsBodyType
  res.json({ settings: { timezone: await writeStoreTimeZone(req.scope, body.timezone) } })
}
