import type { SocialPlatform } from "../../insights/schema"
import { createWaitClock, type AttemptOutcome, type PlatformResponse, type SendAttempt } from "./attempt"
import { GENERIC_DIALECT, type ErrorMapper, type PlatformDialect } from "./dialect"
import { PlatformApiError, type PlatformApiErrorInit } from "./platform-api-error"
import type { BudgetRule, RateBudgetStore } from "./rate-budget"
import { redactUrl } from "./redact"
import type { RequestHook } from "./request-hooks"
import type { RequestLimit } from "./request-limit"
import { withRetry } from "./retry"
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry-policy"
import { withThrottling } from "./throttle"
import { headerLookup, retryAfterFromHeaders, type UsageThresholds } from "./usage-headers"

export type { AttemptOutcome, PlatformResponse } from "./attempt"
export { GENERIC_DIALECT, mapStatusError, type ErrorMapper, type ErrorResponse, type PlatformDialect } from "./dialect"

export interface PlatformRequest {
  platform: SocialPlatform
  method: "GET" | "POST"
  url: string
  headers?: Record<string, string>
  body?: string | URLSearchParams
  /** Units the platform will count against its limit (a Meta batch counts every item). Default 1. */
  units?: number
  /** Local budgets to book the units on before the request leaves. */
  budgets?: BudgetRule[]
  /** Label for hooks and logs, e.g. "instagram.batch". */
  operation?: string
}

export interface PlatformHttpConfig {
  timeoutMs: number
  retry?: RetryPolicy
  budgetStore?: RateBudgetStore
  usageThresholds?: UsageThresholds
  /**
   * The platform's wire dialect (error mapping, usage headers, secret names), handed in
   * by its client from the platform's folder; GENERIC_DIALECT when absent.
   */
  dialect?: PlatformDialect
  /**
   * Overrides the dialect's error mapping for one endpoint family: token endpoints answer
   * in OAuth's words, not the platform's API dialect.
   */
  mapError?: ErrorMapper
  /** Every token/secret in play; read at call time because refreshes replace them. */
  secrets?: () => Iterable<string | undefined>
  onRequest?: RequestHook
  /** Bounds requests in flight (shared by every account of the process); only the network exchange holds a slot. */
  limit?: RequestLimit
  fetch?: typeof fetch
  sleep?: (ms: number) => Promise<void>
  random?: () => number
  now?: () => number
}

export const DEFAULT_TIMEOUT_MS = 10_000

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

function parseBody(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === "") return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

type Failure = Omit<PlatformApiErrorInit, "platform" | "url" | "secrets" | "secretParams">

/** What one request needs to redact: the secrets in play now and the dialect's names. */
function redaction(request: PlatformRequest, config: PlatformHttpConfig, dialect: PlatformDialect) {
  const secrets = (): string[] => [...(config.secrets?.() ?? [])].filter((s): s is string => !!s)
  const safeUrl = (): string => redactUrl(request.url, secrets(), dialect.secretParams)
  const fail = (init: Failure): PlatformApiError =>
    new PlatformApiError({ ...init, platform: request.platform, url: safeUrl(), secrets: secrets(), secretParams: dialect.secretParams })
  return { secrets, safeUrl, fail }
}

/**
 * One try and nothing else: the hook, a request slot, the timeout, the answer read
 * in the platform's dialect (usage headers, error mapping). No budgets, no retries.
 */
function sendOnce(request: PlatformRequest, config: PlatformHttpConfig, dialect: PlatformDialect, now: () => number): SendAttempt {
  const doFetch = config.fetch ?? fetch
  const units = request.units ?? 1
  const { secrets, safeUrl, fail } = redaction(request, config, dialect)
  const mapError = config.mapError ?? dialect.mapError
  return async (attempt): Promise<AttemptOutcome> => {
    const controller = new AbortController()
    const exchange = async () => {
      config.onRequest?.({ platform: request.platform, method: request.method, url: safeUrl(), attempt, units, operation: request.operation })
      // The timeout starts when the request leaves, not while it waits for a slot.
      const timer = setTimeout(() => controller.abort(), config.timeoutMs)
      try {
        const res = await doFetch(request.url, { method: request.method, headers: request.headers, body: request.body, signal: controller.signal })
        return { res, text: await res.text() }
      } finally {
        clearTimeout(timer)
      }
    }
    try {
      const { res, text } = await (config.limit ? config.limit(exchange) : exchange())
      const headers = headerLookup(res.headers)
      const parsed = parseBody(text)
      const usage = dialect.readUsage(headers, now())
      if (res.ok && parsed.ok) return { ok: true, response: { status: res.status, data: parsed.value, headers, usage, attempts: attempt + 1 } }
      if (res.ok) return { ok: false, error: fail({ kind: "malformed_response", status: res.status, code: "malformed_json", detail: text.slice(0, 200) }), usage }
      const mapped = mapError({ platform: request.platform, status: res.status, body: parsed.ok ? parsed.value : text, headers, url: safeUrl(), secrets: secrets() }, now())
      const hinted = retryAfterFromHeaders(headers, now())
      return { ok: false, error: mapped.retryAfterMs === undefined && hinted !== undefined ? mapped.withRetryAfter(hinted) : mapped, usage }
    } catch (e) {
      if (e instanceof PlatformApiError) throw e
      const error = controller.signal.aborted
        ? fail({ kind: "timeout", code: "timeout", detail: `no answer within ${config.timeoutMs} ms` })
        : fail({ kind: "network", code: "network", detail: e instanceof Error ? e.message : String(e), cause: e })
      return { ok: false, error, usage: [] }
    }
  }
}

/**
 * The one way this plugin talks HTTP to a platform: one request function (sendOnce)
 * inside throttling (budgets, usage-header brakes, pauses) inside retry (policy as
 * data). The platform's client supplies its dialect; this layer supplies the rest.
 */
export async function platformFetch(request: PlatformRequest, config: PlatformHttpConfig): Promise<PlatformResponse> {
  const policy = config.retry ?? DEFAULT_RETRY_POLICY
  const dialect = config.dialect ?? GENERIC_DIALECT
  const now = config.now ?? Date.now
  const clock = createWaitClock(now, config.sleep ?? defaultSleep)
  const { fail } = redaction(request, config, dialect)
  const throttled = withThrottling(sendOnce(request, config, dialect, now), {
    store: config.budgetStore,
    budgets: request.budgets,
    units: request.units ?? 1,
    thresholds: config.usageThresholds,
    maxWaitMs: policy.maxWaitMs,
    clock,
    refuse: (retryAfterMs) => fail({ kind: "rate_limit", code: "local_budget", retryAfterMs, detail: "local call budget exhausted" }),
  })
  const outcome = await withRetry(throttled, policy, clock, config.random ?? Math.random)()
  if (outcome.ok) return outcome.response
  throw outcome.error
}
