import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resolveSocials } from "../../../../../workflows/steps/resolve-socials"
import { AdminListSnapshotsQueryType } from "../../validators"
import { keysetPages, rowsOf } from "../../../../utils/csv/keyset-pages"
import { sendCsv } from "../../../../utils/csv/csv-response"
import { ExportSnapshot, SNAPSHOT_COLUMNS } from "../../../../utils/csv/snapshot-columns"
import type { InsightsSnapshotsResponse, Wire } from "../../../../../types/api"

const CSV_PAGE_SIZE = 500

/** The post's metrics over time (one row per sync), oldest first, for the admin chart or as CSV. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListSnapshotsQueryType>, res: MedusaResponse<Wire<InsightsSnapshotsResponse>>) => {
  const socials = resolveSocials(req.scope)
  await socials.retrieveSocialPost(req.params.id)
  const { limit, format } = req.validatedQuery as AdminListSnapshotsQueryType
  const post_id = req.params.id
  if (format === "csv") {
    // Keyset on (synced_at, id): two syncs may share a timestamp.
    const pages = keysetPages<ExportSnapshot, ExportSnapshot>(
      (after, take) =>
        socials.listSocialPostInsightsSnapshots(
          after
            ? { post_id, $or: [{ synced_at: { $gt: after.synced_at } }, { synced_at: after.synced_at, id: { $gt: after.id } }] }
            : { post_id },
          { take, order: { synced_at: "ASC", id: "ASC" } }
        ) as Promise<ExportSnapshot[]>,
      (s) => s,
      CSV_PAGE_SIZE
    )
    return sendCsv(res, `social-post-${post_id}-snapshots.csv`, SNAPSHOT_COLUMNS, rowsOf(pages, async (page) => page))
  }
  // Newest `limit` rows, returned oldest first.
  const newest = await socials.listSocialPostInsightsSnapshots({ post_id }, { take: limit, order: { synced_at: "DESC" } })
  res.json({ snapshots: newest.reverse() })
}
