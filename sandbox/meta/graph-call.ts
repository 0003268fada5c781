import type { FacebookPostFixture, InstagramMediaFixture, TokenFixture } from "../types"
import { scriptedAnswer } from "./answers"
import { accountKind, businessObject, facebookPageName, instagramUserMedia, pagePosts, renderAccount, type AccountKind } from "./accounts"
import { defaultPostFields, facebookComments, facebookReactions, renderFacebookPost } from "./facebook"
import { facebookInsights } from "./facebook-insights"
import { FieldSyntaxError, parseFields, plainFields, type FieldSpec } from "./fields"
import { expiredToken, graphError, invalidToken, isGraphError, noPermission, objectNotFound, permissionsError, revokedToken, unknownPath, type GraphError } from "./graph-errors"
import { instagramComments, renderInstagramMedia } from "./instagram"
import { instagramInsights, parseMetricList } from "./instagram-insights"
import type { MetaRateLimiter } from "./rate-limit"
import { canRead, hasPermission, type BusinessObject, type GraphScope, type Rendered } from "./scope"

/** What one Graph call (a top-level GET or one batch item) produced. */
export interface CallResult {
  status: number
  body: unknown
  /** Business objects it touched, for X-Business-Use-Case-Usage. */
  objects: BusinessObject[]
}

/** v26 changelog (§1.8): `?ids=` errors on v26+ from Jul 29 2026 and on every version from Oct 27 2026. */
const IDS_REMOVED_V26 = Date.UTC(2026, 6, 29)
const IDS_REMOVED_ALL = Date.UTC(2026, 9, 27)
const MAX_IDS = 50

export function authenticate(ctxFind: (t: string) => TokenFixture | undefined, tokenValue: string, now: number): TokenFixture | GraphError {
  const token = ctxFind(tokenValue)
  if (!token || token.family !== "meta") return invalidToken()
  if (token.revoked) return revokedToken()
  if (token.expires_at !== undefined && token.expires_at <= now) return expiredToken(token.expires_at, now)
  return token
}

type Target =
  | { kind: "instagram"; media: InstagramMediaFixture }
  | { kind: "facebook"; post: FacebookPostFixture }
  | { kind: "account"; id: string; account: AccountKind }
  | { kind: "missing"; id: string }

function resolveTarget(scope: GraphScope, id: string): Target {
  const media = scope.ctx.lookup("instagram", id)
  if (media) return { kind: "instagram", media }
  const post = scope.ctx.lookup("facebook", id)
  if (post) return { kind: "facebook", post }
  const account = accountKind(scope.ctx, id)
  if (account) return { kind: "account", id, account }
  return { kind: "missing", id }
}

function ownerObject(scope: GraphScope, target: Target): BusinessObject {
  switch (target.kind) {
    case "instagram":
      return { id: target.media.owner_id, type: "instagram" }
    case "facebook":
      return { id: target.post.page_id, type: "pages" }
    case "account":
      return businessObject(target.account, target.id)
    case "missing": {
      // Unattributable calls still land on the token's own account, as Graph bills the caller.
      const own = accountKind(scope.ctx, scope.token.account_id) ?? "page"
      return businessObject(own, scope.token.account_id)
    }
  }
}

function fieldsOf(params: URLSearchParams, fallback: FieldSpec[]): FieldSpec[] | GraphError {
  const raw = params.get("fields")
  if (raw === null || raw.trim() === "") return fallback
  try {
    return parseFields(raw)
  } catch (e) {
    if (e instanceof FieldSyntaxError) return graphError(2500, e.message)
    throw e
  }
}

function result(rendered: Rendered<unknown>, objects: BusinessObject[]): CallResult {
  if (isGraphError(rendered)) return { status: rendered.status, body: rendered.body, objects }
  return { status: 200, body: rendered, objects }
}

/** Executes `GET /{version}/{segments...}?{params}` for an authenticated token. */
export function executeGet(scope: GraphScope, segments: string[], limiter: MetaRateLimiter): CallResult {
  if (segments.length === 0) return legacyIds(scope, limiter)

  const id = segments[0] === "me" ? scope.token.account_id : segments[0]
  const target = resolveTarget(scope, id)
  const object = ownerObject(scope, target)
  const throttled = limiter.consume(scope.tokenValue, object)
  if (throttled) return result(throttled, [object])
  const scripted = scriptedAnswer(scope.ctx, { level: "object", token: scope.tokenValue, id, edge: segments[1], fields: scope.params.get("fields") })
  if (scripted) return result(scripted, [object])
  return result(readTarget(scope, target, segments.slice(1)), [object])
}

