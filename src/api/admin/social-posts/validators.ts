import { z } from "@medusajs/framework/zod"
import { SOCIAL_MEDIA_TYPES, SOCIAL_POST_STATUSES } from "../../../modules/socials/models/social-post"
import { PLATFORM_CATALOG, type PlatformPostIdField } from "../../../modules/socials/platforms/catalog"

const isoDate = (field: string) =>
  z.string().datetime({ offset: true, message: `${field} must be an ISO 8601 date-time` })
const platformPostId = z.string().trim().min(1).max(200)

/** Only the platform post ids can be written by an admin (each in its platform's format); metrics come from a sync. */
export const PostInsightsIdsBody = z
  .object(
    Object.fromEntries(PLATFORM_CATALOG.map((p) => [p.postIdField, platformPostId.regex(p.postIdPattern, p.postIdMessage).nullish()])) as Record<
      PlatformPostIdField,
      z.ZodOptional<z.ZodNullable<z.ZodString>>
    >
  )
  .strict()

const PostFields = {
  platform_id: z.string().trim().min(1).max(100),
  name: z.string().trim().max(300).nullish(),
  caption: z.string().max(10_000).nullish(),
  status: z.enum(SOCIAL_POST_STATUSES).optional(),
  // http(s) only: the admin renders it as a link, and javascript: / data: URLs would run on click.
  post_url: z.url({ protocol: /^https?$/, message: "post_url must be a valid http(s) URL" }).max(2048).nullish(),
  posted_at: isoDate("posted_at").nullish(),
  media_type: z.enum(SOCIAL_MEDIA_TYPES).nullish(),
  media_attachments: z.array(z.record(z.string(), z.unknown())).max(50).nullish(),
  insights: PostInsightsIdsBody.optional(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
}

export const AdminCreateSocialPost = z.object(PostFields).strict()
export type AdminCreateSocialPostType = z.infer<typeof AdminCreateSocialPost>

export const AdminUpdateSocialPost = z
  .object({ ...PostFields, platform_id: PostFields.platform_id.optional() })
  .strict()
export type AdminUpdateSocialPostType = z.infer<typeof AdminUpdateSocialPost>

export const AdminListSocialPostsQuery = z
  .object({
    platform_id: z.string().trim().min(1).max(100).optional(),
    status: z.enum(SOCIAL_POST_STATUSES).optional(),
    q: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(20),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    order: z
      .string()
      .regex(
        /^-?(created_at|updated_at|posted_at|name|status|insights_synced_at|next_sync_at|revenue|orders)$/,
        "order must be one of created_at, updated_at, posted_at, name, status, insights_synced_at, next_sync_at, revenue, orders, optionally prefixed with -"
      )
      .optional(),
    /** The currency `order=revenue` ranks in (revenue is never summed across currencies). */
    currency_code: z
      .string()
      .regex(/^[a-zA-Z]{3}$/, "currency_code must be a 3-letter ISO 4217 code")
      .transform((c) => c.toLowerCase())
      .optional(),
  })
  .strict()
  .refine((q) => !q.order?.endsWith("revenue") || q.currency_code, {
    message: "order=revenue needs currency_code (revenue is ranked within one currency)",
    path: ["currency_code"],
  })
export type AdminListSocialPostsQueryType = z.infer<typeof AdminListSocialPostsQuery>

export const AdminGetSocialPostQuery = z.object({}).strict()

const booleanish = z
  .union([z.boolean(), z.enum(["true", "false", "1", "0"])])
  .transform((v) => v === true || v === "true" || v === "1")

export const AdminSyncPostInsightsQuery = z.object({ force: booleanish.optional() }).strict()
export type AdminSyncPostInsightsQueryType = z.infer<typeof AdminSyncPostInsightsQuery>

const syncAllLimit = z.coerce
  .number<string | number>({ message: "limit must be a number" })
  .int("limit must be an integer")
  .min(1, "limit must be at least 1")
  .max(500, "limit must be at most 500")
/** Accepted in the query string (the spec's form) and as a JSON body; the body wins. */
const syncAllFields = {
  platform_id: z.string().trim().min(1).max(100).optional(),
  limit: syncAllLimit.optional(),
  force: booleanish.optional(),
}
export const AdminSyncAllInsightsParams = z.object(syncAllFields).strict()
export type AdminSyncAllInsightsParamsType = z.infer<typeof AdminSyncAllInsightsParams>
// In JSON, coercion would turn [1] or true into a number: only numbers and numeric strings.
export const AdminSyncAllInsightsBody = z
  .object({
    ...syncAllFields,
    limit: z.union([z.number(), z.string()], { message: "limit must be a number" }).pipe(syncAllLimit).optional(),
  })
  .strict()
export const SYNC_ALL_DEFAULT_LIMIT = 50

export const AdminListSnapshotsQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(1000).default(200),
    /** csv: the whole history as a file (limit does not apply); absent: JSON for the chart. */
    format: z.enum(["csv"], { message: "format must be csv" }).optional(),
  })
  .strict()
export type AdminListSnapshotsQueryType = z.infer<typeof AdminListSnapshotsQuery>
