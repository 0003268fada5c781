import { graphError, type GraphError } from "./graph-errors"

/**
 * Graph cursor paging (https://developers.facebook.com/docs/graph-api/results). Cursors are
 * anchored on item ids, not offsets, so a page boundary does not shift when new comments
 * arrive between two calls, which is what lets "page newest-first until a known id" work.
 */

export interface PageWindow<T> {
  items: T[]
  before?: string
  after?: string
  hasNext: boolean
  hasPrevious: boolean
}

export function encodeCursor(key: string): string {
  return Buffer.from(`sbx:${key}`, "utf8").toString("base64")
}

function decodeCursor(cursor: string): string | undefined {
  const text = Buffer.from(cursor, "base64").toString("utf8")
  return text.startsWith("sbx:") ? text.slice(4) : undefined
}

export function pageOf<T>(
  items: T[],
  key: (item: T) => string,
  req: { limit: number; after?: string | null; before?: string | null }
): PageWindow<T> | GraphError {
  let start = 0
  let end = items.length
  if (req.after) {
    const anchor = decodeCursor(req.after)
    const at = anchor === undefined ? -1 : items.findIndex((i) => key(i) === anchor)
    if (at === -1) return graphError(100, "(#100) The After Cursor specified is invalid")
    start = at + 1
    end = Math.min(items.length, start + req.limit)
  } else if (req.before) {
    const anchor = decodeCursor(req.before)
    const at = anchor === undefined ? -1 : items.findIndex((i) => key(i) === anchor)
    if (at === -1) return graphError(100, "(#100) The Before Cursor specified is invalid")
    end = at
    start = Math.max(0, end - req.limit)
  } else {
    end = Math.min(items.length, req.limit)
  }
  const slice = items.slice(start, end)
  return {
    items: slice,
    before: slice.length ? encodeCursor(key(slice[0])) : undefined,
    after: slice.length ? encodeCursor(key(slice[slice.length - 1])) : undefined,
    hasNext: end < items.length,
    hasPrevious: start > 0,
  }
}

/**
 * The `paging` object: cursors always (when the page has items), `next` only when more items
 * exist (clients stop when it is absent), `previous` only past the first page.
 */
export function pagingEnvelope<T>(window: PageWindow<T>, link: (cursor: { after?: string; before?: string }) => string): Record<string, unknown> | undefined {
  if (!window.items.length && !window.hasPrevious) return undefined
  const paging: Record<string, unknown> = {}
  if (window.before && window.after) paging.cursors = { before: window.before, after: window.after }
  if (window.hasPrevious && window.before) paging.previous = link({ before: window.before })
  if (window.hasNext && window.after) paging.next = link({ after: window.after })
  return paging
}

/** Absolute link back into the sandbox, carrying the same access_token as the request (as Graph does). */
export function graphUrl(baseUrl: string, version: string, path: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined) query.set(k, v)
  return `${baseUrl}/meta/${version}/${path}?${query.toString()}`
}
