import type { SandboxReply } from "../types"

/**
 * LinkedIn's error envelope. The 401/403/404/429 bodies are the captured ones of §5.6; the
 * 400/426 wordings follow the same envelope with messages seen in public client code.
 */
function error(status: number, body: Record<string, unknown>): SandboxReply {
  return { status, body }
}

export function invalidAccessToken(): SandboxReply {
  return error(401, { status: 401, serviceErrorCode: 65600, code: "INVALID_ACCESS_TOKEN", message: "Invalid access token" })
}

export function revokedAccessToken(): SandboxReply {
  return error(401, { status: 401, serviceErrorCode: 65601, code: "REVOKED_ACCESS_TOKEN", message: "The token used in the request has been revoked by the user" })
}

export function expiredAccessToken(): SandboxReply {
  return error(401, { status: 401, serviceErrorCode: 65602, code: "EXPIRED_ACCESS_TOKEN", message: "The token used in the request has expired" })
}

export function accessDenied(message: string): SandboxReply {
  return error(403, { status: 403, serviceErrorCode: 100, code: "ACCESS_DENIED", message })
}

/** "Not enough permissions to access: socialActions.GET.20250801", as versioned calls name it. */
export function notEnoughPermissions(resource: string, method: string, version: string): SandboxReply {
  return accessDenied(`Not enough permissions to access: ${resource}.${method}.${version.slice(0, 6)}01`)
}

/** §5.2: a URN of the wrong type, or a post the organization does not own, in a share-statistics List. */
export function unpermittedField(param: string, index: number): SandboxReply {
  return accessDenied(`Unpermitted fields present in PARAMETER: Data Processing Exception while processing fields [/${param}[${index}]]`)
}

export function notFound(): SandboxReply {
  return error(404, { status: 404, code: "RESOURCE_NOT_FOUND", message: "No virtual resource found" })
}

/**
 * Bare body, no serviceErrorCode, no rate-limit headers (§5.6). "code-101" is the reported variant
 * with `serviceErrorCode: 101`, whose wording (not captured) does not say the limit is daily.
 */
export function throttled(level: "APPLICATION" | "MEMBER", body: "day-limit" | "code-101" = "day-limit"): SandboxReply {
  if (body === "code-101") return error(429, { status: 429, serviceErrorCode: 101, code: "TOO_MANY_REQUESTS", message: "Too many requests." })
  return error(429, { message: `Resource level throttle ${level} DAY limit for calls to this resource is reached.`, status: 429 })
}

export function versionMissing(): SandboxReply {
  return error(426, {
    status: 426,
    code: "VERSION_MISSING",
    message: "A version must be present. Please specify a version by adding the LinkedIn-Version header.",
  })
}

export function versionNotActive(version: string): SandboxReply {
  return error(426, { status: 426, code: "NONEXISTENT_VERSION", message: `Requested version ${version} is not active` })
}

export function illegalArgument(message: string): SandboxReply {
  return error(400, { status: 400, code: "ILLEGAL_ARGUMENT", message })
}

/** A path key that is not a fully encoded URN: what Rest.li answers a raw `urn:li:share:1`. */
export function badPathKey(): SandboxReply {
  return illegalArgument("Syntax exception in path variables")
}

export function invalidQuery(detail?: string): SandboxReply {
  return illegalArgument(detail ? `Invalid query parameters passed to request: ${detail}` : "Invalid query parameters passed to request")
}

/** Token endpoint errors use the OAuth 2.0 envelope. */
export function oauthInvalidRequest(description: string): SandboxReply {
  return error(400, { error: "invalid_request", error_description: description })
}
