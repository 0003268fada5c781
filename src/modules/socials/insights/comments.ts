import type { CommentData } from "./schema"

export const DEFAULT_COMMENTS_LIMIT = 100

function timeOf(comment: CommentData): number {
  const t = Date.parse(comment.created_time)
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t
}

/** Newest first; ties keep a stable order by id so repeated syncs store identical arrays. */
export function sortCommentsNewestFirst(comments: CommentData[]): CommentData[] {
  return [...comments].sort((a, b) => timeOf(b) - timeOf(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
}

/**
 * Incremental merge: platforms cannot filter comments by time, so a sync fetches
 * only until it meets a comment already stored. The fresh copy of a comment wins
 * (its like/reply counts moved on); the newest `limit` are kept. `windowStart`
 * (ISO) says the fetch saw every comment created after it: a stored comment in
 * that window that was not returned was deleted on the platform and goes; one
 * outside it was not looked at and stays.
 */
export function mergeComments(previous: CommentData[] | undefined, incoming: CommentData[] | undefined, limit = DEFAULT_COMMENTS_LIMIT, windowStart?: string): CommentData[] {
  const cutoff = windowStart === undefined ? Number.NaN : Date.parse(windowStart)
  const fetched = new Set((incoming ?? []).map((c) => c.id))
  const byId = new Map<string, CommentData>()
  for (const c of previous ?? []) {
    if (timeOf(c) > cutoff && !fetched.has(c.id)) continue
    byId.set(c.id, c)
  }
  for (const c of incoming ?? []) byId.set(c.id, c)
  return sortCommentsNewestFirst([...byId.values()]).slice(0, Math.max(0, limit))
}

/** Ids already stored: a fetch stops paging when it reaches one of these. */
export function knownCommentIds(previous: CommentData[] | undefined): Set<string> {
  return new Set((previous ?? []).map((c) => c.id))
}

/** The newest stored comment, e.g. for X `since_id`. */
export function newestComment(previous: CommentData[] | undefined): CommentData | undefined {
  return previous && previous.length ? sortCommentsNewestFirst(previous)[0] : undefined
}
