import { z } from "@medusajs/framework/zod"
import { AdminListSocialPostsQuery } from "../validators"

const list = AdminListSocialPostsQuery.shape
const isoDate = (field: string) =>
  z.string().datetime({ offset: true, message: `${field} must be an ISO 8601 date-time (e.g. 2026-01-31T00:00:00Z)` })

/** The list's filters (same validators) plus the published-at window; no paging: the export is every match. */
export const AdminExportSocialPostsQuery = z
  .object({
    format: z.enum(["csv"], { message: "format must be csv" }).default("csv"),
    platform_id: list.platform_id,
    status: list.status,
    q: list.q,
    /** posted_at >= published_from (inclusive). */
    published_from: isoDate("published_from").optional(),
    /** posted_at < published_to (exclusive, so consecutive windows do not overlap). */
    published_to: isoDate("published_to").optional(),
  })
  .strict()
  .refine((q) => !q.published_from || !q.published_to || Date.parse(q.published_from) < Date.parse(q.published_to), {
    message: "published_from must be before published_to",
    path: ["published_to"],
  })
export type AdminExportSocialPostsQueryType = z.infer<typeof AdminExportSocialPostsQuery>
