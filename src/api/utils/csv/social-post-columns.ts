import type { ExportSales } from "./export-sales"
import { CsvColumn, isoOrEmpty, numberOrEmpty } from "./csv-response"
import { PLATFORM_POST_ID_FIELDS } from "../../../modules/socials/platforms/catalog"

type InsightsBlob = Record<string, unknown> | null | undefined

/** A post as the export reads it: the columns of social_post, its platform, and its sales when attribution is installed. */
export type ExportPost = {
  id: string
  name?: string | null
  status?: string | null
  post_url?: string | null
  posted_at?: Date | string | null
  insights?: InsightsBlob
  insights_synced_at?: Date | string | null
  insights_sync_status?: string | null
  platform?: { id: string; name?: string | null; provider?: string | null; account_id?: string | null } | null
  sales?: ExportSales
}

const metric = (key: string) => (p: ExportPost) => numberOrEmpty(p.insights?.[key])
const text = (value: unknown) => (typeof value === "string" ? value : undefined)

/** The platform's own id of the post: the synced one, else the id written at publish time. */
function platformPostId(insights: InsightsBlob): string | undefined {
  if (!insights) return undefined
  return text(insights.platform_post_id) ?? PLATFORM_POST_ID_FIELDS.map((field) => text(insights[field])).find((id) => id !== undefined)
}

/** The documented columns of GET /admin/social-posts/export (docs/reports.md), in order. */
export const SOCIAL_POST_COLUMNS: CsvColumn<ExportPost>[] = [
  { header: "post_id", value: (p) => p.id },
  { header: "platform_post_id", value: (p) => platformPostId(p.insights) },
  { header: "platform", value: (p) => p.platform?.provider ?? undefined },
  { header: "account_id", value: (p) => p.platform?.id },
  { header: "account_name", value: (p) => p.platform?.name ?? undefined },
  { header: "name", value: (p) => p.name ?? undefined },
  { header: "status", value: (p) => p.status ?? undefined },
  { header: "published_at", value: (p) => isoOrEmpty(p.posted_at) },
  { header: "permalink", value: (p) => text(p.insights?.permalink) ?? p.post_url ?? undefined },
  { header: "likes", value: metric("likes") },
  { header: "comments", value: metric("comments") },
  { header: "shares", value: metric("shares") },
  { header: "saves", value: metric("saves") },
  { header: "impressions", value: metric("impressions") },
  { header: "reach", value: metric("reach") },
  { header: "video_views", value: metric("video_views") },
  { header: "avg_watch_time_seconds", value: metric("avg_watch_time") },
  { header: "engagement", value: metric("engagement") },
  { header: "engagement_rate_percent", value: metric("engagement_rate") },
  { header: "last_synced_at", value: (p) => isoOrEmpty(p.insights_synced_at) },
  { header: "sync_status", value: (p) => p.insights_sync_status ?? undefined },
]

/** `orders` and one `revenue_<currency>` column per currency that has attributed orders (never summed across currencies). */
export function salesColumns(currencies: string[]): CsvColumn<ExportPost>[] {
  return [
    { header: "orders", value: (p) => p.sales?.orders },
    ...currencies.map((code) => ({
      header: `revenue_${code}`,
      value: (p: ExportPost) => (p.sales ? (p.sales.revenue.find((r) => r.currency_code === code)?.total ?? 0) : undefined),
    })),
  ]
}
