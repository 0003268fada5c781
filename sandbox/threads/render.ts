import { nonexistingField, type GraphError } from "../meta/graph-errors"
import type { ThreadsMediaFixture, ThreadsReplyFixture } from "./types"

/** Fields a Threads media object answers (reference "Media"); anything else is Graph's code 100. */
export const MEDIA_FIELDS = new Set([
  "id", "media_product_type", "media_type", "media_url", "permalink", "owner", "username", "text", "timestamp", "shortcode",
  "thumbnail_url", "children", "is_quote_post", "has_replies", "root_post", "replied_to", "is_reply", "is_reply_owned_by_me",
  "hide_status", "reply_audience", "quoted_post", "reposted_post", "gif_url", "topic_tag", "is_verified", "profile_picture_url",
])

/** `fields=` → the list asked for (Graph answers only `id` without it), or the error for an unknown one. */
export function requestedFields(raw: string | null, allowed: Set<string>, nodeType: string): string[] | GraphError {
  const fields = (raw ?? "id").split(",").map((f) => f.trim()).filter(Boolean)
  const unknown = fields.find((f) => !allowed.has(f))
  return unknown ? nonexistingField(unknown, nodeType) : fields
}

function pick(all: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const f of fields) if (all[f] !== undefined) out[f] = all[f]
  return out
}

export function renderMedia(m: ThreadsMediaFixture, username: string | undefined, fields: string[]): Record<string, unknown> {
  return pick(
    {
      id: m.id,
      media_product_type: "THREADS",
      media_type: m.media_type,
      permalink: m.permalink,
      owner: { id: m.owner_id },
      username,
      text: m.text,
      timestamp: m.timestamp,
      shortcode: m.shortcode,
      is_quote_post: m.is_quote_post ?? false,
      has_replies: m.replies.length > 0,
      is_reply: false,
    },
    fields
  )
}

export function renderReply(r: ThreadsReplyFixture, root: ThreadsMediaFixture, parentId: string, fields: string[]): Record<string, unknown> {
  const shortcode = `R${r.id.slice(-8)}`
  return pick(
    {
      id: r.id,
      media_product_type: "THREADS",
      media_type: "TEXT_POST",
      permalink: `https://www.threads.net/@${r.username}/post/${shortcode}`,
      username: r.username,
      text: r.text,
      timestamp: r.timestamp.replace(/\.\d{3}Z$/, "+0000"),
      shortcode,
      is_quote_post: false,
      has_replies: (r.replies?.length ?? 0) > 0,
      root_post: { id: root.id },
      replied_to: { id: parentId },
      is_reply: true,
      is_reply_owned_by_me: false,
      hide_status: r.hide_status ?? "NOT_HUSHED",
    },
    fields
  )
}
