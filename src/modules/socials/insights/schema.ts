import { z } from "@medusajs/framework/zod"
import {
  PLATFORM_BLOCK_NAMES,
  PLATFORM_POST_ID_FIELDS,
  SOCIAL_PLATFORMS,
  byPlatform,
  type PlatformBlockName,
  type PlatformPostIdField,
  type SocialPlatform,
} from "../platforms/catalog"

/**
 * The `insights` JSON stored on a social post. Field names are a contract with
 * existing API users (POST_INSIGHTS_SYNC.spec.md): renaming one breaks them, so
 * new data goes in new optional fields and `schema_version` is bumped only for a
 * breaking change.
 */
export const INSIGHTS_SCHEMA_VERSION = 1 as const

/** The platforms of the catalog (platforms/catalog.ts). */
export { SOCIAL_PLATFORMS, type SocialPlatform }
export const socialPlatformSchema = z.enum(SOCIAL_PLATFORMS)

export const SYNC_STATUSES = ["success", "partial", "failed"] as const
export const syncStatusSchema = z.enum(SYNC_STATUSES)
export type SyncStatus = z.infer<typeof syncStatusSchema>

/** Sections fail independently; the label is what users read before the colon in `sync_errors`. */
export const SYNC_SECTIONS = ["post", "account", "metrics", "insights", "reactions", "comments", "video"] as const
export const syncSectionSchema = z.enum(SYNC_SECTIONS)
export type SyncSection = z.infer<typeof syncSectionSchema>

export const SYNC_SECTION_LABELS: Record<SyncSection, string> = {
  post: "Post",
  account: "Account",
  metrics: "Metrics",
  insights: "Insights metrics",
  reactions: "Reactions",
  comments: "Comments",
  video: "Video metrics",
}

const count = z.number().finite()
const isoDate = z.string().refine((v) => !Number.isNaN(Date.parse(v)), "must be an ISO 8601 date")

export const commentDataSchema = z.object({
  id: z.string().min(1),
  text: z.string(),
  /** Absent when the platform hides the author (e.g. Facebook without the MODERATE task): never invented. */
  from: z.object({ id: z.string(), name: z.string() }).optional(),
  created_time: isoDate,
  like_count: z.number().int().nonnegative().optional(),
  reply_count: z.number().int().nonnegative().optional(),
  /** Set only on cross-posted posts, where comments of two platforms share one list. */
  platform: socialPlatformSchema.optional(),
})
export type CommentData = z.infer<typeof commentDataSchema>

export const syncErrorDetailSchema = z.object({
  section: syncSectionSchema,
  /** Machine code for the UI: rate_limit, permission, not_found, auth, metric_unavailable, ... */
  code: z.string(),
  /** Already in the spec's wording and free of tokens. */
  message: z.string(),
  /** ISO time after which a retry can succeed (rate limits). */
  retry_after: isoDate.optional(),
  /** "notice" entries explain degraded data (a retired metric, hidden likes) without failing the section. */
  severity: z.enum(["error", "notice"]).optional(),
  platform: socialPlatformSchema.optional(),
})
export type SyncErrorDetail = z.infer<typeof syncErrorDetailSchema>

/** A platform's own metric names and values; object-valued metrics (reactions by type) stay nested. */
export const platformMetricsSchema = z.record(z.string(), z.union([count, z.record(z.string(), count)]))
export type PlatformMetrics = z.infer<typeof platformMetricsSchema>

/** Reaction counts by lower-cased type plus `total` (Facebook: like, love, ...; LinkedIn: like, praise, ...). */
export const reactionsSchema = z.record(z.string(), count)

const coreMetricsShape = {
  platform_post_id: z.string().optional(),
  permalink: z.string().optional(),
  media_type: z.string().optional(),
  /** Instagram FEED / REELS / STORY: decides which insights metrics exist; worth storing for the next sync. */
  media_product_type: z.string().optional(),
  likes: count.optional(),
  comments: count.optional(),
  shares: count.optional(),
  saves: count.optional(),
  impressions: count.optional(),
  reach: count.optional(),
  engagement: count.optional(),
  /** null when the platform reported neither reach nor impressions: unknown, never 0 %. */
  engagement_rate: count.nullable().optional(),
  video_views: count.optional(),
  /** Seconds. */
  avg_watch_time: count.optional(),
  complete_views: count.optional(),
  reactions: reactionsSchema.optional(),
}

