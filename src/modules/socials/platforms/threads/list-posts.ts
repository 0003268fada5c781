import { z } from "@medusajs/framework/zod"
import { graphTime, str } from "../listing/graph-listing"
import type { ListedPage, ListedPost, ListOptions } from "../listing/types"
import type { SyncContext } from "../types"
import { PlatformApiError } from "../http/platform-api-error"
import { createThreadsClient } from "./client"
import { THREADS } from "./platform-id"

const FIELDS = "id,media_product_type,media_type,permalink,shortcode,text,timestamp"
/** UNCONFIRMED maximum; [3P] clients use 100. */
export const THREADS_LIST_MAX = 100
/** The listing refuses an earlier `since` (platform-onboarding §6.2). */
const THREADS_EARLIEST_SINCE = 1688540400

const pageSchema = z.looseObject({
  data: z.array(z.looseObject({ id: z.string().min(1) })),
  paging: z.looseObject({ cursors: z.looseObject({ after: z.string().optional() }).optional(), next: z.string().optional() }).optional(),
})

/**
 * The user's own Threads posts, newest first (replies live at /replies). A repost
 * (REPOST_FACADE) is someone else's post and is skipped. Graph sometimes sends
 * cursors without `next`: a full page with an `after` cursor is then read as "more".
 * `since` (Unix seconds, not before 1688540400) spares the pages of older posts.
 */
export async function listThreadsPosts(ctx: SyncContext, opts: ListOptions): Promise<ListedPage> {
  const limit = Math.min(THREADS_LIST_MAX, Math.max(1, opts.limit))
  const query: Record<string, string> = { fields: FIELDS, limit: String(limit) }
  if (opts.cursor) query.after = opts.cursor
  if (opts.since) query.since = String(Math.max(THREADS_EARLIEST_SINCE, Math.floor(opts.since.getTime() / 1000)))
  const res = await createThreadsClient(ctx).get("me/threads", query, "list_threads")
  const parsed = pageSchema.safeParse(res.data ?? {})
  if (!parsed.success) throw new PlatformApiError({ platform: THREADS, kind: "malformed_response", code: "listing_shape", detail: "the threads listing has an unexpected shape" })
  const { data, paging } = parsed.data
  const after = paging?.cursors?.after
  const more = paging?.next !== undefined || data.length >= limit
  return { posts: data.filter((m) => m.media_type !== "REPOST_FACADE").map(toListed), nextCursor: more ? after : undefined }
}

const MEDIA_TYPES: Record<string, ListedPost["mediaType"]> = { TEXT_POST: "TEXT", IMAGE: "IMAGE", VIDEO: "VIDEO", CAROUSEL_ALBUM: "CAROUSEL_ALBUM" }

function toListed(m: Record<string, unknown>): ListedPost {
  const type = str(m.media_type)
  return { platformPostId: String(m.id), caption: str(m.text), permalink: str(m.permalink), postedAt: graphTime(m.timestamp), mediaType: type ? MEDIA_TYPES[type] : undefined, productType: type, shortcode: str(m.shortcode) }
}
