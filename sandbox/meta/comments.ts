import type { CommentFixture } from "../types"
import { plainFields, type FieldSpec } from "./fields"
import { renderEdge, renderNode, type FieldResolver } from "./render"
import { graphTime, parseLimit, type GraphScope, type Rendered } from "./scope"

/** A comment as an edge item: replies carry the id of the comment they answer. */
export interface EdgeComment {
  comment: CommentFixture
  parentId?: string
}

/** What differs between Facebook and Instagram comments and their edges. */
export interface CommentEdgeStyle {
  /** Node type named in "nonexisting field" errors. */
  nodeType: string
  /** Field names of the comment's text and creation time. */
  textField: string
  timeField: string
  /** Comma-separated fields rendered when the request names none. */
  defaultFields: string
  defaultLimit: number
  maxLimit: number
}

export interface CommentEdgeRequest {
  limit?: string | null
  after?: string | null
  before?: string | null
  fields?: FieldSpec[]
}

/** Sorts by `created_time`, oldest first (`direction` -1: newest first). Stable, in place. */
export function sortByCreated<T>(items: T[], time: (item: T) => string, direction: 1 | -1 = 1): T[] {
  return items.sort((a, b) => direction * (Date.parse(time(a)) - Date.parse(time(b))))
}

/** `summary=...` asks for a summary unless it is absent or "false". */
export function summaryRequested(raw: string | null | undefined): boolean {
  return raw !== undefined && raw !== null && raw !== "false"
}

/** Renders a comment node: text, creation time and like_count here, every other field by `resolve`. */
export function renderCommentNode(
  style: CommentEdgeStyle,
  comment: CommentFixture,
  specs: FieldSpec[],
  resolve: FieldResolver
): Rendered<Record<string, unknown>> {
  return renderNode(comment.id, specs, style.nodeType, (spec) => {
    if (spec.name === style.textField) return comment.text
    if (spec.name === style.timeField) return graphTime(comment.created_time)
    if (spec.name === "like_count") return comment.like_count
    return resolve(spec)
  })
}

/**
 * The `{ data, paging, summary }` of a comment list (a post's or media's comments, or a comment's
 * replies): default fields, limit bounds and paging links as the platform has them.
 */
export function renderCommentEdge(
  scope: GraphScope,
  opts: {
    style: CommentEdgeStyle
    items: EdgeComment[]
    /** Edge path for paging links, e.g. "17900000000000007/comments". */
    path: string
    req: CommentEdgeRequest
    linkParams?: Record<string, string | undefined>
    summary?: Record<string, unknown>
    render: (item: EdgeComment, fields: FieldSpec[]) => Rendered<Record<string, unknown>>
  }
): Rendered<Record<string, unknown>> {
  const { style, req } = opts
  const fields = req.fields ?? plainFields(style.defaultFields)
  return renderEdge({
    scope,
    items: opts.items,
    key: (item) => item.comment.id,
    limit: parseLimit(req.limit, style.defaultLimit, style.maxLimit),
    after: req.after,
    before: req.before,
    path: opts.path,
    fields: req.fields,
    linkParams: opts.linkParams,
    render: (item) => opts.render(item, fields),
    summary: opts.summary,
  })
}

/** A comment's replies, oldest first, as the nested `comments{...}` / `replies{...}` field renders them. */
export function repliesOf(comment: CommentFixture): EdgeComment[] {
  return sortByCreated([...(comment.replies ?? [])], (r) => r.created_time).map((r) => ({ comment: r, parentId: comment.id }))
}
