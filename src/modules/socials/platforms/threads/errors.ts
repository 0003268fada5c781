import { PLATFORM_LABELS, PlatformApiError, type PlatformErrorKind } from "../http/platform-api-error"
import type { ErrorResponse } from "../http/platform-fetch"
import { retryAfterFromHeaders } from "../http/usage-headers"
import { mapMetaErrorBody } from "../meta/errors"
import { isAccountWide } from "../shared/sync-result"
import { THREADS, THREADS_LABEL } from "./platform-id"

/**
 * Threads calls are counted in a rolling 24 h and its throttle answers (Graph codes 4/17/613)
 * say nothing about when room comes back: a throttled account waits at least this long
 * (its budget is paused), instead of re-asking every minute and deepening the hole.
 */
export const THREADS_THROTTLE_WAIT_MS = 15 * 60_000

/** Reading any post needs it: refused once, refused for every post of the account. */
const ACCOUNT_PERMISSIONS = new Set(["threads_basic"])

/** The spec's wording, said of Threads (the shared table gets a Threads label with the registry). */
function threadsMessage(kind: PlatformErrorKind, facts: { status?: number; expired?: boolean; permission?: string }): string | undefined {
  switch (kind) {
    case "auth":
      return facts.expired ? `Access token expired: reconnect your ${THREADS_LABEL} account` : `Access token is invalid or was revoked: reconnect your ${THREADS_LABEL} account`
    case "permission":
      if (facts.permission && ACCOUNT_PERMISSIONS.has(facts.permission)) {
        return `Permission denied (${facts.permission}): reconnect the ${THREADS_LABEL} account and grant '${facts.permission}'`
      }
      return facts.permission ? `Permission denied (${facts.permission})` : "Permission denied"
    case "app_config":
      return `${THREADS_LABEL} refused this app: check its settings in the Meta developer portal (Threads use case)`
    case "retired_metric":
      return `${THREADS_LABEL} refused an insights metric for this post`
    case "invalid_request":
      return `${THREADS_LABEL} rejected the request`
    case "version_unsupported":
      return `${THREADS_LABEL} no longer supports the configured API version; update THREADS_API_VERSION`
    case "server":
      return `${THREADS_LABEL} is temporarily unavailable${facts.status ? ` (HTTP ${facts.status})` : ""}`
    case "network":
      return `Could not reach ${THREADS_LABEL}`
    case "timeout":
      return `${THREADS_LABEL} did not answer in time`
    case "malformed_response":
      return `${THREADS_LABEL} returned an incomplete response`
    default:
      return undefined
  }
}

/**
 * Threads answers in Graph's envelope with Graph's codes (platform-onboarding §6.1), so
 * Meta's classification decides the kind (token 190/102, throttle 4/17/613, permission
 * 10/200-299, 100/33 not found, transient 1/2); the wording and the throttle wait are Threads'.
 */
export function mapThreadsError(response: ErrorResponse, now: number = Date.now()): PlatformApiError {
  const graph = mapMetaErrorBody("instagram", response.status, response.body, { url: response.url, secrets: response.secrets })
  // "(#12) … version … not supported": Graph's code for a version it no longer serves.
  const kind: PlatformErrorKind = graph.code === 12 && /version/i.test(graph.detail ?? "") ? "version_unsupported" : graph.kind
  const retryAfterMs = kind === "rate_limit" ? retryAfterFromHeaders(response.headers, now) ?? THREADS_THROTTLE_WAIT_MS : undefined
  return new PlatformApiError({
    platform: THREADS,
    kind,
    status: response.status,
    code: graph.code,
    subcode: graph.subcode,
    detail: graph.detail,
    url: response.url,
    secrets: response.secrets,
    retryAfterMs,
    expired: graph.expired,
    permission: graph.permission,
    message: threadsMessage(kind, { status: response.status, expired: graph.expired, permission: graph.permission }),
  })
}

/**
 * Errors the HTTP layer builds itself (timeout, network, local budget) word the platform by
 * PLATFORM_LABELS, which has no Threads entry before the registry: give them Threads' words.
 */
export function withThreadsWording(error: PlatformApiError): PlatformApiError {
  if (error.platform !== THREADS || PLATFORM_LABELS[error.platform]) return error
  const message = threadsMessage(error.kind, { status: error.status, expired: error.expired, permission: error.permission })
  if (!message) return error
  return new PlatformApiError({
    platform: THREADS,
    kind: error.kind,
    status: error.status,
    code: error.code,
    subcode: error.subcode,
    retryAfterMs: error.retryAfterMs,
    detail: error.detail,
    url: error.url,
    expired: error.expired,
    permission: error.permission,
    message,
    cause: error.cause,
  })
}

/** Errors that end the account's run: token, throttle, app settings, and a refused threads_basic. */
export function isThreadsAccountProblem(error: PlatformApiError): boolean {
  if (isAccountWide(error)) return true
  return error.kind === "permission" && !!error.permission && ACCOUNT_PERMISSIONS.has(error.permission)
}

/** The refusal of th_refresh_token: the long-lived token cannot be renewed, so the account must be reconnected. */
export function refreshRefusedError(status: number | undefined, detail: string | undefined, secrets: string[]): PlatformApiError {
  return new PlatformApiError({
    platform: THREADS,
    kind: "auth",
    status,
    code: "refresh_failed",
    expired: true,
    detail,
    secrets,
    message: `Access token expired and ${THREADS_LABEL} refused to refresh it: reconnect your ${THREADS_LABEL} account`,
  })
}
