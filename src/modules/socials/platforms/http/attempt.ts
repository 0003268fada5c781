import type { PlatformApiError } from "./platform-api-error"
import type { HeaderLookup, UsageReading } from "./usage-headers"

/** `data` is unknown on purpose: each client validates it with its own zod schema. */
export interface PlatformResponse {
  status: number
  data: unknown
  headers: HeaderLookup
  usage: UsageReading[]
  attempts: number
}

/**
 * One try of one request, as data: the answer, or the mapped error with the usage
 * its headers reported (a throttled answer still says how close we are).
 */
export type AttemptOutcome = { ok: true; response: PlatformResponse } | { ok: false; error: PlatformApiError; usage: UsageReading[] }

/** Sends try number `attempt` (0 for the first). The wrappers (throttling, retry) take and give this shape. */
export type SendAttempt = (attempt: number) => Promise<AttemptOutcome>

/**
 * One request's clock and the time it has slept so far. Throttling (budget waits) and
 * retry (backoff, Retry-After) share it, so the policy's maxWaitMs bounds their sum.
 */
export interface WaitClock {
  now(): number
  /** Sleeps and adds `ms` to waitedMs. */
  sleep(ms: number): Promise<void>
  readonly waitedMs: number
}

export function createWaitClock(now: () => number, sleep: (ms: number) => Promise<void>): WaitClock {
  let waited = 0
  return {
    now,
    async sleep(ms) {
      await sleep(ms)
      waited += ms
    },
    get waitedMs() {
      return waited
    },
  }
}
