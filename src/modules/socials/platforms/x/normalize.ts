import { z } from "@medusajs/framework/zod"
import type { CommentData, PlatformMetrics, PostInsightsPatch } from "../../insights/schema"
import { toIsoDate } from "../shared/sync-result"

const metricsRecord = z.record(z.string(), z.number())

export const xTweetSchema = z.looseObject({
  id: z.string(),
  text: z.string().optional(),
  author_id: z.string().optional(),
  created_at: z.string().optional(),
  conversation_id: z.string().optional(),
  attachments: z.looseObject({ media_keys: z.array(z.string()).optional() }).optional(),
  public_metrics: metricsRecord.optional(),
  non_public_metrics: metricsRecord.optional(),
  organic_metrics: metricsRecord.optional(),
})
export type XTweet = z.infer<typeof xTweetSchema>

export const xMediaSchema = z.looseObject({
  media_key: z.string(),
  type: z.string().optional(),
  duration_ms: z.number().optional(),
  public_metrics: metricsRecord.optional(),
  non_public_metrics: metricsRecord.optional(),
  organic_metrics: metricsRecord.optional(),
})
export type XMedia = z.infer<typeof xMediaSchema>

export const xUserSchema = z.looseObject({ id: z.string(), name: z.string().optional(), username: z.string().optional() })
export type XUser = z.infer<typeof xUserSchema>

/** `GET /2/tweets` and search: data may be absent when every id failed (still HTTP 200). */
export const xTweetsResponseSchema = z.looseObject({
  data: z.array(z.unknown()).optional(),
  includes: z.looseObject({ media: z.array(z.unknown()).optional(), users: z.array(z.unknown()).optional() }).optional(),
  // Entries are read one by one (partial-errors.ts): one odd entry must not fail the whole answer.
  errors: z.array(z.unknown()).optional(),
  meta: z.looseObject({ next_token: z.string().optional(), result_count: z.number().optional() }).optional(),
})

function parseAll<T>(schema: z.ZodType<T>, items: unknown[] | undefined): T[] {
  return (items ?? []).flatMap((i) => {
    const r = schema.safeParse(i)
    return r.success ? [r.data] : []
  })
}

export const parseTweets = (items: unknown[] | undefined): XTweet[] => parseAll(xTweetSchema, items)
export const parseMedia = (items: unknown[] | undefined): XMedia[] => parseAll(xMediaSchema, items)
export const parseUsers = (items: unknown[] | undefined): XUser[] => parseAll(xUserSchema, items)

/**
 * A tweet → PostInsights fields. X has no reach and no saves; bookmarks are the
 * closest to saves, and shares are reposts + quotes. `retweet_count` may be
 * spelled `repost_count` in newer schemas. Video views are the media's
 * view_count; complete views are playback_100_count (private metrics only).
 */
export function normalizeTweet(tweet: XTweet, media: Map<string, XMedia>): PostInsightsPatch {
  const pub = tweet.public_metrics ?? {}
  const priv = tweet.non_public_metrics ?? {}
  const organic = tweet.organic_metrics ?? {}
  const reposts = pub.retweet_count ?? pub.repost_count
  const quotes = pub.quote_count
  const patch: PostInsightsPatch = { platform_post_id: tweet.id }

  if (pub.like_count !== undefined) patch.likes = pub.like_count
  if (pub.reply_count !== undefined) patch.comments = pub.reply_count
  if (reposts !== undefined || quotes !== undefined) patch.shares = (reposts ?? 0) + (quotes ?? 0)
  if (pub.bookmark_count !== undefined) patch.saves = pub.bookmark_count
  const impressions = pub.impression_count ?? priv.impression_count ?? organic.impression_count
  if (impressions !== undefined) patch.impressions = impressions

  const metrics: PlatformMetrics = { ...pub }
  for (const [k, v] of Object.entries(priv)) if (k !== "impression_count" || metrics[k] === undefined) metrics[k] = v
  for (const [k, v] of Object.entries(organic)) metrics[`organic_${k}`] = v

  const videos = (tweet.attachments?.media_keys ?? []).map((k) => media.get(k)).filter((m): m is XMedia => !!m && (m.type === "video" || m.type === "animated_gif"))
  if (videos.length) {
    patch.media_type = videos[0].type === "video" ? "video" : "animated_gif"
    const views = videos.map((m) => m.public_metrics?.view_count).filter((n): n is number => n !== undefined)
    if (views.length) patch.video_views = views.reduce((s, n) => s + n, 0)
    const complete = videos.map((m) => m.non_public_metrics?.playback_100_count ?? m.organic_metrics?.playback_100_count).filter((n): n is number => n !== undefined)
    if (complete.length) patch.complete_views = complete.reduce((s, n) => s + n, 0)
    for (const m of videos) {
      for (const [k, v] of Object.entries({ ...m.public_metrics, ...m.non_public_metrics })) {
        const key = k === "view_count" ? "video_view_count" : k
        metrics[key] = (typeof metrics[key] === "number" ? (metrics[key] as number) : 0) + v
      }
    }
  } else if (tweet.attachments?.media_keys?.length) {
    patch.media_type = "photo"
  }
  patch.twitter_insights = metrics
  return patch
}

export function normalizeReply(tweet: XTweet, users: Map<string, XUser>): CommentData | undefined {
  const created = toIsoDate(tweet.created_at)
  if (!created) return undefined
  const comment: CommentData = { id: tweet.id, text: tweet.text ?? "", created_time: created }
  if (tweet.author_id) {
    const user = users.get(tweet.author_id)
    comment.from = { id: tweet.author_id, name: user?.username ?? user?.name ?? tweet.author_id }
  }
  if (tweet.public_metrics?.like_count !== undefined) comment.like_count = tweet.public_metrics.like_count
  if (tweet.public_metrics?.reply_count !== undefined) comment.reply_count = tweet.public_metrics.reply_count
  return comment
}