function readTarget(scope: GraphScope, target: Target, edge: string[]): Rendered<unknown> {
  const { params, token } = scope
  const edgePath = `/${edge.join("/")}`
  switch (target.kind) {
    case "missing":
      return objectNotFound(target.id)

    case "instagram": {
      const media = target.media
      if (media.deleted || !canRead(token, media.owner_id)) return objectNotFound(media.id)
      if (edge.length === 0) {
        const fields = fieldsOf(params, plainFields("id"))
        return isGraphError(fields) ? fields : renderInstagramMedia(scope, media, fields)
      }
      if (edge.length === 1 && edge[0] === "comments") {
        const fields = params.get("fields") ? fieldsOf(params, []) : undefined
        if (isGraphError(fields)) return fields
        // `since` / `until` are silently ignored: IG comments can't be filtered by time (§1.6).
        return instagramComments(scope, media, { limit: params.get("limit"), after: params.get("after"), before: params.get("before"), fields })
      }
      if (edge.length === 1 && edge[0] === "insights") {
        if (!hasPermission(token, "instagram_manage_insights", "instagram_business_manage_insights")) return noPermission()
        return instagramInsights(media, parseMetricList(params.get("metric")), scope.versionNumber, params.get("breakdown"))
      }
      return unknownPath(edgePath)
    }

    case "facebook": {
      const post = target.post
      if (post.deleted || !canRead(token, post.page_id)) return objectNotFound(post.id)
      const pageName = facebookPageName(scope.ctx, post.page_id)
      if (edge.length === 0) {
        const fields = fieldsOf(params, defaultPostFields())
        return isGraphError(fields) ? fields : renderFacebookPost(scope, post, fields, pageName)
      }
      const fields = params.get("fields") ? fieldsOf(params, []) : undefined
      if (isGraphError(fields)) return fields
      const paging = { limit: params.get("limit"), after: params.get("after"), before: params.get("before"), fields }
      switch (edge[0]) {
        case "comments":
          if (edge.length > 1) return unknownPath(edgePath)
          return facebookComments(scope, post, { ...paging, order: params.get("order"), filter: params.get("filter"), summary: params.get("summary") })
        case "reactions":
        case "likes":
          if (edge.length > 1) return unknownPath(edgePath)
          return facebookReactions(scope, post, { ...paging, type: edge[0] === "likes" ? "LIKE" : params.get("type"), summary: params.get("summary"), likesShape: edge[0] === "likes" })
        case "insights": {
          if (edge.length > 2) return unknownPath(edgePath)
          if (!hasPermission(token, "read_insights")) return permissionsError()
          // `/insights/{metric}` is the path form of `?metric=`.
          const metrics = edge[1] ? [edge[1]] : parseMetricList(params.get("metric"))
          return facebookInsights(post, metrics, scope.ctx.options.meta)
        }
        default:
          return unknownPath(edgePath)
      }
    }

    case "account": {
      if (!canRead(token, target.id)) return objectNotFound(target.id)
      const fields = params.get("fields") ? fieldsOf(params, []) : undefined
      if (isGraphError(fields)) return fields
      if (edge.length === 0) return renderAccount(scope, target.id, target.account, fields ?? plainFields(target.account === "page" ? "name,id" : "id"))
      if (edge.length > 1) return unknownPath(edgePath)
      const paging = { limit: params.get("limit"), after: params.get("after"), before: params.get("before"), fields }
      if (target.account === "page" && ["posts", "feed", "published_posts"].includes(edge[0])) return pagePosts(scope, target.id, paging)
      if (target.account === "instagram" && (edge[0] === "media" || edge[0] === "stories")) return instagramUserMedia(scope, target.id, edge[0], paging)
      return unknownPath(edgePath)
    }
  }
}

/**
 * `GET /?ids=a,b`: removed (§1.8). Before the removal dates (a pinned sandbox clock) it still
 * answers the legacy way: max 50 ids, each one a call, and one bad id fails the whole request.
 */
function legacyIds(scope: GraphScope, limiter: MetaRateLimiter): CallResult {
  const raw = scope.params.get("ids")
  if (raw === null) return result(graphError(100, "Unsupported get request.", { type: "GraphMethodException" }), [])
  const now = scope.ctx.now()
  if (now >= IDS_REMOVED_ALL || (scope.versionNumber >= 26 && now >= IDS_REMOVED_V26)) {
    // UNCONFIRMED wording; the removal itself is from the v26 changelog as quoted by third parties.
    return result(
      graphError(
        100,
        "(#100) The ids parameter is no longer supported for multi-ID lookups. Use the Batch API instead: https://developers.facebook.com/docs/graph-api/batch-requests"
      ),
      []
    )
  }
  const ids = raw.split(",").map((s) => s.trim()).filter(Boolean)
  if (ids.length > MAX_IDS) return result(graphError(100, `(#100) Too many IDs. Maximum: ${MAX_IDS}. Provided: ${ids.length}.`), [])
  const out: Record<string, unknown> = {}
  const objects: BusinessObject[] = []
  for (const id of ids) {
    const target = resolveTarget(scope, id)
    const object = ownerObject(scope, target)
    objects.push(object)
    const throttled = limiter.consume(scope.tokenValue, object)
    if (throttled) return result(throttled, objects)
    const rendered = readTarget(scope, target, [])
    if (isGraphError(rendered)) return result(rendered, objects)
    out[id] = rendered
  }
  return { status: 200, body: out, objects }
}
