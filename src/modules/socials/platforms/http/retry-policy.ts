import type { PlatformApiError } from "./platform-api-error"

/**
 * Retry policy as plain data (the Octokit plugin-retry idea): tests shrink
 * `baseDelayMs`, callers tune `maxWaitMs`, nobody edits control flow.
 */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number
  /** First backoff step; doubles per attempt. */
  baseDelayMs: number
  /** Cap of one backoff step. */
  maxDelayMs: number
  /**
   * Total time one request may spend sleeping (backoff, Retry-After, local budget).
   * A wait beyond it fails fast with a rate-limit error carrying retryAfterMs: a
   * sync never blocks minutes inside an HTTP call.
   */
  maxWaitMs: number
  /** Client errors that a retry cannot fix. */
  doNotRetryStatuses: readonly number[]
  /** What to tell callers when a platform throttles without saying for how long. */
  defaultRateLimitRetryAfterMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 4_000,
  maxWaitMs: 5_000,
  doNotRetryStatuses: Object.freeze([400, 401, 403, 404, 410, 422, 426]),
  defaultRateLimitRetryAfterMs: 60_000,
})

/** Exponential backoff with "equal jitter": half fixed, half random, so retries of many callers spread out. */
export function backoffDelayMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt))
  return Math.round(step / 2 + random() * (step / 2))
}

/**
 * The one "never retry" rule: an error of a kind a retry cannot fix (auth, permission,
 * not found, bad request, ...) or a status the policy lists. Everything that retries
 * (this layer, Meta's follow-up batch for failed items) asks here.
 */
export function isNeverRetried(policy: RetryPolicy, error: PlatformApiError): boolean {
  return !error.isRetryable || (error.status !== undefined && policy.doNotRetryStatuses.includes(error.status))
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; error: PlatformApiError }

/**
 * `attempt` is 0 for the first try; `waitedMs` is what this request already slept.
 * Rate limits are retried only when the wait is known (or HTTP 429 gives backoff)
 * and fits in maxWaitMs; throttles like Meta's code 4/17/80002 without a hint last
 * minutes, so retrying them in-request would only burn more quota. Mappers attach
 * the wait a platform implies (LinkedIn: midnight UTC, its limits are daily; X: the
 * end of its 15-minute window), so a bare 429 there is never retried in quick steps.
 */
export function decideRetry(policy: RetryPolicy, error: PlatformApiError, attempt: number, waitedMs: number, random: () => number = Math.random): RetryDecision {
  const outOfAttempts = attempt >= policy.maxRetries
  if (error.isRateLimit) {
    const hinted = error.retryAfterMs !== undefined && error.retryAfterMs >= 0 ? error.retryAfterMs : undefined
    const wait = hinted ?? (error.status === 429 ? backoffDelayMs(policy, attempt, random) : undefined)
    if (wait === undefined) return { retry: false, error: error.withRetryAfter(policy.defaultRateLimitRetryAfterMs) }
    if (outOfAttempts || waitedMs + wait > policy.maxWaitMs) {
      return { retry: false, error: error.withRetryAfter(Math.max(wait, hinted ?? 0) || policy.defaultRateLimitRetryAfterMs) }
    }
    return { retry: true, delayMs: wait }
  }
  if (isNeverRetried(policy, error) || outOfAttempts) {
    return { retry: false, error }
  }
  const delay = Math.max(backoffDelayMs(policy, attempt, random), error.retryAfterMs ?? 0)
  if (waitedMs + delay > policy.maxWaitMs) return { retry: false, error }
  return { retry: true, delayMs: delay }
}
