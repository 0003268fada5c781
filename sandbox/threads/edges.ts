import { graphError, objectNotFound, type GraphError } from "../meta/graph-errors"
import { encodeCursor, pageOf } from "../meta/paging"
import { isGraphError, requireScope } from "./auth"
import { MEDIA_FIELDS, renderMedia, renderReply, requestedFields } from "./render"
import { THREADS_METRICS, type ThreadsMediaFixture, type ThreadsReplyFixture } from "./types"
import type { ThreadsScope } from "./scope"

const DEFAULT_LIMIT = 25
const DEFAULT_MAX_LIMIT = 100

const METRIC_TEXT: Record<string, { title: string; description: string }> = {
  views: { title: "Views", description: "The number of times your post was played or displayed." },
  likes: { title: "Likes", description: "The number of likes on your post." },
  replies: { title: "Replies", description: "The number of replies on your post." },
  reposts: { title: "Reposts", description: "The number of times your post was reposted." },
  quotes: { title: "Quotes", description: "The number of times your post was quoted." },
  shares: { title: "Shares", description: "The number of times your post was shared." },
}

/** Only the token's own posts are readable; deleted, someone else's and unknown ids all answer 100/33. */
export function ownMedia(scope: ThreadsScope, id: string): ThreadsMediaFixture | GraphError {
  const media = scope.fixtures.media.find((m) => m.id === id)
  if (!media || media.deleted || media.owner_id !== scope.token.user_id) return objectNotFound(id)
  return media
}

export function getMedia(scope: ThreadsScope, id: string): unknown {
  const denied = requireScope(scope.token, "threads_basic")
  if (denied) return denied
  const media = ownMedia(scope, id)
  if (isGraphError(media)) return media
  const fields = requestedFields(scope.query.get("fields"), MEDIA_FIELDS, "ThreadsMedia")
  if (isGraphError(fields)) return fields
  return renderMedia(media, scope.token.username, fields)
}

/** GET /{media-id}/insights?metric=…: lifetime values; REPOST_FACADE answers `[]`; "in development" metrics may be left out. */
export function getInsights(scope: ThreadsScope, id: string): unknown {
  const denied = requireScope(scope.token, "threads_basic") ?? requireScope(scope.token, "threads_manage_insights")
  if (denied) return denied
  const media = ownMedia(scope, id)
  if (isGraphError(media)) return media
  const raw = scope.query.get("metric")
  if (!raw) return graphError(100, "(#100) The parameter metric is required")
  const metrics = raw.split(",").map((m) => m.trim()).filter(Boolean)
  const bad = metrics.findIndex((m) => !(THREADS_METRICS as readonly string[]).includes(m))
  if (bad >= 0) return graphError(100, `(#100) metric[${bad}] must be one of the following values: ${THREADS_METRICS.join(", ")}`)
  if (media.media_type === "REPOST_FACADE") return { data: [] }
  const omitted = new Set(scope.options.omitMetrics ?? [])
  const data = metrics
    .filter((name) => !omitted.has(name) && media.insights[name as keyof typeof media.insights] !== undefined)
    .map((name) => ({
      name,
      period: "lifetime",
      values: [{ value: media.insights[name as keyof typeof media.insights] }],
      ...METRIC_TEXT[name],
      id: `${media.id}/insights/${name}/lifetime`,
    }))
  return { data }
}

function flatten(replies: ThreadsReplyFixture[], parentId: string): { reply: ThreadsReplyFixture; parentId: string }[] {
  return replies.flatMap((r) => [{ reply: r, parentId }, ...flatten(r.replies ?? [], r.id)])
}

/**
 * GET /{media-id}/replies (top level) or /conversation (top level and nested, flattened):
 * newest first unless `reverse=false`, Graph cursor paging (`before`/`after`, never both).
 */
export function getReplies(scope: ThreadsScope, id: string, edge: "replies" | "conversation"): unknown {
  const denied = requireScope(scope.token, "threads_basic") ?? requireScope(scope.token, "threads_read_replies")
  if (denied) return denied
  const media = ownMedia(scope, id)
  if (isGraphError(media)) return media
  const fields = requestedFields(scope.query.get("fields"), MEDIA_FIELDS, "ThreadsMedia")
  if (isGraphError(fields)) return fields
  const q = scope.query
  if (q.get("after") && q.get("before")) return graphError(100, "(#100) Both before and after parameters cannot be passed at the same time")
  const entries = edge === "replies" ? media.replies.map((reply) => ({ reply, parentId: media.id })) : flatten(media.replies, media.id)
  const newestFirst = q.get("reverse") !== "false"
  entries.sort((a, b) => (Date.parse(b.reply.timestamp) - Date.parse(a.reply.timestamp)) * (newestFirst ? 1 : -1))
  const page = pageOf(entries, (e) => e.reply.id, { limit: limitOf(scope), after: q.get("after"), before: q.get("before") })
  if (isGraphError(page)) return page
  return {
    data: page.items.map((e) => renderReply(e.reply, media, e.parentId, fields)),
    paging: paging(scope, `${id}/${edge}`, page),
  }
}

export function limitOf(scope: ThreadsScope): number {
  const max = scope.options.maxLimit ?? DEFAULT_MAX_LIMIT
  const asked = Number(scope.query.get("limit") ?? DEFAULT_LIMIT)
  return Number.isFinite(asked) && asked > 0 ? Math.min(Math.floor(asked), max) : DEFAULT_LIMIT
}

/** `paging.cursors`, plus `next`/`previous` links unless the sandbox plays the cursors-only variant. */
export function paging(scope: ThreadsScope, path: string, page: { before?: string; after?: string; hasNext: boolean; hasPrevious: boolean }): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  if (page.before && page.after) out.cursors = { before: page.before, after: page.after }
  if (scope.options.pagingLinks === "cursors-only") return out
  const link = (name: "after" | "before", cursor: string): string => {
    const params = new URLSearchParams(scope.query)
    params.delete("after")
    params.delete("before")
    // Graph's links carry the caller's token only when it came in the query; a header token stays out.
    params.set(name, cursor)
    return `${scope.baseUrl}/${scope.version}/${path}?${params.toString()}`
  }
  if (page.hasNext && page.after) out.next = link("after", page.after)
  if (page.hasPrevious && page.before) out.previous = link("before", page.before)
  return out
}

export { encodeCursor }
