import { z } from "@medusajs/framework/zod"
import { withReads } from "../../x-spend/sync-guard"
import { PlatformApiError } from "../http/platform-api-error"
import type { ListedPage, ListedPost, ListOptions } from "../listing/types"
import type { SyncContext } from "../types"
import { createXClient } from "./client"

/** `max_results` is 5–100 on the user timeline. */
export const X_LIST_MIN = 5
export const X_LIST_MAX = 100

/** The timeline and `GET /2/tweets?ids=` answer alike. */
export const timelineSchema = z.looseObject({
  data: z.array(z.looseObject({ id: z.string().min(1), text: z.string().optional(), created_at: z.string().optional(), author_id: z.string().optional(), attachments: z.looseObject({ media_keys: z.array(z.string()).optional() }).optional() })).optional(),
  includes: z.looseObject({ media: z.array(z.looseObject({ media_key: z.string(), type: z.string().optional() })).optional(), users: z.array(z.looseObject({ id: z.string(), username: z.string().optional() })).optional() }).optional(),
  meta: z.looseObject({ next_token: z.string().optional() }).optional(),
})
type Timeline = z.infer<typeof timelineSchema>

/**
 * The user's own posts, newest first, without replies and reposts (quotes stay:
 * they are the user's posts). X bills every post it returns, so each page is
 * booked on the account's read counter before it is asked for (the monthly cap
 * holds) and settled to what came back. Only the newest 3,200 are reachable.
 * `sinceId` (since_id) or else `since` (start_time) make X return only the newer
 * posts, so a discovery run with nothing new reads (and pays for) nothing.
 */
export async function listXPosts(ctx: SyncContext, opts: ListOptions): Promise<ListedPage> {
  const client = createXClient(ctx)
  const maxResults = Math.min(X_LIST_MAX, Math.max(X_LIST_MIN, opts.limit))
  const query: Record<string, string> = {
    max_results: String(maxResults),
    exclude: "replies,retweets",
    "tweet.fields": "created_at,attachments,author_id",
    expansions: "attachments.media_keys,author_id",
    "media.fields": "type",
  }
  if (opts.cursor) query.pagination_token = opts.cursor
  if (opts.sinceId && /^\d{1,19}$/.test(opts.sinceId)) query.since_id = opts.sinceId
  // X wants YYYY-MM-DDTHH:mm:ssZ (no milliseconds); a second earlier keeps a post of that very second.
  else if (opts.since) query.start_time = new Date(Math.floor(opts.since.getTime() / 1000) * 1000).toISOString().replace(".000Z", "Z")
  const now = ctx.now ?? Date.now
  const path = `/2/users/${encodeURIComponent(ctx.credentials.accountId)}/tweets`
  const res = await withReads(ctx.xReads, now, maxResults, () => client.get(path, query, "user-tweets"), (r) => readCount(r.data))
  const parsed = timelineSchema.safeParse(res.data ?? {})
  if (!parsed.success) throw new PlatformApiError({ platform: "twitter", kind: "malformed_response", code: "listing_shape", detail: "the user timeline has an unexpected shape" })
  return { posts: toListed(parsed.data), nextCursor: parsed.data.meta?.next_token }
}

export function readCount(body: unknown): number {
  const data = (body as { data?: unknown } | undefined)?.data
  return Array.isArray(data) ? data.length : 0
}

export function toListed(page: Timeline): ListedPost[] {
  const media = new Map((page.includes?.media ?? []).map((m) => [m.media_key, m.type]))
  const users = new Map((page.includes?.users ?? []).map((u) => [u.id, u.username]))
  return (page.data ?? []).map((t) => {
    const types = (t.attachments?.media_keys ?? []).map((k) => media.get(k))
    const mediaType = types.length > 1 ? "CAROUSEL_ALBUM" : types[0] === "photo" ? "IMAGE" : types[0] === "video" || types[0] === "animated_gif" ? "VIDEO" : "TEXT"
    const username = t.author_id ? users.get(t.author_id) : undefined
    return {
      platformPostId: t.id,
      caption: t.text,
      permalink: username ? `https://x.com/${username}/status/${t.id}` : `https://x.com/i/web/status/${t.id}`,
      postedAt: t.created_at && !Number.isNaN(Date.parse(t.created_at)) ? new Date(t.created_at).toISOString() : undefined,
      mediaType,
    }
  })
}
