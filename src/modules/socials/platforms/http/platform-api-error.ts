import { byPlatform, type SocialPlatform } from "../catalog"
import { redactSecrets } from "./redact"

export type PlatformErrorKind =
  | "auth"
  | "rate_limit"
  | "permission"
  /** The app itself is misconfigured on the platform's side (not the token, not the post): fix its settings. */
  | "app_config"
  | "not_found"
  | "invalid_id"
  | "retired_metric"
  | "insights_unavailable"
  | "invalid_request"
  | "version_unsupported"
  | "server"
  | "network"
  | "timeout"
  | "malformed_response"

/** Short names for messages, from the catalog. */
export const PLATFORM_LABELS: Record<SocialPlatform, string> = byPlatform((p) => p.label)

export interface PlatformApiErrorInit {
  platform: SocialPlatform
  kind: PlatformErrorKind
  status?: number
  /** Platform code: Meta numeric code, X problem type suffix, LinkedIn serviceErrorCode / code. */
  code?: string | number
  subcode?: number
  retryAfterMs?: number
  /** The platform's own message; kept (redacted) for logs, never shown instead of the mapped message. */
  detail?: string
  /** The request URL, redacted. */
  url?: string
  /** auth: whether the token expired (vs. revoked / invalid). */
  expired?: boolean
  /** permission: the permission the platform named, if any. */
  permission?: string
  /** retired_metric: metrics the platform refused, and the allowed list it offered. */
  refusedMetrics?: string[]
  allowedMetrics?: string[]
  /** Overrides the mapped message (already user-facing). */
  message?: string
  secrets?: Iterable<string | undefined>
  /** The platform's secret parameter names (its dialect's); OAuth's and the legacy list otherwise. */
  secretParams?: readonly string[]
  cause?: unknown
}

function mappedMessage(init: PlatformApiErrorInit): string {
  const label = PLATFORM_LABELS[init.platform]
  switch (init.kind) {
    case "rate_limit":
      return "Rate limit exceeded"
    case "permission":
      return init.permission ? `Permission denied (${init.permission})` : "Permission denied"
    case "app_config":
      return `${label} refused this app: check its settings in the ${label} developer portal`
    case "not_found":
      return "Post not found"
    case "invalid_id":
      return "Invalid media ID"
    case "auth":
      return init.expired
        ? `Access token expired: reconnect your ${label} account`
        : `Access token is invalid or was revoked: reconnect your ${label} account`
    case "retired_metric": {
      const names = (init.refusedMetrics ?? []).map((m) => `'${m}'`).join(", ")
      return names ? `${label} no longer provides ${names} for this media` : `${label} refused an insights metric for this media`
    }
    case "insights_unavailable":
      return "Insights are not available for this post yet"
    case "invalid_request":
      return `${label} rejected the request`
    case "version_unsupported":
      return `${label} no longer supports the configured API version; update it`
    case "server":
      return `${label} is temporarily unavailable${init.status ? ` (HTTP ${init.status})` : ""}`
    case "network":
      return `Could not reach ${label}`
    case "timeout":
      return `${label} did not answer in time`
    case "malformed_response":
      return `${label} returned an incomplete response`
  }
}

const RETRYABLE: ReadonlySet<PlatformErrorKind> = new Set(["rate_limit", "server", "network", "timeout", "malformed_response"])

/**
 * The one error type for platform failures. Its message is already the spec's
 * wording ("Rate limit exceeded", "Permission denied", "Post not found", ...) and
 * contains no token; the module boundary turns it into a MedusaError / HTTP 429.
 */
export class PlatformApiError extends Error {
  readonly platform: SocialPlatform
  readonly kind: PlatformErrorKind
  readonly status?: number
  readonly code?: string | number
  readonly subcode?: number
  readonly retryAfterMs?: number
  readonly detail?: string
  readonly url?: string
  readonly expired?: boolean
  readonly permission?: string
  readonly refusedMetrics?: string[]
  readonly allowedMetrics?: string[]
  readonly cause?: unknown

  constructor(init: PlatformApiErrorInit) {
    const secrets = [...(init.secrets ?? [])]
    const params = init.secretParams
    super(redactSecrets(init.message ?? mappedMessage(init), secrets, params))
    this.name = "PlatformApiError"
    this.platform = init.platform
    this.kind = init.kind
    this.status = init.status
    this.code = init.code
    this.subcode = init.subcode
    this.retryAfterMs = init.retryAfterMs
    this.detail = init.detail === undefined ? undefined : redactSecrets(init.detail, secrets, params)
    this.url = init.url === undefined ? undefined : redactSecrets(init.url, secrets, params)
    this.expired = init.expired
    this.permission = init.permission
    this.refusedMetrics = init.refusedMetrics
    this.allowedMetrics = init.allowedMetrics
    this.cause = init.cause
  }

  get isAuth(): boolean {
    return this.kind === "auth"
  }
  get isRateLimit(): boolean {
    return this.kind === "rate_limit"
  }
  get isNotFound(): boolean {
    return this.kind === "not_found" || this.kind === "invalid_id"
  }
  get isPermission(): boolean {
    return this.kind === "permission"
  }
  get isAppConfig(): boolean {
    return this.kind === "app_config"
  }
  get isRetiredMetric(): boolean {
    return this.kind === "retired_metric"
  }
  get isRetryable(): boolean {
    return RETRYABLE.has(this.kind)
  }

  /** Same error with a (possibly longer) wait attached, e.g. when the retry budget ran out. */
  withRetryAfter(retryAfterMs: number | undefined): PlatformApiError {
    return new PlatformApiError({ ...this.init(), retryAfterMs })
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, platform: this.platform, kind: this.kind, status: this.status, code: this.code, subcode: this.subcode, retryAfterMs: this.retryAfterMs }
  }

  private init(): PlatformApiErrorInit {
    return {
      platform: this.platform,
      kind: this.kind,
      status: this.status,
      code: this.code,
      subcode: this.subcode,
      retryAfterMs: this.retryAfterMs,
      detail: this.detail,
      url: this.url,
      expired: this.expired,
      permission: this.permission,
      refusedMetrics: this.refusedMetrics,
      allowedMetrics: this.allowedMetrics,
      message: this.message,
      cause: this.cause,
    }
  }
}

export function isPlatformApiError(value: unknown): value is PlatformApiError {
  return value instanceof PlatformApiError
}
