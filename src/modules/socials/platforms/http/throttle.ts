import type { SendAttempt, WaitClock } from "./attempt"
import type { PlatformApiError } from "./platform-api-error"
import { type BudgetRule, type RateBudgetStore, pauseBudget, takeBudgets } from "./rate-budget"
import { DEFAULT_USAGE_THRESHOLDS, usageVerdict, type UsageReading, type UsageThresholds } from "./usage-headers"

export interface ThrottleOptions {
  store?: RateBudgetStore
  /** The request's local budgets; none (or no store) and the wrapper does nothing. */
  budgets?: BudgetRule[]
  /** Units each try books (a Meta batch counts every item). */
  units: number
  thresholds?: UsageThresholds
  /** How long one request may sleep in all (shared with retry through the clock). */
  maxWaitMs: number
  clock: WaitClock
  /** The error our own budget's refusal becomes (the platform's name, a redacted URL). */
  refuse: (retryAfterMs: number) => PlatformApiError
}

/**
 * Throttling as a wrapper (the Octokit plugin-throttling idea), around each try:
 * books the request's budgets before it leaves (waiting while that fits in maxWaitMs,
 * refusing with `local_budget` when not), brakes those budgets when the answer's usage
 * headers say the platform's limit is near, and pauses them when the platform throttled
 * with a wait, so every later call sharing the store waits too instead of asking again.
 */
export function withThrottling(send: SendAttempt, options: ThrottleOptions): SendAttempt {
  const { store, budgets } = options
  if (!store || !budgets?.length) return send
  const pauseAll = async (until: number): Promise<void> => {
    for (const rule of budgets) await pauseBudget(store, rule.key, until)
  }
  return async (attempt) => {
    const refused = await book(store, budgets, options)
    if (refused) return { ok: false, error: refused, usage: [] }
    const outcome = await send(attempt)
    const now = options.clock.now()
    const brake = brakeUntil(outcome.ok ? outcome.response.usage : outcome.usage, options.thresholds, now)
    if (brake !== undefined) await pauseAll(brake)
    if (!outcome.ok && outcome.error.isRateLimit && outcome.error.retryAfterMs && outcome.error.retryAfterMs > 0) {
      await pauseAll(now + outcome.error.retryAfterMs)
    }
    return outcome
  }
}

/** Books the units, sleeping while the budget's wait still fits; the refusal otherwise. */
async function book(store: RateBudgetStore, budgets: BudgetRule[], options: ThrottleOptions): Promise<PlatformApiError | undefined> {
  const { clock } = options
  for (;;) {
    const booked = await takeBudgets(store, budgets, options.units, clock.now())
    if (booked.ok) return undefined
    // Our own budget: waiting is fine only while it stays within maxWaitMs.
    if (clock.waitedMs + booked.retryAfterMs > options.maxWaitMs) return options.refuse(booked.retryAfterMs)
    await clock.sleep(booked.retryAfterMs)
  }
}

/** Until when the usage headers ask us to hold off (slow: a short pause; stop: until the reset), if at all. */
function brakeUntil(usage: UsageReading[], thresholds: UsageThresholds = DEFAULT_USAGE_THRESHOLDS, now: number): number | undefined {
  const verdict = usageVerdict(usage, thresholds)
  if (verdict.action === "ok") return undefined
  return now + (verdict.action === "stop" ? verdict.retryAfterMs : verdict.pauseMs)
}
