import { FetchError } from "@medusajs/js-sdk"

/**
 * What went wrong with a request, in terms the UI can act on. The JS SDK keeps
 * only the status and `message` of an error body, so the sync routes' `code`
 * is recovered from the status and the message wording (the routes' codes and
 * messages are a documented contract, see README "Admin API").
 */
export type ApiFailure = {
  status?: number
  code:
    | "not_found"
    | "not_posted"
    | "missing_platform_post_id"
    | "sync_in_progress"
    | "rate_limited"
    | "post_not_found"
    | "permission_denied"
    | "token_expired"
    | "invalid_data"
    | "network"
    | "unknown"
  message: string
}

export function toApiFailure(error: unknown): ApiFailure {
  const message = error instanceof Error && error.message ? error.message : "Something went wrong"
  const status = error instanceof FetchError ? error.status : undefined
  const text = message.toLowerCase()
  const code = ((): ApiFailure["code"] => {
    if (status === undefined) return error instanceof TypeError ? "network" : "unknown"
    if (status === 409) return "sync_in_progress"
    if (status === 429) return "rate_limited"
    if (status === 404) return "not_found"
    if (status === 400) {
      if (text.includes("platform post id")) return "missing_platform_post_id"
      if (text.includes("posted") || text.includes("publish")) return "not_posted"
      return "invalid_data"
    }
    if (status === 401 || status === 422 || status === 403) {
      if (/token|expired|reconnect|revoked|session/.test(text)) return "token_expired"
      if (/permission|not allowed|scope/.test(text)) return "permission_denied"
      if (/deleted|not found|does not exist|no longer/.test(text)) return "post_not_found"
      return status === 401 ? "token_expired" : "invalid_data"
    }
    return "unknown"
  })()
  return { status, code, message }
}

/** Plain-words advice for a failure, or undefined when the message says it all. */
export function adviceFor(failure: ApiFailure): string | undefined {
  switch (failure.code) {
    case "token_expired":
      return "The account's access token has expired or was revoked: reconnect the platform with a new token, then sync again."
    case "permission_denied":
      return "The token lacks a permission this post needs: reconnect the platform with a token that has the insights permissions."
    case "post_not_found":
      return "The post no longer exists on the platform (deleted, or the id is wrong). Check the post id, or archive the post."
    case "rate_limited":
      return "The platform is rate limiting this account. Wait a while before syncing again; scheduled syncs will retry on their own."
    case "sync_in_progress":
      return "Another sync of this post is running. Wait a few seconds and refresh."
    case "missing_platform_post_id":
      return "Add the post's id on the platform (edit the post), then sync."
    case "not_posted":
      return "Only published posts have insights. Mark the post as posted once it is live."
    case "network":
      return "The admin could not reach the server. Check your connection and try again."
    default:
      return undefined
  }
}

/**
 * Validation messages name the field they are about (e.g. "post_url must be a
 * valid URL"), so a form can show each one beside its input.
 */
export function fieldErrorsFrom(message: string, fields: readonly string[]): Record<string, string> {
  const found: Record<string, string> = {}
  for (const field of fields) {
    if (new RegExp(`(^|[^a-z_])${field}([^a-z_]|$)`).test(message)) {
      found[field] = message
    }
  }
  return found
}