/** One platform's numbers inside a cross-posted post (Facebook + Instagram). */
export const platformEntrySchema = z.object({
  ...coreMetricsShape,
  last_synced_at: isoDate.optional(),
  sync_status: syncStatusSchema.optional(),
  sync_errors: z.array(z.string()).optional(),
})
export type PlatformEntry = z.infer<typeof platformEntrySchema>

/** One entry per platform of the catalog: its raw metrics block, and the id written at publish time. */
const blockShape = Object.fromEntries(PLATFORM_BLOCK_NAMES.map((name) => [name, platformMetricsSchema.optional()])) as {
  [K in PlatformBlockName]: z.ZodOptional<typeof platformMetricsSchema>
}
const publishIdShape = Object.fromEntries(PLATFORM_POST_ID_FIELDS.map((name) => [name, z.string().optional()])) as {
  [K in PlatformPostIdField]: z.ZodOptional<z.ZodString>
}

const postInsightsShape = {
  schema_version: z.literal(INSIGHTS_SCHEMA_VERSION),
  platform: socialPlatformSchema,
  ...coreMetricsShape,
  ...blockShape,
  comments_data: z.array(commentDataSchema).optional(),
  /** Cross-posted posts only: each platform's own numbers; the top level holds their sums. */
  by_platform: z.partialRecord(socialPlatformSchema, platformEntrySchema).optional(),
  last_synced_at: isoDate.optional(),
  sync_status: syncStatusSchema.optional(),
  /** "Section: Message", as the spec shows them. */
  sync_errors: z.array(z.string()).optional(),
  sync_error_details: z.array(syncErrorDetailSchema).optional(),
  // Written at publish time and never touched by a sync.
  ...publishIdShape,
}

/** Loose: keys written by other code (publish flow, older versions) survive a sync untouched. */
export const postInsightsSchema = z.looseObject(postInsightsShape)
const postInsightsKnown = z.object(postInsightsShape)
/** The known fields; unknown keys are kept at runtime by the loose schema. */
export type PostInsights = z.infer<typeof postInsightsKnown>

/** What a platform sync produces before it is merged with the stored blob. */
export type PostInsightsPatch = Partial<Omit<PostInsights, "schema_version">>

export const PUBLISH_ID_FIELDS: readonly PlatformPostIdField[] = PLATFORM_POST_ID_FIELDS

export const PLATFORM_METRICS_FIELD: Record<SocialPlatform, PlatformBlockName> = byPlatform((p) => p.blockName)

/** Validate before persisting; throws a zod error naming the offending field. */
export function validatePostInsights(value: unknown): PostInsights {
  return postInsightsSchema.parse(value)
}

/**
 * Reads whatever is stored (a publish-time blob with only ids, a pre-versioning
 * blob, or a current one) without throwing: fields that fail their own schema are
 * dropped one by one so a single bad value never costs the rest of the history.
 */
export function readStoredInsights(raw: unknown, fallbackPlatform: SocialPlatform): PostInsights {
  const base: Record<string, unknown> = raw && typeof raw === "object" && !Array.isArray(raw) ? { ...(raw as Record<string, unknown>) } : {}
  const candidate = { ...base, schema_version: INSIGHTS_SCHEMA_VERSION, platform: base.platform ?? fallbackPlatform }
  const whole = postInsightsSchema.safeParse(candidate)
  if (whole.success) return whole.data

  const shape = postInsightsShape
  const kept: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(candidate)) {
    const fieldSchema = (shape as Record<string, z.ZodType | undefined>)[key]
    if (!fieldSchema) {
      kept[key] = value
      continue
    }
    const field = fieldSchema.safeParse(value)
    if (field.success) kept[key] = field.data
    else if (key === "comments_data" && Array.isArray(value)) {
      kept[key] = value.flatMap((c) => {
        const one = commentDataSchema.safeParse(c)
        return one.success ? [one.data] : []
      })
    }
  }
  if (!socialPlatformSchema.safeParse(kept.platform).success) kept.platform = fallbackPlatform
  return postInsightsSchema.parse(kept)
}
