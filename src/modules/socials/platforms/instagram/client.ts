import type { SyncContext } from "../types"
import { createMetaGraphClient } from "../meta/meta-context"
import type { GraphClient } from "../meta/graph-client"

/** Graph client for Instagram media: the Meta host (Facebook Login) or graph.instagram.com (Instagram Login). */
export function createInstagramClient(ctx: SyncContext): GraphClient {
  return createMetaGraphClient(ctx, "instagram", ctx.config.instagramGraphApiUrl)
}

export const INSTAGRAM_MEDIA_FIELDS = ["id", "media_type", "media_product_type", "permalink", "caption", "timestamp", "like_count", "comments_count"]
export const INSTAGRAM_COMMENT_FIELDS = "id,text,username,from,timestamp,like_count,replies{id}"
/** "Returns only 50 comments per query" (§1.6). */
export const INSTAGRAM_COMMENTS_PAGE = 50
