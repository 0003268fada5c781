import type { CommentFixture, InstagramMediaFixture } from "../types"
import { renderCommentEdge, renderCommentNode, repliesOf, sortByCreated, type CommentEdgeRequest, type CommentEdgeStyle } from "./comments"
import type { FieldSpec } from "./fields"
import { noPermission } from "./graph-errors"
import { instagramInsights, parseMetricList } from "./instagram-insights"
import { OMIT, renderNode, type FieldResolver } from "./render"
import { graphTime, hasPermission, type GraphScope, type Rendered } from "./scope"

/** "Returns only 50 comments per query" (§1.6), whatever `limit` asks for. */
const IG_COMMENTS_MAX = 50
const DEFAULT_COMMENT_FIELDS = "timestamp,text,id"

const canReadMedia = (scope: GraphScope): boolean => hasPermission(scope.token, "instagram_basic", "instagram_business_basic")
const canReadInsights = (scope: GraphScope): boolean =>
  hasPermission(scope.token, "instagram_manage_insights", "instagram_business_manage_insights")
const canReadComments = (scope: GraphScope): boolean =>
  hasPermission(scope.token, "instagram_manage_comments", "instagram_business_manage_comments")

function commentTotal(media: InstagramMediaFixture): number {
  // comments_count "Includes replies" (§1.1).
  return media.comments.reduce((n, c) => n + 1 + (c.replies?.length ?? 0), 0)
}

function shortcode(media: InstagramMediaFixture): string {
  return media.permalink.split("/").filter(Boolean).pop() ?? media.id
}

export function renderInstagramMedia(scope: GraphScope, media: InstagramMediaFixture, specs: FieldSpec[]): Rendered<Record<string, unknown>> {
  if (!canReadMedia(scope)) return noPermission()
  const hidden = media.hide_like_count === true
  const isVideo = media.media_type === "VIDEO"
  const resolve: FieldResolver = (spec) => {
    switch (spec.name) {
      case "media_type":
        return media.media_type
      case "media_product_type":
        return media.media_product_type
      case "permalink":
        return media.permalink
      case "caption":
        return media.caption
      case "timestamp":
        return graphTime(media.timestamp)
      // Omitted when the owner hides like counts (v11+, §1.1).
      case "like_count":
      case "total_like_count":
        return hidden ? OMIT : media.like_count
      case "comments_count":
      case "total_comments_count":
        return commentTotal(media)
      case "shortcode":
        return shortcode(media)
      case "media_url":
        return `https://scontent.sandbox.local/${media.id}.${isVideo ? "mp4" : "jpg"}`
      case "thumbnail_url":
        return isVideo ? `https://scontent.sandbox.local/${media.id}_thumb.jpg` : OMIT
      case "owner":
        return { id: media.owner_id }
      case "username":
        return `sandbox_${media.owner_id.slice(-4)}`
      case "is_comment_enabled":
        return true
      case "is_shared_to_feed":
        return media.media_product_type === "REELS" ? true : OMIT
      case "alt_text":
      case "legacy_instagram_media_id":
      case "media_audio_type":
        return OMIT
      case "is_ai_generated":
        return false
      case "saved_count":
        return media.insights.saved ?? OMIT
      case "shares_count":
        return media.media_product_type === "STORY" ? OMIT : media.insights.shares ?? OMIT
      case "reposts_count":
        return media.insights.reposts ?? OMIT
      case "total_views_count":
        return isVideo ? media.insights.views ?? OMIT : OMIT
      case "children":
        return media.media_type === "CAROUSEL_ALBUM" ? { data: [1, 2, 3].map((n) => ({ id: `${media.id}${n}` })) } : OMIT
      case "collaborators":
        return { data: [] }
      case "comments":
        return instagramComments(scope, media, {
          limit: spec.modifiers.limit,
          after: spec.modifiers.after,
          before: spec.modifiers.before,
          fields: spec.children,
        })
      case "insights":
        if (!canReadInsights(scope)) return noPermission()
        return instagramInsights(media, parseMetricList(spec.modifiers.metric), scope.versionNumber, spec.modifiers.breakdown)
      default:
        return undefined
    }
  }
  return renderNode(media.id, specs, "IGMedia", resolve)
}

const IG_COMMENTS: CommentEdgeStyle = {
  nodeType: "IGComment",
  textField: "text",
  timeField: "timestamp",
  defaultFields: DEFAULT_COMMENT_FIELDS,
  defaultLimit: IG_COMMENTS_MAX,
  maxLimit: IG_COMMENTS_MAX,
}

/** Top-level only, newest first, at most 50 a page, no `since` (§1.6). */
export function instagramComments(scope: GraphScope, media: InstagramMediaFixture, req: CommentEdgeRequest): Rendered<Record<string, unknown>> {
  if (!canReadComments(scope)) return noPermission()
  const newestFirst = sortByCreated([...media.comments], (c) => c.created_time, -1)
  return renderCommentEdge(scope, {
    style: IG_COMMENTS,
    items: newestFirst.map((c) => ({ comment: c })),
    path: `${media.id}/comments`,
    req,
    render: (c, fields) => renderInstagramComment(scope, media, c.comment, fields, undefined),
  })
}

function renderInstagramComment(
  scope: GraphScope,
  media: InstagramMediaFixture,
  comment: CommentFixture,
  specs: FieldSpec[],
  parentId: string | undefined
): Rendered<Record<string, unknown>> {
  return renderCommentNode(IG_COMMENTS, comment, specs, (spec) => {
    switch (spec.name) {
      case "username":
        return comment.from.name
      case "from":
        return { id: comment.from.id, username: comment.from.name }
      case "hidden":
        return false
      case "media":
        return { id: media.id, media_product_type: media.media_product_type }
      case "parent_id":
        return parentId ?? OMIT
      case "legacy_instagram_comment_id":
      case "user":
        return OMIT
      case "replies":
        if (parentId) return undefined
        return renderCommentEdge(scope, {
          style: IG_COMMENTS,
          items: repliesOf(comment),
          path: `${comment.id}/replies`,
          req: { limit: spec.modifiers.limit, fields: spec.children },
          render: (r, fields) => renderInstagramComment(scope, media, r.comment, fields, comment.id),
        })
      default:
        return undefined
    }
  })
}
