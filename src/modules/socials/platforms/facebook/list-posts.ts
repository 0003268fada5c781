import type { SyncContext } from "../types"
import { graphTime, readGraphEdge, str } from "../listing/graph-listing"
import type { ListedPage, ListedPost } from "../listing/types"
import { createFacebookClient } from "./client"

const FIELDS = "id,message,created_time,permalink_url,status_type"
/** The feed edges refuse more than 100 (platform-onboarding §3). */
export const FACEBOOK_LIST_MAX = 100

/** The Page's published posts, newest first (published_posts: no visitor posts, no scheduled ones). */
export async function listFacebookPosts(ctx: SyncContext, opts: { limit: number; cursor?: string }): Promise<ListedPage> {
  const q = new URLSearchParams({ fields: FIELDS, limit: String(Math.min(opts.limit, FACEBOOK_LIST_MAX)) })
  if (opts.cursor) q.set("after", opts.cursor)
  const page = await readGraphEdge(createFacebookClient(ctx), `${ctx.credentials.accountId}/published_posts?${q}`, "facebook.list_posts")
  return { posts: page.items.map(toListed), nextCursor: page.nextCursor }
}

function toListed(p: Record<string, unknown>): ListedPost {
  const status = str(p.status_type) ?? ""
  const mediaType = /video/.test(status) ? "VIDEO" : /photo/.test(status) ? "IMAGE" : "TEXT"
  return { platformPostId: String(p.id), caption: str(p.message), permalink: str(p.permalink_url), postedAt: graphTime(p.created_time), mediaType }
}
