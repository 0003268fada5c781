import type { CommentFixture, FacebookPostFixture, FacebookReactionType } from "../types"
import { renderCommentEdge, renderCommentNode, repliesOf, sortByCreated, summaryRequested, type CommentEdgeRequest, type CommentEdgeStyle, type EdgeComment } from "./comments"
import { facebookInsights } from "./facebook-insights"
import { plainFields, type FieldSpec } from "./fields"
import { graphError, pagesReadEngagementRequired, permissionsError } from "./graph-errors"
import { parseMetricList } from "./instagram-insights"
import { OMIT, renderEdge, renderNode, type FieldResolver } from "./render"
import { graphTime, hasPermission, parseLimit, type GraphScope, type Rendered } from "./scope"

/** UNCONFIRMED maximum (§2.1); 100 is what common code uses and what we enforce. */
const FB_MAX_LIMIT = 100
const FB_DEFAULT_LIMIT = 25
const DEFAULT_POST_FIELDS = "created_time,message,id"
const DEFAULT_COMMENT_FIELDS = "created_time,from,message,id"
const DEFAULT_REACTION_FIELDS = "id,name,type"
const REACTION_ORDER: FacebookReactionType[] = ["LIKE", "LOVE", "WOW", "HAHA", "SAD", "ANGRY", "CARE"]
const ALL_REACTION_TYPES = new Set(["NONE", "LIKE", "LOVE", "WOW", "HAHA", "SAD", "ANGRY", "THANKFUL", "PRIDE", "CARE", "FIRE", "HUNDRED"])

export const defaultPostFields = (): FieldSpec[] => plainFields(DEFAULT_POST_FIELDS)

export function renderFacebookPost(scope: GraphScope, post: FacebookPostFixture, specs: FieldSpec[], pageName: string): Rendered<Record<string, unknown>> {
  if (!hasPermission(scope.token, "pages_read_engagement")) return pagesReadEngagementRequired()
  const postSuffix = post.id.split("_")[1] ?? post.id
  const resolve: FieldResolver = (spec) => {
    switch (spec.name) {
      case "message":
        return post.message
      case "created_time":
      case "updated_time":
        return graphTime(post.created_time)
      case "permalink_url":
        return post.permalink_url
      case "full_picture":
        return post.full_picture ?? OMIT
      case "status_type":
        return post.is_video ? "added_video" : post.full_picture ? "added_photos" : "mobile_status_update"
      case "attachments":
        if (!post.is_video && !post.full_picture) return OMIT
        return {
          data: [
            {
              media_type: post.is_video ? "video" : "photo",
              type: post.is_video ? "video_inline" : "photo",
              target: { id: postSuffix, url: post.permalink_url },
              ...(post.full_picture ? { media: { image: { src: post.full_picture } } } : {}),
            },
          ],
        }
      // Absent when there are no shares (§2.1), never {"count":0}.
      case "shares":
        return post.shares ? { count: post.shares } : OMIT
      case "is_published":
        return true
      case "is_hidden":
        return false
      case "from":
        return { name: pageName, id: post.page_id }
      case "reactions":
        return facebookReactions(scope, post, {
          type: spec.modifiers.type,
          limit: spec.modifiers.limit,
          after: spec.modifiers.after,
          before: spec.modifiers.before,
          summary: spec.modifiers.summary,
          fields: spec.children,
        })
      case "likes":
        return facebookReactions(scope, post, { type: "LIKE", limit: spec.modifiers.limit, summary: spec.modifiers.summary, fields: spec.children, likesShape: true })
      case "comments":
        return facebookComments(scope, post, {
          order: spec.modifiers.order,
          filter: spec.modifiers.filter,
          limit: spec.modifiers.limit,
          after: spec.modifiers.after,
          before: spec.modifiers.before,
          summary: spec.modifiers.summary,
          fields: spec.children,
        })
      case "insights":
        if (!hasPermission(scope.token, "read_insights")) return permissionsError()
        return facebookInsights(post, parseMetricList(spec.modifiers.metric), scope.ctx.options.meta)
      default:
        return undefined
    }
  }
  return renderNode(post.id, specs, "Post", resolve)
}

/* ------------------------------ comments ------------------------------ */

const FB_COMMENTS: CommentEdgeStyle = {
  nodeType: "Comment",
  textField: "message",
  timeField: "created_time",
  defaultFields: DEFAULT_COMMENT_FIELDS,
  defaultLimit: FB_DEFAULT_LIMIT,
  maxLimit: FB_MAX_LIMIT,
}

