import type { SocialPlatform } from "../../insights/schema"
import { PlatformApiError } from "./platform-api-error"
import { type BudgetRule, type RateBudgetStore, pauseBudget, takeBudgets } from "./rate-budget"
import { redactUrl } from "./redact"
import type { RequestHook } from "./request-hooks"
import type { RequestLimit } from "./request-limit"
import { DEFAULT_RETRY_POLICY, decideRetry, type RetryPolicy } from "./retry-policy"
import {
  DEFAULT_USAGE_THRESHOLDS,
  headerLookup,
  readUsage,
  retryAfterFromHeaders,
  usageVerdict,
  type HeaderLookup,
  type UsageReading,
  type UsageThresholds,
} from "./usage-headers"

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
export type ErrorMapper = (response: ErrorResponse) => PlatformApiError

export interface PlatformHttpConfig {
  timeoutMs: number
  retry?: RetryPolicy
  budgetStore?: RateBudgetStore
  usageThresholds?: UsageThresholds
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

/** `data` is unknown on purpose: each client validates it with its own zod schema. */
export interface PlatformResponse {
  status: number
  data: unknown
  headers: HeaderLookup
  usage: UsageReading[]
  attempts: number
}

export const DEFAULT_TIMEOUT_MS = 10_000

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Status-only mapping for platforms (or answers) without a recognisable error body. */
export function mapStatusError(response: ErrorResponse): PlatformApiError {
  const { platform, status, url, secrets } = response
  const detail = typeof response.body === "string" ? response.body.slice(0, 300) : JSON.stringify(response.body ?? "").slice(0, 300)
  const kind =
    status === 401 ? "auth" : status === 403 ? "permission" : status === 404 ? "not_found" : status === 429 ? "rate_limit" : status === 426 ? "version_unsupported" : status >= 500 ? "server" : "invalid_request"
  return new PlatformApiError({ platform, kind, status, code: status, detail, url, secrets })
}

function parseBody(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === "") return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

/**
 * The one way this plugin talks HTTP to a platform: local budget, timeout,
 * error mapping, usage-header braking, retries per policy, redaction.
 */
export async function platformFetch(request: PlatformRequest, config: PlatformHttpConfig): Promise<PlatformResponse> {
  const policy = config.retry ?? DEFAULT_RETRY_POLICY
  const now = config.now ?? Date.now
  const sleep = config.sleep ?? defaultSleep
  const random = config.random ?? Math.random
  const doFetch = config.fetch ?? fetch
  const units = request.units ?? 1
  const secrets = (): string[] => [...(config.secrets?.() ?? [])].filter((s): s is string => !!s)
  const safeUrl = (): string => redactUrl(request.url, secrets())
  const fail = (init: Omit<ConstructorParameters<typeof PlatformApiError>[0], "platform" | "url" | "secrets">): PlatformApiError =>
    new PlatformApiError({ ...init, platform: request.platform, url: safeUrl(), secrets: secrets() })

  let waitedMs = 0
  for (let attempt = 0; ; attempt++) {
    if (config.budgetStore && request.budgets?.length) {
      const booked = await takeBudgets(config.budgetStore, request.budgets, units, now())
      if (!booked.ok) {
        // Our own budget: waiting is fine only while it stays within maxWaitMs.
        if (waitedMs + booked.retryAfterMs > policy.maxWaitMs) {
          throw fail({ kind: "rate_limit", code: "local_budget", retryAfterMs: booked.retryAfterMs, detail: "local call budget exhausted" })
        }
        await sleep(booked.retryAfterMs)
        waitedMs += booked.retryAfterMs
        attempt--
        continue
      }
    }

    let error: PlatformApiError
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
      await applyUsage(config, request, headers, now())
      if (res.ok) {
        if (!parsed.ok) {
          error = fail({ kind: "malformed_response", status: res.status, code: "malformed_json", detail: text.slice(0, 200) })
        } else {
          return { status: res.status, data: parsed.value, headers, usage: readUsage(headers, now()), attempts: attempt + 1 }
        }
      } else {
        const mapper = config.mapError ?? mapStatusError
        const mapped = mapper({ platform: request.platform, status: res.status, body: parsed.ok ? parsed.value : text, headers, url: safeUrl(), secrets: secrets() })
        const hinted = retryAfterFromHeaders(headers, now())
        error = mapped.retryAfterMs === undefined && hinted !== undefined ? mapped.withRetryAfter(hinted) : mapped
      }
    } catch (e) {
      if (e instanceof PlatformApiError) throw e
      error = controller.signal.aborted
        ? fail({ kind: "timeout", code: "timeout", detail: `no answer within ${config.timeoutMs} ms` })
        : fail({ kind: "network", code: "network", detail: e instanceof Error ? e.message : String(e), cause: e })
    }

    const decision = decideRetry(policy, error, attempt, waitedMs, random)
    if (!decision.retry) {
      await pauseOnThrottle(config, request, error, now())
      throw decision.error
    }
    await sleep(decision.delayMs)
    waitedMs += decision.delayMs
  }
}

/** Brakes the next calls on this request's budgets when the platform says we are close to its limit. */
async function applyUsage(config: PlatformHttpConfig, request: PlatformRequest, headers: HeaderLookup, now: number): Promise<void> {
  if (!config.budgetStore || !request.budgets?.length) return
  const verdict = usageVerdict(readUsage(headers, now), config.usageThresholds ?? DEFAULT_USAGE_THRESHOLDS)
  if (verdict.action === "ok") return
  const until = now + (verdict.action === "stop" ? verdict.retryAfterMs : verdict.pauseMs)
  for (const rule of request.budgets) await pauseBudget(config.budgetStore, rule.key, until)
}

/**
 * A throttle we cannot sit out pauses this request's budgets for as long as the
 * platform said (or its mapper implied: LinkedIn's midnight UTC, X's 15-minute
 * window or monthly cap), so every later run and process sharing the store waits
 * too instead of asking again. The policy's default guess pauses nothing.
 */
async function pauseOnThrottle(config: PlatformHttpConfig, request: PlatformRequest, error: PlatformApiError, now: number): Promise<void> {
  if (!error.isRateLimit || !error.retryAfterMs || error.retryAfterMs <= 0) return
  if (!config.budgetStore || !request.budgets?.length) return
  for (const rule of request.budgets) await pauseBudget(config.budgetStore, rule.key, now + error.retryAfterMs)
}
