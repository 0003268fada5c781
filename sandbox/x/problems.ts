import type { SandboxReply } from "../types"

/**
 * Real responses still name problem types under api.twitter.com even though the docs moved to
 * api.x.com (§4.4); clients are expected to match on the path suffix.
 */
const PROBLEM_BASE = "https://api.twitter.com/2/problems/"

export function problemType(name: string): string {
  return PROBLEM_BASE + name
}

export function reply(status: number, body: unknown, headers?: Record<string, string>): SandboxReply {
  return headers ? { status, body, headers } : { status, body }
}

/** Captured 401 for unknown, expired or revoked Bearer tokens. */
export function unauthorized(): SandboxReply {
  return reply(401, { title: "Unauthorized", type: "about:blank", status: 401, detail: "Unauthorized" })
}

/** A user token missing the `tweet.read` / `users.read` scopes. */
export function forbidden(): SandboxReply {
  return reply(403, { title: "Forbidden", type: "about:blank", status: 403, detail: "Forbidden" })
}

export function pageNotFound(): SandboxReply {
  return reply(404, { title: "Not Found", type: "about:blank", status: 404, detail: "Not Found" })
}

/** One entry of an invalid-request problem: the offending parameter and X's wording. */
export interface ParameterError {
  parameters: Record<string, string[]>
  message: string
}

export function invalidRequest(errors: ParameterError[]): SandboxReply {
  return reply(400, {
    errors,
    title: "Invalid Request",
    detail: "One or more parameters to your request was invalid.",
    type: problemType("invalid-request"),
  })
}

/** Partial error for an unknown or deleted post (HTTP 200 next to `data`). */
export function tweetNotFound(id: string, parameter: "id" | "ids"): Record<string, string> {
  return {
    value: id,
    detail: `Could not find tweet with ${parameter}: [${id}].`,
    title: "Not Found Error",
    resource_type: "tweet",
    parameter,
    resource_id: id,
    type: problemType("resource-not-found"),
  }
}

/**
 * Field-level refusal of a private metric, one entry per metric key, in the shape of public
 * captures ("Field Authorization Error", `not-authorized-for-field`). The docs leave the exact
 * body UNCONFIRMED (§4.4).
 */
export function fieldNotAuthorized(
  resource: "tweet" | "media",
  id: string,
  field: string,
  parameter: string
): Record<string, string> {
  const noun = resource === "tweet" ? "Tweet with id" : "Media with media_key"
  return {
    resource_type: resource,
    field,
    parameter,
    resource_id: id,
    title: "Field Authorization Error",
    section: resource === "tweet" ? "data" : "includes",
    detail: `Sorry, you are not authorized to access '${field}' on the ${noun} : [${id}].`,
    value: id,
    type: problemType("not-authorized-for-field"),
  }
}

/** Captured 403 for an app not attached to a Project (§4.4): every v2 call, whatever the token. */
export function clientNotEnrolled(): SandboxReply {
  return reply(403, {
    client_id: "12345678",
    detail:
      "When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project. You can create a project via the developer portal.",
    registration_url: "https://developer.twitter.com/en/docs/projects/overview",
    title: "Client Forbidden",
    required_enrollment: "Appropriate Level of API Access",
    reason: "client-not-enrolled",
    type: problemType("client-forbidden"),
  })
}

/** A not-found partial error with only `title` and `detail` (captured variants lack `type`, `resource_id`, `value`). */
export function tweetNotFoundMinimal(id: string, parameter: "id" | "ids"): Record<string, string> {
  return { title: "Not Found Error", detail: `Could not find tweet with ${parameter}: [${id}].` }
}

/** The "forbidden" refusal mode: the whole request fails. */
export function privateMetricsForbidden(ids: string[]): SandboxReply {
  return reply(403, {
    title: "Client Forbidden",
    detail:
      `You are not permitted to read private metrics of the posts with ids: [${ids.join(",")}]. ` +
      "They need a user-context token of the posts' author and posts created within the last 30 days.",
    type: problemType("client-forbidden"),
    status: 403,
  })
}

export function rateLimited(shape: "problem" | "v1.1"): unknown {
  // The docs still print the v1.1 body; live v2 endpoints answer with the problem JSON (§4.3).
  return shape === "v1.1"
    ? { errors: [{ code: 88, message: "Rate limit exceeded" }] }
    : { title: "Too Many Requests", detail: "Too Many Requests", type: "about:blank", status: 429 }
}

export function usageCapped(): unknown {
  return {
    title: "UsageCapExceeded",
    detail: "Usage cap exceeded: Monthly product cap",
    type: problemType("usage-capped"),
    period: "Monthly",
    scope: "Product",
  }
}

/** Errors of the token endpoint use the OAuth 2.0 envelope, not the problem format. */
export function oauthInvalidRequest(description: string): SandboxReply {
  return reply(400, { error: "invalid_request", error_description: description })
}
