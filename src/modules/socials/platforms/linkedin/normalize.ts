import { z } from "@medusajs/framework/zod"
import { roundTo2 } from "../../insights/engagement"
import type { CommentData, PlatformMetrics, PostInsightsPatch } from "../../insights/schema"
import { normalizeUrnKey } from "./urn"

export const shareStatisticsSchema = z.looseObject({
  impressionCount: z.number().optional(),
  uniqueImpressionsCount: z.number().optional(),
  // The docs' sample spells it with a trailing "s"; the schema without.
  uniqueImpressionsCounts: z.number().optional(),
  clickCount: z.number().optional(),
  likeCount: z.number().optional(),
  commentCount: z.number().optional(),
  shareCount: z.number().optional(),
  engagement: z.number().optional(),
  commentMentionsCount: z.number().optional(),
  shareMentionsCount: z.number().optional(),
})
export type ShareStatistics = z.infer<typeof shareStatisticsSchema>

export const shareStatisticsResponseSchema = z.looseObject({
  elements: z
    .array(
      z.looseObject({
        share: z.string().optional(),
        ugcPost: z.string().optional(),
        totalShareStatistics: shareStatisticsSchema.optional(),
      })
    )
    .default([]),
})

export const socialMetadataSchema = z.looseObject({
  reactionSummaries: z.record(z.string(), z.looseObject({ reactionType: z.string().optional(), count: z.number().optional() })).optional(),
  commentSummary: z.looseObject({ count: z.number().optional(), topLevelCount: z.number().optional() }).optional(),
  commentsState: z.string().optional(),
  entity: z.string().optional(),
})
export type SocialMetadata = z.infer<typeof socialMetadataSchema>

export const batchResponseSchema = z.looseObject({
  results: z.record(z.string(), z.unknown()).default({}),
  errors: z.record(z.string(), z.looseObject({ status: z.number().optional(), message: z.string().optional() })).default({}),
})

export const commentsResponseSchema = z.looseObject({
  elements: z.array(z.unknown()).default([]),
  paging: z.looseObject({ start: z.number().optional(), count: z.number().optional(), total: z.number().optional() }).optional(),
})

const commentSchema = z.looseObject({
  id: z.string().optional(),
  commentUrn: z.string().optional(),
  actor: z.string().optional(),
  created: z.looseObject({ time: z.number().optional() }).optional(),
  message: z.looseObject({ text: z.string().optional() }).optional(),
  likesSummary: z.looseObject({ totalLikes: z.number().optional(), aggregatedTotalLikes: z.number().optional() }).optional(),
  commentsSummary: z.looseObject({ aggregatedTotalComments: z.number().optional() }).optional(),
})

export const videoAnalyticsSchema = z.looseObject({ elements: z.array(z.looseObject({ value: z.number().optional() })).default([]) })

/** Re-keys a BATCH_GET map by decoded URN. */
export function byDecodedKey<T>(map: Record<string, T>): Map<string, T> {
  return new Map(Object.entries(map).map(([k, v]) => [normalizeUrnKey(k), v]))
}

export function normalizeLinkedInComment(raw: unknown): CommentData | undefined {
  const parsed = commentSchema.safeParse(raw)
  if (!parsed.success) return undefined
  const c = parsed.data
  const id = c.id ?? c.commentUrn
  const time = c.created?.time
  if (!id || time === undefined) return undefined
  const comment: CommentData = { id, text: c.message?.text ?? "", created_time: new Date(time).toISOString() }
  // LinkedIn gives the actor URN only; resolving names would cost a profile call per commenter.
  if (c.actor) comment.from = { id: c.actor, name: c.actor }
  const likes = c.likesSummary?.totalLikes ?? c.likesSummary?.aggregatedTotalLikes
  if (likes !== undefined) comment.like_count = Math.max(0, likes)
  if (c.commentsSummary?.aggregatedTotalComments !== undefined) comment.reply_count = c.commentsSummary.aggregatedTotalComments
  return comment
}

export interface LinkedInSections {
  /** undefined: the statistics call failed; null: answered without an element (zero activity). */
  statistics?: ShareStatistics | null
  metadata?: SocialMetadata
  video?: { views?: number; timeWatchedMs?: number }
}

/**
 * LinkedIn post → PostInsights fields. likes = all reactions (socialMetadata),
 * falling back to share statistics' likeCount; impressions / reach =
 * impressionCount / uniqueImpressionsCount; a post missing from share statistics
 * had zero activity. Fields of a failed section are left out, never zeroed.
 */
export function normalizeLinkedInPost(urn: string, sections: LinkedInSections): PostInsightsPatch {
  const patch: PostInsightsPatch = { platform_post_id: urn }
  const metrics: PlatformMetrics = {}

  if (sections.statistics !== undefined) {
    const s = sections.statistics ?? {}
    const reach = s.uniqueImpressionsCount ?? s.uniqueImpressionsCounts
    patch.impressions = s.impressionCount ?? 0
    patch.reach = reach ?? 0
    patch.shares = s.shareCount ?? 0
    patch.likes = s.likeCount ?? 0
    patch.comments = s.commentCount ?? 0
    Object.assign(metrics, {
      impressionCount: s.impressionCount ?? 0,
      uniqueImpressionsCount: reach ?? 0,
      clickCount: s.clickCount ?? 0,
      likeCount: s.likeCount ?? 0,
      commentCount: s.commentCount ?? 0,
      shareCount: s.shareCount ?? 0,
      engagement: s.engagement ?? 0,
    })
    if (s.commentMentionsCount !== undefined) metrics.commentMentionsCount = s.commentMentionsCount
    if (s.shareMentionsCount !== undefined) metrics.shareMentionsCount = s.shareMentionsCount
  }

  if (sections.metadata) {
    const reactions: Record<string, number> = {}
    for (const [type, summary] of Object.entries(sections.metadata.reactionSummaries ?? {})) {
      reactions[(summary.reactionType ?? type).toLowerCase()] = summary.count ?? 0
    }
    reactions.total = Object.values(reactions).reduce((s, n) => s + n, 0)
    patch.reactions = reactions
    patch.likes = reactions.total
    const count = sections.metadata.commentSummary?.count
    if (count !== undefined) patch.comments = count
  }

  if (sections.video) {
    const { views, timeWatchedMs } = sections.video
    if (views !== undefined) {
      patch.video_views = views
      metrics.VIDEO_VIEW = views
    }
    if (timeWatchedMs !== undefined) metrics.TIME_WATCHED = timeWatchedMs
    if (views && timeWatchedMs !== undefined) patch.avg_watch_time = roundTo2(timeWatchedMs / views / 1000)
  }

  if (Object.keys(metrics).length) patch.linkedin_insights = metrics
  return patch
}
