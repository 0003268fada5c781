import { CsvColumn, isoOrEmpty, numberOrEmpty } from "./csv-response"
import { SNAPSHOT_COUNT_METRICS, SNAPSHOT_RATE_METRIC } from "../../../modules/socials/insights/snapshot-metrics"

export type ExportSnapshot = { id: string; post_id: string; synced_at: Date | string } & Record<string, unknown>

const metric = (key: string) => (s: ExportSnapshot) => numberOrEmpty(s[key])

/** GET /admin/social-posts/:id/insights-snapshots?format=csv: one row per sync, oldest first. */
export const SNAPSHOT_COLUMNS: CsvColumn<ExportSnapshot>[] = [
  { header: "snapshot_id", value: (s) => s.id },
  { header: "post_id", value: (s) => s.post_id },
  { header: "synced_at", value: (s) => isoOrEmpty(s.synced_at) },
  ...SNAPSHOT_COUNT_METRICS.map((key) => ({
    header: key,
    value: metric(key),
  })),
  { header: "engagement_rate_percent", value: metric(SNAPSHOT_RATE_METRIC) },
]
