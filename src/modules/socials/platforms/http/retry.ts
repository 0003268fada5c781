import type { AttemptOutcome, SendAttempt, WaitClock } from "./attempt"
import { decideRetry, type RetryPolicy } from "./retry-policy"

/**
 * Retry as a wrapper (the Octokit plugin-retry idea): tries `send` again while the
 * policy (data, see retry-policy.ts) says so, sleeping the backoff or the platform's
 * Retry-After on the shared clock. It knows nothing of budgets or usage headers.
 * The last outcome carries the policy's final word (e.g. the wait a caller must honour).
 */
export function withRetry(send: SendAttempt, policy: RetryPolicy, clock: WaitClock, random: () => number = Math.random): () => Promise<AttemptOutcome> {
  return async () => {
    for (let attempt = 0; ; attempt++) {
      const outcome = await send(attempt)
      if (outcome.ok) return outcome
      const decision = decideRetry(policy, outcome.error, attempt, clock.waitedMs, random)
      if (!decision.retry) return { ...outcome, error: decision.error }
      await clock.sleep(decision.delayMs)
    }
  }
}
