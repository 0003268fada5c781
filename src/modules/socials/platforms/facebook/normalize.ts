import { z } from "@medusajs/framework/zod"
import type { CommentData, PostInsightsPatch, SyncErrorDetail } from "../../insights/schema"
import { numberMetric, readInsightValues } from "../meta/graph-shapes"
import { toIsoDate } from "../shared/sync-result"
import type { SyncTarget } from "../types"
import { FACEBOOK_REACTION_TYPES } from "./client"

const summaryEdge = z.looseObject({ summary: z.looseObject({ total_count: z.number().optional() }).optional() })

const facebookPostSchema = z.looseObject({
  id: z.string().optional(),
  permalink_url: z.string().optional(),
  shares: z.looseObject({ count: z.number().optional() }).optional(),
  reactions: summaryEdge.optional(),
  comments: summaryEdge.optional(),
  insights: z.unknown().optional(),
})

const facebookCommentSchema = z.looseObject({
  id: z.string(),
  message: z.string().optional(),
  created_time: z.string().optional(),
  like_count: z.number().optional(),
  comment_count: z.number().optional(),
  from: z.looseObject({ id: z.string().optional(), name: z.string().optional() }).optional(),
})

export function normalizeFacebookComment(raw: unknown): CommentData | undefined {
  const parsed = facebookCommentSchema.safeParse(raw)
  if (!parsed.success) return undefined
  const c = parsed.data
  const created = toIsoDate(c.created_time)
  if (!created) return undefined
  const comment: CommentData = { id: c.id, text: c.message ?? "", created_time: created }
  // Without the MODERATE task Graph hides the author: leave it out rather than invent one.
  if (c.from?.id || c.from?.name) comment.from = { id: c.from.id ?? "", name: c.from.name ?? "" }
  if (c.like_count !== undefined) comment.like_count = c.like_count
  if (c.comment_count !== undefined) comment.reply_count = c.comment_count
  return comment
}

/** The insight names two types its own way ("sorry", "anger"); stored keys are always the spec's. */
const INSIGHT_REACTION_KEYS: Record<string, string> = { sorry: "sad", anger: "angry" }

function specReactionKeys(byType: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {}
  for (const [key, n] of Object.entries(byType)) {
    const name = INSIGHT_REACTION_KEYS[key.toLowerCase()] ?? key.toLowerCase()
    if (name !== "total") out[name] = (out[name] ?? 0) + n
  }
  return out
}

function summaryCount(body: Record<string, unknown>, key: string): number | undefined {
  const parsed = summaryEdge.safeParse(body[key])
  return parsed.success ? parsed.data.summary?.total_count : undefined
}

/**
 * Facebook post → PostInsights fields. `likes` is the reaction total (a LIKE is
 * one reaction type among seven); a missing `shares` field means 0 shares; FB
 * has no saves, so `saves` stays absent rather than 0.
 */
export function normalizeFacebookPost(body: Record<string, unknown>, target: SyncTarget): { patch: PostInsightsPatch; notices: SyncErrorDetail[] } {
  const parsed = facebookPostSchema.safeParse(body)
  const post = parsed.success ? parsed.data : {}
  const metrics = readInsightValues(post.insights)
  const patch: PostInsightsPatch = {}
  const hasBase = post.id !== undefined

  if (post.id) patch.platform_post_id = post.id
  if (post.permalink_url) patch.permalink = post.permalink_url
  if (target.mediaType) patch.media_type = target.mediaType

  const total = summaryCount(body, "reactions")
  const reactions: Record<string, number> = {}
  for (const type of FACEBOOK_REACTION_TYPES) {
    const n = summaryCount(body, `reactions_${type.toLowerCase()}`)
    if (n !== undefined) reactions[type.toLowerCase()] = n
  }
  const byType = metrics.post_reactions_by_type_total
  if (!Object.keys(reactions).length && byType && typeof byType === "object") Object.assign(reactions, specReactionKeys(byType))
  if (Object.keys(reactions).length || total !== undefined) {
    reactions.total = total ?? Object.values(reactions).reduce((s, n) => s + n, 0)
    patch.reactions = reactions
    patch.likes = reactions.total
  }

  const comments = summaryCount(body, "comments")
  if (comments !== undefined) patch.comments = comments
  // Only when the post itself answered: a failed base section must not turn shares into 0.
  if (hasBase) patch.shares = post.shares?.count ?? 0

  const impressions = numberMetric(metrics, "post_media_view")
  if (impressions !== undefined) patch.impressions = impressions
  const reach = numberMetric(metrics, "post_total_media_view_unique")
  if (reach !== undefined) patch.reach = reach
  const videoViews = numberMetric(metrics, "post_video_views")
  const isVideo = /video/i.test(target.mediaType ?? "")
  if (videoViews !== undefined && (isVideo || videoViews > 0)) patch.video_views = videoViews

  if (Object.keys(metrics).length) patch.facebook_insights = metrics
  return { patch, notices: [] }
}
