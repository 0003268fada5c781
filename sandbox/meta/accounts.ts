import type { SandboxContext } from "../types"
import { configuredFollowers } from "../core/followers"
import { defaultPostFields, renderFacebookPost } from "./facebook"
import { plainFields, type FieldSpec } from "./fields"
import { renderInstagramMedia } from "./instagram"
import { OMIT, renderEdge, renderNode, type FieldResolver } from "./render"
import { parseLimit, type BusinessObject, type GraphScope, type Rendered } from "./scope"

/**
 * Pages and Instagram business accounts are not fixtures of their own: they are implied by
 * tokens (`account_id`, `linked_account_ids`) and by the posts that name them.
 */
export type AccountKind = "page" | "instagram"

const LIST_DEFAULT = 25
const LIST_MAX = 100
/** Stories are only listed for 24 h (§1.2). */
const STORY_LIFETIME_MS = 24 * 60 * 60_000

export function accountKind(ctx: SandboxContext, id: string): AccountKind | undefined {
  const meta = ctx.fixtures.tokens.filter((t) => t.family === "meta")
  if (meta.some((t) => t.account_id === id && t.linked_account_ids?.length)) return "page"
  if (meta.some((t) => t.linked_account_ids?.includes(id))) return "instagram"
  if (ctx.fixtures.facebook.some((p) => p.page_id === id)) return "page"
  if (ctx.fixtures.instagram.some((m) => m.owner_id === id)) return "instagram"
  // A bare token account: Instagram user ids start 1784 (as on the real platform).
  if (meta.some((t) => t.account_id === id)) return id.startsWith("1784") ? "instagram" : "page"
  return undefined
}

export function businessObject(kind: AccountKind, id: string): BusinessObject {
  return { id, type: kind === "page" ? "pages" : "instagram" }
}

function accountName(ctx: SandboxContext, id: string, kind: AccountKind): string {
  const named = ctx.fixtures.tokens.find((t) => t.account_id === id && t.account_name)
  return named?.account_name ?? (kind === "page" ? `Sandbox Page ${id.slice(-4)}` : `sandbox_${id.slice(-4)}`)
}

export function facebookPageName(ctx: SandboxContext, pageId: string): string {
  return accountName(ctx, pageId, "page")
}

export function renderAccount(scope: GraphScope, id: string, kind: AccountKind, specs: FieldSpec[]): Rendered<Record<string, unknown>> {
  const ctx = scope.ctx
  const name = accountName(ctx, id, kind)
  const resolve: FieldResolver =
    kind === "page"
      ? (spec) => {
          switch (spec.name) {
            case "name":
              return name
            case "link":
              return `https://www.facebook.com/${id}`
            case "category":
              return "Coffee shop"
            case "fan_count":
            case "followers_count":
              return configuredFollowers(ctx, id) ?? 1000 + (Number(id.slice(-3)) || 0)
            case "instagram_business_account": {
              const linked = ctx.fixtures.tokens.find((t) => t.account_id === id && t.linked_account_ids?.length)?.linked_account_ids?.[0]
              return linked ? { id: linked } : OMIT
            }
            case "posts":
            case "feed":
            case "published_posts":
              return pagePosts(scope, id, { limit: spec.modifiers.limit, after: spec.modifiers.after, fields: spec.children })
            default:
              return undefined
          }
        }
      : (spec) => {
          switch (spec.name) {
            case "username":
              return name
            case "name":
              return name
            case "followers_count":
              return configuredFollowers(ctx, id) ?? 2000 + (Number(id.slice(-3)) || 0)
            case "follows_count":
              return 150
            case "media_count":
              return ctx.fixtures.instagram.filter((m) => m.owner_id === id && !m.deleted && m.media_product_type !== "STORY").length
            case "profile_picture_url":
              return `https://scontent.sandbox.local/${id}_profile.jpg`
            case "biography":
              return "Sandbox business account"
            case "media":
              return instagramUserMedia(scope, id, "media", { limit: spec.modifiers.limit, after: spec.modifiers.after, fields: spec.children })
            case "stories":
              return instagramUserMedia(scope, id, "stories", { limit: spec.modifiers.limit, after: spec.modifiers.after, fields: spec.children })
            default:
              return undefined
          }
        }
  return renderNode(id, specs, kind === "page" ? "Page" : "IGUser", resolve)
}

/** `/{page-id}/posts`: newest first, up to 100 a page (§2.1). */
export function pagePosts(
  scope: GraphScope,
  pageId: string,
  req: { limit?: string | null; after?: string | null; before?: string | null; fields?: FieldSpec[] }
): Rendered<Record<string, unknown>> {
  const posts = scope.ctx.fixtures.facebook
    .filter((p) => p.page_id === pageId && !p.deleted)
    .sort((a, b) => Date.parse(b.created_time) - Date.parse(a.created_time))
  const fields = req.fields ?? defaultPostFields()
  const name = facebookPageName(scope.ctx, pageId)
  return renderEdge({
    scope,
    items: posts,
    key: (p) => p.id,
    limit: parseLimit(req.limit, LIST_DEFAULT, LIST_MAX),
    after: req.after,
    before: req.before,
    path: `${pageId}/posts`,
    fields: req.fields,
    render: (p) => renderFacebookPost(scope, p, fields, name),
  })
}

/**
 * `/{ig-user-id}/media` (feed + reels) and `/stories` (last 24 h). One item with an invalid
 * metric in an `insights.metric(...)` expansion fails the whole list (UNCONFIRMED, §1.7).
 */
export function instagramUserMedia(
  scope: GraphScope,
  igUserId: string,
  edge: "media" | "stories",
  req: { limit?: string | null; after?: string | null; before?: string | null; fields?: FieldSpec[] }
): Rendered<Record<string, unknown>> {
  const now = scope.ctx.now()
  const media = scope.ctx.fixtures.instagram
    .filter((m) => m.owner_id === igUserId && !m.deleted)
    .filter((m) => (edge === "stories" ? m.media_product_type === "STORY" && now - Date.parse(m.timestamp) < STORY_LIFETIME_MS : m.media_product_type !== "STORY"))
    .sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp))
  const fields = req.fields ?? plainFields("id")
  return renderEdge({
    scope,
    items: media,
    key: (m) => m.id,
    limit: parseLimit(req.limit, LIST_DEFAULT, LIST_MAX),
    after: req.after,
    before: req.before,
    path: `${igUserId}/${edge}`,
    fields: req.fields,
    render: (m) => renderInstagramMedia(scope, m, fields),
  })
}
