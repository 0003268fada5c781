import { z } from "@medusajs/framework/zod"
import type { CommentData } from "../../insights/schema"
import type { ThreadsClient } from "./client"
import { normalizeThreadsReply, THREADS_REPLY_FIELDS } from "./normalize"

/** Largest page asked for (UNCONFIRMED maximum; third-party code uses 100). */
const PAGE_SIZE = 100
/** Caps a runaway cursor chain. */
const MAX_PAGES = 25

const repliesPageSchema = z.looseObject({
  data: z.array(z.unknown()),
  paging: z.looseObject({ cursors: z.looseObject({ after: z.string().optional() }).optional(), next: z.string().optional() }).optional(),
})

export interface RepliesRead {
  /** Newest first, at most `limit`. */
  comments: CommentData[]
  /** Read to the end or to `limit` without meeting a stored reply: the list may replace the stored one. */
  complete: boolean
}

/**
 * More pages exist when Graph gives a `next` link. The Threads docs' samples show only
 * `paging.cursors` (UNCONFIRMED which one the API sends), so a full page with an `after`
 * cursor and no `next` at all is also followed; an empty page then ends it.
 */
function nextCursor(page: z.infer<typeof repliesPageSchema>, asked: number): string | undefined {
  const after = page.paging?.cursors?.after
  if (!after || page.data.length === 0) return undefined
  if (page.paging?.next) return after
  return page.paging && !("next" in page.paging) && page.data.length >= asked ? after : undefined
}

/**
 * Top-level replies (`GET /{media-id}/replies`, newest first) as comments. Replies cannot be
 * filtered by time, so an incremental sync pages newest-first and stops at the first page
 * holding a reply already stored. Cursors are sent back on our own URL: a `next` link is never
 * followed, so the token never goes to a host the config does not name.
 */
export async function readReplies(client: ThreadsClient, mediaId: string, limit: number, previous: CommentData[] | undefined): Promise<RepliesRead> {
  const known = new Set((previous ?? []).map((c) => c.id))
  const comments: CommentData[] = []
  let stoppedAtKnown = false
  let after: string | undefined
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const asked = Math.min(PAGE_SIZE, Math.max(1, limit - comments.length))
    const query: Record<string, string> = { fields: THREADS_REPLY_FIELDS.join(","), reverse: "true", limit: String(asked) }
    if (after) query.after = after
    const res = await client.get(`${mediaId}/replies`, query, "replies")
    const page = repliesPageSchema.safeParse(res.data ?? {})
    if (!page.success) break
    for (const raw of page.data.data) {
      const comment = normalizeThreadsReply(raw)
      if (!comment) continue
      if (known.has(comment.id)) stoppedAtKnown = true
      if (comments.length < limit) comments.push(comment)
    }
    after = nextCursor(page.data, asked)
    if (!after || stoppedAtKnown || comments.length >= limit) break
  }
  return { comments, complete: !stoppedAtKnown }
}
