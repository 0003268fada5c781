import { z } from "@medusajs/framework/zod"
import type { CommentData, PlatformMetrics, PostInsightsPatch } from "../../insights/schema"
import { numberMetric, readInsightValues } from "../meta/graph-shapes"
import { toIsoDate } from "../shared/sync-result"

/** The media insights metrics (Threads Insights API, "Media Insights"). */
export const THREADS_METRICS = ["views", "likes", "replies", "reposts", "quotes", "shares"] as const

/** Fields read from `GET /{media-id}` and from replies. */
export const THREADS_MEDIA_FIELDS = ["id", "media_product_type", "media_type", "permalink", "shortcode", "text", "timestamp", "is_quote_post", "has_replies"]
export const THREADS_REPLY_FIELDS = ["id", "text", "username", "timestamp", "has_replies"]

export const threadsMediaSchema = z.looseObject({
  id: z.string(),
  media_product_type: z.string().optional(),
  media_type: z.string().optional(),
  /** Omitted on copyright-flagged posts. */
  permalink: z.string().optional(),
  shortcode: z.string().optional(),
  text: z.string().optional(),
  timestamp: z.string().optional(),
  is_quote_post: z.boolean().optional(),
  has_replies: z.boolean().optional(),
})
export type ThreadsMedia = z.infer<typeof threadsMediaSchema>

const threadsReplySchema = z.looseObject({
  id: z.string(),
  text: z.string().optional(),
  username: z.string().optional(),
  timestamp: z.string().optional(),
  has_replies: z.boolean().optional(),
})

/** What Threads stores beyond the shared fields: its own metrics under `threads_insights`. */
export type ThreadsInsightsPatch = PostInsightsPatch & { threads_insights?: PlatformMetrics }

/** `insights.data[]` → name → value (`values[0].value`, or `total_value.value`); a metric not answered stays absent. */
export function readThreadsMetrics(edge: unknown): PlatformMetrics {
  return readInsightValues(edge)
}

function sumOfPresent(values: (number | undefined)[]): number | undefined {
  const known = values.filter((v): v is number => v !== undefined)
  return known.length ? known.reduce((a, b) => a + b, 0) : undefined
}

/**
 * Threads media + insights → PostInsights fields: `likes`, `comments` = replies,
 * `shares` = reposts + quotes + shares, `impressions` = views (the rate's denominator;
 * Threads has no reach). A metric Threads did not answer stays absent, never 0.
 */
export function normalizeThreadsPost(media: ThreadsMedia | undefined, metrics: PlatformMetrics): ThreadsInsightsPatch {
  const patch: ThreadsInsightsPatch = {}
  if (media?.id) patch.platform_post_id = media.id
  if (media?.permalink) patch.permalink = media.permalink
  if (media?.media_type) patch.media_type = media.media_type
  if (media?.media_product_type) patch.media_product_type = media.media_product_type
  const likes = numberMetric(metrics, "likes")
  if (likes !== undefined) patch.likes = likes
  const replies = numberMetric(metrics, "replies")
  if (replies !== undefined) patch.comments = replies
  const shares = sumOfPresent(["reposts", "quotes", "shares"].map((m) => numberMetric(metrics, m)))
  if (shares !== undefined) patch.shares = shares
  const views = numberMetric(metrics, "views")
  if (views !== undefined) patch.impressions = views
  if (Object.keys(metrics).length) patch.threads_insights = metrics
  return patch
}

/** A reply → CommentData. Threads names the author only by username, so it is also the id. */
export function normalizeThreadsReply(raw: unknown): CommentData | undefined {
  const parsed = threadsReplySchema.safeParse(raw)
  if (!parsed.success) return undefined
  const r = parsed.data
  const created = toIsoDate(r.timestamp)
  if (!created) return undefined
  const comment: CommentData = { id: r.id, text: r.text ?? "", created_time: created }
  if (r.username) comment.from = { id: r.username, name: r.username }
  return comment
}
