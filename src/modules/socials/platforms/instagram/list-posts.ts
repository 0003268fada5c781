import type { SyncContext } from "../types"
import { graphTime, readGraphEdge, str } from "../listing/graph-listing"
import type { ListedPage, ListedPost } from "../listing/types"
import { createInstagramClient } from "./client"

const FIELDS = "id,caption,media_type,media_product_type,permalink,shortcode,timestamp"
/** Heavy expansions make Graph ask for less data; 50 without insights is safe (platform-onboarding §2). */
export const INSTAGRAM_LIST_MAX = 50

/** The account's media, newest first (stories are not in /media; the last 10K only). */
export async function listInstagramPosts(ctx: SyncContext, opts: { limit: number; cursor?: string }): Promise<ListedPage> {
  const q = new URLSearchParams({ fields: FIELDS, limit: String(Math.min(opts.limit, INSTAGRAM_LIST_MAX)) })
  if (opts.cursor) q.set("after", opts.cursor)
  const page = await readGraphEdge(createInstagramClient(ctx), `${ctx.credentials.accountId}/media?${q}`, "instagram.list_media")
  return { posts: page.items.map(toListed), nextCursor: page.nextCursor }
}

function toListed(m: Record<string, unknown>): ListedPost {
  const product = str(m.media_product_type)
  const type = str(m.media_type)
  const mediaType = product === "REELS" ? "REELS" : product === "STORY" ? "STORY" : type === "IMAGE" || type === "VIDEO" || type === "CAROUSEL_ALBUM" ? type : undefined
  return { platformPostId: String(m.id), caption: str(m.caption), permalink: str(m.permalink), postedAt: graphTime(m.timestamp), mediaType, productType: product, shortcode: str(m.shortcode) }
}
