import { graphError, type GraphError } from "../meta/graph-errors"
import type { ThreadsSandboxOptions } from "./types"

const DAY_MS = 86_400_000
/** 4800 × impressions, with impressions never counted below 10 (Threads overview, "Rate Limiting"). */
export const DEFAULT_THREADS_CALLS_PER_DAY = 4800 * 10

const THROTTLE_MESSAGES: Record<4 | 17 | 613, string> = {
  4: "(#4) Application request limit reached",
  17: "(#17) User request limit reached",
  613: "(#613) Calls to this api have exceeded the rate limit.",
}

export function throttled(code: 4 | 17 | 613): GraphError {
  return graphError(code, THROTTLE_MESSAGES[code], { status: 400 })
}

/** Calls per app–user pair (one token) in a rolling 24 h, as Threads counts them. */
export class ThreadsRateLimiter {
  private calls = new Map<string, number[]>()

  constructor(private readonly options: () => ThreadsSandboxOptions) {}

  /** Books one call; the throttle answer when the pair is over its limit (the refused call is not counted). */
  take(token: string, now: number): GraphError | undefined {
    const forced = this.options().throttle
    if (forced) return throttled(forced)
    const limit = this.options().callsPerDay ?? DEFAULT_THREADS_CALLS_PER_DAY
    const list = this.prune(token, now)
    if (list.length >= limit) return throttled(4)
    list.push(now)
    return undefined
  }

  /** `X-App-Usage`-style percentages of the pair's daily limit. */
  usagePercent(token: string, now: number): number {
    const limit = this.options().callsPerDay ?? DEFAULT_THREADS_CALLS_PER_DAY
    return Math.min(100, Math.round((this.prune(token, now).length / limit) * 100))
  }

  private prune(token: string, now: number): number[] {
    const list = (this.calls.get(token) ?? []).filter((t) => t > now - DAY_MS)
    this.calls.set(token, list)
    return list
  }
}
