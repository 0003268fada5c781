import type { PlatformHandler, SandboxReply, SandboxRequest } from "../types"
import { authenticate, hasAnyScope } from "./auth"
import type { LinkedInCall } from "./call"
import { takeDailyQuota } from "./daily-quota"
import { accessDenied, badPathKey, illegalArgument, invalidQuery, notEnoughPermissions, notFound, versionMissing, versionNotActive } from "./errors"
import { handleLinkedInConnect } from "./oauth-connect"
import { refreshLinkedInToken } from "./oauth-token"
import { isActiveVersion, isDevelopmentTier } from "./options"
import { decodePathKey, urnListParam } from "./restli"
import { shareStatistics } from "./share-statistics"
import { batchGetSocialActions, getSocialActions, listComments } from "./social-actions"
import { batchGetSocialMetadata, getSocialMetadata } from "./social-metadata"
import { videoAnalytics } from "./video-analytics"
import { networkSize } from "./network-sizes"
import { findPostsByAuthor } from "./posts-finder"

interface Route {
  /** Quota bucket and the name in ACCESS_DENIED messages. */
  resource: string
  /** Rest.li method: GET, GET_ALL, BATCH_GET, FINDER-<q>. */
  method: string
  /** Any one of these grants access (§5.2–5.5). */
  scopes: readonly string[]
  run(call: LinkedInCall): SandboxReply
}

const SOCIAL_ACTIONS_SCOPES = ["r_organization_social", "r_member_social"]
const SOCIAL_METADATA_SCOPES = ["r_organization_social_feed", "r_organization_social"]

/** Decodes a path key, or answers Rest.li's 400 for a key that is not a fully encoded URN. */
function withKey(segment: string, run: (call: LinkedInCall, urn: string) => SandboxReply): (call: LinkedInCall) => SandboxReply {
  return (call) => {
    const urn = decodePathKey(segment)
    return urn ? run(call, urn) : badPathKey()
  }
}

function withIds(run: (call: LinkedInCall, urns: string[]) => SandboxReply): (call: LinkedInCall) => SandboxReply {
  return (call) => {
    const ids = urnListParam(call.req, "ids")
    if (!ids?.ok || ids.value.length === 0) return invalidQuery("ids must be a non-empty List of encoded URNs")
    return run(call, ids.value)
  }
}

function route(req: SandboxRequest): Route | undefined {
  if (req.method !== "GET") return undefined
  const [resource, key, sub, ...rest] = req.path.replace(/^\/rest\//, "").replace(/\/+$/, "").split("/")
  if (rest.length) return undefined
  switch (resource) {
    case "socialActions":
      if (key === undefined) return { resource, method: "BATCH_GET", scopes: SOCIAL_ACTIONS_SCOPES, run: withIds(batchGetSocialActions) }
      if (sub === "comments") return { resource, method: "GET_ALL", scopes: SOCIAL_ACTIONS_SCOPES, run: withKey(key, listComments) }
      if (sub === undefined) return { resource, method: "GET", scopes: SOCIAL_ACTIONS_SCOPES, run: withKey(key, getSocialActions) }
      return undefined
    case "socialMetadata":
      if (sub !== undefined) return undefined
      if (key === undefined) return { resource, method: "BATCH_GET", scopes: SOCIAL_METADATA_SCOPES, run: withIds(batchGetSocialMetadata) }
      return { resource, method: "GET", scopes: SOCIAL_METADATA_SCOPES, run: withKey(key, getSocialMetadata) }
    case "organizationalEntityShareStatistics":
      if (key !== undefined) return undefined
      return { resource, method: "FINDER-organizationalEntity", scopes: ["rw_organization_admin"], run: shareStatistics }
    case "networkSizes":
      if (key === undefined || sub !== undefined) return undefined
      return { resource, method: "GET", scopes: ["rw_organization_admin", "r_organization_admin", "r_organization_social"], run: withKey(key, networkSize) }
    case "posts":
      if (key !== undefined) return undefined
      return { resource, method: "FINDER-author", scopes: ["r_organization_social"], run: findPostsByAuthor }
    case "videoAnalytics":
      if (key !== undefined) return undefined
      return { resource, method: "FINDER-entity", scopes: ["r_organization_social"], run: videoAnalytics }
    default:
      return undefined
  }
}

/**
 * LinkedIn REST under /linkedin. For /rest calls, in order: LinkedIn-Version (426),
 * X-Restli-Protocol-Version (400), resource (404), token (401), daily quota (429, no headers),
 * scopes and tier (403), then the resource itself (400 for badly encoded URNs, 404, 200).
 */
export const handleLinkedInRequest: PlatformHandler = (req, ctx) => {
  const connect = handleLinkedInConnect(req, ctx)
  if (connect) return connect
  if (req.path === "/oauth/v2/accessToken" && req.method === "POST") return refreshLinkedInToken(req, ctx)
  if (!req.path.startsWith("/rest/")) return notFound()

  const version = req.headers["linkedin-version"]?.trim()
  if (!version) return versionMissing()
  if (!isActiveVersion(ctx, version)) return versionNotActive(version)
  if (req.headers["x-restli-protocol-version"]?.trim() !== "2.0.0") {
    return illegalArgument("X-Restli-Protocol-Version: 2.0.0 is required for this API")
  }

  const target = route(req)
  if (!target) return notFound()
  const token = authenticate(req, ctx)
  if ("status" in token) return token
  const throttled = takeDailyQuota(ctx, target.resource, token)
  if (throttled) return throttled
  if (!hasAnyScope(token, target.scopes)) return notEnoughPermissions(target.resource, target.method, version)
  if (target.method === "BATCH_GET" && isDevelopmentTier(ctx)) {
    // The Development tier has BATCH_GET disabled (§5.6); clients must fall back to single GETs.
    return accessDenied(`BATCH_GET is not allowed for this application: ${target.resource}.BATCH_GET.${version.slice(0, 6)}01`)
  }
  return target.run({ req, ctx, token, version })
}
