import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resolveSocials } from "../../../../../workflows/steps/resolve-socials"
import { addDays, followerChange } from "../../../../utils/reports/follower-change"
import { AdminListAccountSnapshotsQueryType } from "./validators"
import type { AccountSnapshotsResponse, Wire } from "../../../../../types/api"

const CHANGE_WINDOWS = [7, 30, 90]

/** The account's daily audience, oldest first, and the follower change over 7, 30 and 90 days. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListAccountSnapshotsQueryType>, res: MedusaResponse<Wire<AccountSnapshotsResponse>>) => {
  const socials = resolveSocials(req.scope)
  await socials.retrieveSocialPlatform(req.params.id, { select: ["id"] })
  const { days } = req.validatedQuery as AdminListAccountSnapshotsQueryType
  const today = new Date().toISOString().slice(0, 10)
  // Enough history for the longest change window too.
  const since = addDays(today, -Math.max(days, ...CHANGE_WINDOWS))
  const rows = await socials.listSocialAccountSnapshots(
    { platform_id: req.params.id, day: { $gte: since } },
    { order: { day: "ASC" }, take: null, select: ["day", "captured_at", "followers", "views", "reach"] }
  )
  const shownFrom = addDays(today, -days)
  res.json({
    snapshots: rows.filter((r) => r.day >= shownFrom),
    change: CHANGE_WINDOWS.map((n) => followerChange(rows, n)),
  })
}
