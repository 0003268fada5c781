import { z } from "@medusajs/framework/zod"
import { roundTo2 } from "../../insights/engagement"
import type { CommentData, PostInsightsPatch, SyncErrorDetail } from "../../insights/schema"
import { numberMetric, readInsightValues } from "../meta/graph-shapes"
import { notice, toIsoDate } from "../shared/sync-result"

const instagramMediaSchema = z.looseObject({
  id: z.string().optional(),
  media_type: z.string().optional(),
  media_product_type: z.string().optional(),
  permalink: z.string().optional(),
  timestamp: z.string().optional(),
  like_count: z.number().optional(),
  comments_count: z.number().optional(),
  insights: z.unknown().optional(),
  comments: z.unknown().optional(),
})

const instagramCommentSchema = z.looseObject({
  id: z.string(),
  text: z.string().optional(),
  username: z.string().optional(),
  from: z.looseObject({ id: z.string().optional(), username: z.string().optional() }).optional(),
  timestamp: z.string().optional(),
  like_count: z.number().optional(),
  replies: z.looseObject({ data: z.array(z.unknown()) }).optional(),
})

export function normalizeInstagramComment(raw: unknown): CommentData | undefined {
  const parsed = instagramCommentSchema.safeParse(raw)
  if (!parsed.success) return undefined
  const c = parsed.data
  const created = toIsoDate(c.timestamp)
  if (!created) return undefined
  const name = c.from?.username ?? c.username
  const comment: CommentData = { id: c.id, text: c.text ?? "", created_time: created }
  if (name || c.from?.id) comment.from = { id: c.from?.id ?? name ?? "", name: name ?? "" }
  if (c.like_count !== undefined) comment.like_count = c.like_count
  if (c.replies) comment.reply_count = c.replies.data.length
  return comment
}

/**
 * Instagram media → PostInsights fields. `views` replaced impressions/plays in
 * v22, so it is stored as `impressions` (and `video_views` for video); reels
 * watch time comes in milliseconds and is stored in seconds.
 */
export function normalizeInstagramMedia(body: Record<string, unknown>): { patch: PostInsightsPatch; notices: SyncErrorDetail[] } {
  const parsed = instagramMediaSchema.safeParse(body)
  const media = parsed.success ? parsed.data : {}
  const metrics = readInsightValues(media.insights)
  const notices: SyncErrorDetail[] = []
  const patch: PostInsightsPatch = {}
  const hasBase = media.id !== undefined

  if (media.id) patch.platform_post_id = media.id
  if (media.permalink) patch.permalink = media.permalink
  if (media.media_type) patch.media_type = media.media_type
  if (media.media_product_type) patch.media_product_type = media.media_product_type

  // like_count is omitted when the owner hides likes; the `likes` insight still counts organic likes.
  const likes = media.like_count ?? numberMetric(metrics, "likes")
  if (likes !== undefined) patch.likes = likes
  else if (hasBase) notices.push(notice("metrics", "likes_hidden", "The owner hides like counts for this media; likes are not available", "instagram"))

  const comments = media.comments_count ?? numberMetric(metrics, "comments")
  if (comments !== undefined) patch.comments = comments
  const shares = numberMetric(metrics, "shares")
  if (shares !== undefined) patch.shares = shares
  const saves = numberMetric(metrics, "saved")
  if (saves !== undefined) patch.saves = saves
  const views = numberMetric(metrics, "views")
  if (views !== undefined) patch.impressions = views
  const reach = numberMetric(metrics, "reach")
  if (reach !== undefined) patch.reach = reach

  const isVideo = media.media_type === "VIDEO" || media.media_product_type === "REELS"
  if (isVideo && views !== undefined) patch.video_views = views
  const avgWatchMs = numberMetric(metrics, "ig_reels_avg_watch_time")
  if (avgWatchMs !== undefined) patch.avg_watch_time = roundTo2(avgWatchMs / 1000)

  if (Object.keys(metrics).length) patch.instagram_insights = metrics
  return { patch, notices }
}
