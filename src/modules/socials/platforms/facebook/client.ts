import type { GraphClient } from "../meta/graph-client"
import { createMetaGraphClient } from "../meta/meta-context"
import type { SyncContext } from "../types"

export function createFacebookClient(ctx: SyncContext): GraphClient {
  return createMetaGraphClient(ctx, "facebook", ctx.config.metaGraphApiUrl)
}

export const FACEBOOK_REACTION_TYPES = ["LIKE", "LOVE", "WOW", "HAHA", "SAD", "ANGRY", "CARE"] as const

/**
 * Post-level metrics valid on v25/v26. `post_impressions` was removed on
 * Nov 15 2025 (→ post_media_view) and `post_impressions_unique` goes with v26
 * (→ post_total_media_view_unique); `post_engaged_users` is gone since 2024.
 */
export const FACEBOOK_METRICS = ["post_media_view", "post_total_media_view_unique", "post_clicks", "post_reactions_by_type_total", "post_video_views"]

export const FACEBOOK_REPLACEMENTS: Record<string, string> = {
  post_impressions: "post_media_view",
  post_impressions_unique: "post_total_media_view_unique",
  post_impressions_paid: "post_media_view",
  post_impressions_organic: "post_media_view",
  post_engaged_users: "post_clicks",
  post_video_views_unique: "post_video_views",
}

/**
 * Totals without downloading lists: `.limit(0)` with a summary, and one aliased
 * summary per reaction type, so the whole breakdown costs no extra call.
 */
export const FACEBOOK_POST_FIELDS = [
  "id",
  "message",
  "created_time",
  "permalink_url",
  "shares",
  "reactions.summary(total_count).limit(0)",
  ...FACEBOOK_REACTION_TYPES.map((t) => `reactions.type(${t}).limit(0).summary(total_count).as(reactions_${t.toLowerCase()})`),
]

export const FACEBOOK_COMMENT_FIELDS = "id,message,created_time,like_count,comment_count,from"
/** The comments edge's largest page in common use (the docs give no maximum). */
export const FACEBOOK_COMMENTS_PAGE = 100
