import type { SocialPlatform } from "../catalog"
import { PlatformApiError } from "./platform-api-error"
import { LEGACY_SECRET_PARAMS } from "./redact"
import { readGraphUsage, readXUsage, type HeaderLookup, type UsageReading } from "./usage-headers"

/** A non-2xx answer as the dialect's error mapping sees it. */
export interface ErrorResponse {
  platform: SocialPlatform
  status: number
  /** Parsed JSON when the body was JSON, otherwise the text. */
  body: unknown
  headers: HeaderLookup
  /** Redacted. */
  url: string
  secrets: string[]
}

/** Turns a non-2xx answer into the platform's PlatformApiError. */
export type ErrorMapper = (response: ErrorResponse, now: number) => PlatformApiError

/**
 * What the HTTP layer asks of a platform: the wire's own words for errors, usage
 * and secrets. The layer keeps timeouts, budgets, retries and redaction for all;
 * each client hands its platform's dialect in (PlatformHttpConfig.dialect), so the
 * layer never needs to know which platforms exist.
 */
export interface PlatformDialect {
  /** A non-2xx answer -> the typed error (kind, code, wait, message). */
  readonly mapError: ErrorMapper
  /** How close this account is to the platform's limit, from one answer's headers. */
  readonly readUsage: (get: HeaderLookup, now?: number) => UsageReading[]
  /**
   * Query, form and JSON parameter names that carry secrets on this platform, on top
   * of OAuth 2.0's own (access_token, refresh_token, client_secret: always redacted).
   */
  readonly secretParams: readonly string[]
}

/** Status-only mapping for platforms (or answers) without a recognisable error body. */
export function mapStatusError(response: ErrorResponse): PlatformApiError {
  const { platform, status, url, secrets } = response
  const detail = typeof response.body === "string" ? response.body.slice(0, 300) : JSON.stringify(response.body ?? "").slice(0, 300)
  const kind =
    status === 401 ? "auth" : status === 403 ? "permission" : status === 404 ? "not_found" : status === 429 ? "rate_limit" : status === 426 ? "version_unsupported" : status >= 500 ? "server" : "invalid_request"
  return new PlatformApiError({ platform, kind, status, code: status, detail, url, secrets })
}

/**
 * For calls that name no platform dialect (tests, tools, OAuth endpoints): status-only
 * errors, every usage header this layer can read, every secret name it ever knew.
 */
export const GENERIC_DIALECT: PlatformDialect = Object.freeze({
  mapError: mapStatusError,
  readUsage: (get: HeaderLookup, now: number = Date.now()) => [...readGraphUsage(get), ...readXUsage(get, now)],
  secretParams: LEGACY_SECRET_PARAMS,
})