export function facebookComments(
  scope: GraphScope,
  post: FacebookPostFixture,
  req: CommentEdgeRequest & { order?: string | null; filter?: string | null; summary?: string | null }
): Rendered<Record<string, unknown>> {
  const order = req.order ?? undefined
  if (order && !["chronological", "reverse_chronological", "ranked"].includes(order)) {
    return graphError(100, "(#100) param order must be one of {CHRONOLOGICAL, REVERSE_CHRONOLOGICAL, RANKED}")
  }
  const stream = req.filter === "stream"
  const flat: EdgeComment[] = stream
    ? post.comments.flatMap((c) => [{ comment: c }, ...(c.replies ?? []).map((r) => ({ comment: r, parentId: c.id }))])
    : post.comments.map((c) => ({ comment: c }))
  sortByCreated(flat, (f) => f.comment.created_time, order === "reverse_chronological" ? -1 : 1)
  const wantsSummary = summaryRequested(req.summary)
  return renderCommentEdge(scope, {
    style: FB_COMMENTS,
    items: flat,
    path: `${post.id}/comments`,
    req,
    linkParams: { order, filter: req.filter ?? undefined, summary: wantsSummary ? "true" : undefined },
    render: (f, fields) => renderFacebookComment(scope, post, f.comment, fields, f.parentId),
    // total_count follows the filter: top-level only unless filter=stream (comments reference).
    summary: wantsSummary ? { order: order ?? "ranked", total_count: flat.length, can_comment: true } : undefined,
  })
}

function renderFacebookComment(
  scope: GraphScope,
  post: FacebookPostFixture,
  comment: CommentFixture,
  specs: FieldSpec[],
  parentId: string | undefined
): Rendered<Record<string, unknown>> {
  return renderCommentNode(FB_COMMENTS, comment, specs, (spec) => {
    switch (spec.name) {
      case "from":
        return { name: comment.from.name, id: comment.from.id }
      case "comment_count":
        return comment.replies?.length ?? 0
      case "parent":
        return parentId ? { id: parentId } : OMIT
      case "permalink_url":
        return `${post.permalink_url}?comment_id=${comment.id}`
      case "can_comment":
        return !parentId
      case "is_hidden":
        return false
      case "attachment":
      case "message_tags":
        return OMIT
      case "comments": {
        const replies = repliesOf(comment)
        return renderCommentEdge(scope, {
          style: FB_COMMENTS,
          items: replies,
          path: `${comment.id}/comments`,
          req: { limit: spec.modifiers.limit, fields: spec.children },
          render: (r, fields) => renderFacebookComment(scope, post, r.comment, fields, comment.id),
          summary: summaryRequested(spec.modifiers.summary) ? { order: "chronological", total_count: replies.length, can_comment: true } : undefined,
        })
      }
      default:
        return undefined
    }
  })
}

/* ------------------------------ reactions ------------------------------ */

interface ReactionRow {
  id: string
  name: string
  type: FacebookReactionType
}

/**
 * The fixture stores counts only; the people behind them are synthesised deterministically so
 * the list edge and its paging behave like the real one.
 */
function reactionRows(post: FacebookPostFixture, type: FacebookReactionType | undefined): ReactionRow[] {
  const rows: ReactionRow[] = []
  let n = 0
  for (const t of REACTION_ORDER) {
    const count = post.reactions[t] ?? 0
    for (let i = 0; i < count; i++) {
      n++
      if (type && t !== type) continue
      rows.push({ id: String(100090000000000 + n), name: `Sandbox Fan ${n}`, type: t })
    }
  }
  return rows
}

export function facebookReactions(
  scope: GraphScope,
  post: FacebookPostFixture,
  req: { type?: string | null; limit?: string | null; after?: string | null; before?: string | null; summary?: string | null; fields?: FieldSpec[]; likesShape?: boolean }
): Rendered<Record<string, unknown>> {
  const type = req.type ? req.type.toUpperCase() : undefined
  if (type && !ALL_REACTION_TYPES.has(type)) {
    return graphError(100, "(#100) param type must be one of {NONE, LIKE, LOVE, WOW, HAHA, SAD, ANGRY, THANKFUL, PRIDE, CARE, FIRE, HUNDRED}")
  }
  const rows = type === "NONE" ? [] : reactionRows(post, type as FacebookReactionType | undefined)
  const fields = req.fields ?? plainFields(req.likesShape ? "id,name" : DEFAULT_REACTION_FIELDS)
  let summary: Record<string, unknown> | undefined
  if (req.summary && req.summary !== "false") {
    summary = req.likesShape
      ? { total_count: rows.length, can_like: true, has_liked: false }
      : req.summary === "total_count"
        ? { total_count: rows.length }
        : { total_count: rows.length, viewer_reaction: "NONE" }
  }
  return renderEdge({
    scope,
    items: rows,
    key: (r) => r.id,
    limit: parseLimit(req.limit, FB_DEFAULT_LIMIT, FB_MAX_LIMIT),
    after: req.after,
    before: req.before,
    path: `${post.id}/${req.likesShape ? "likes" : "reactions"}`,
    fields: req.fields,
    linkParams: { type: req.likesShape ? undefined : type, summary: req.summary ?? undefined },
    render: (r) =>
      renderNode(r.id, fields, "Profile", (spec) => {
        if (spec.name === "name") return r.name
        if (spec.name === "type") return req.likesShape ? undefined : r.type
        if (spec.name === "profile_type") return "user"
        return undefined
      }),
    summary,
  })
}
