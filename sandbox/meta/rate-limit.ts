import type { SandboxContext } from "../types"
import { graphError, type GraphError } from "./graph-errors"
import type { BusinessObject } from "./scope"

/**
 * Meta rate limiting as §3.1 describes it: a platform budget per token over a rolling hour and a
 * Business Use Case budget per business object (Page / IG user) over a rolling 24 h. Every
 * object read, edge call and batch item is one call. Usage is exposed as percentages in
 * X-App-Usage and X-Business-Use-Case-Usage; throttling starts at 100.
 */

const HOUR_MIN = 60
const DAY_MIN = 24 * 60
export const DEFAULT_CALLS_PER_HOUR = 200
export const DEFAULT_BUC_CALLS_PER_DAY = 4800

/** Per-minute buckets keep a 24 h window cheap however many calls a benchmark makes. */
class RollingCounter {
  private buckets = new Map<string, Map<number, number>>()

  add(key: string, minute: number): void {
    let b = this.buckets.get(key)
    if (!b) {
      b = new Map()
      this.buckets.set(key, b)
    }
    b.set(minute, (b.get(minute) ?? 0) + 1)
  }

  used(key: string, minute: number, window: number): number {
    const b = this.buckets.get(key)
    if (!b) return 0
    let total = 0
    for (const [m, count] of b) {
      if (m <= minute - window) b.delete(m)
      else total += count
    }
    return total
  }

  /** Minutes until usage drops below `limit` again (0 when it already is). */
  minutesToRegain(key: string, minute: number, window: number, limit: number): number {
    const b = this.buckets.get(key)
    if (!b) return 0
    let used = this.used(key, minute, window)
    if (used < limit) return 0
    const ordered = [...b.entries()].sort((x, y) => x[0] - y[0])
    for (const [m, count] of ordered) {
      used -= count
      if (used < limit) return Math.max(1, m + window - minute)
    }
    return window
  }
}

interface Limits {
  callsPerHour: number
  bucPerDay: number
}

export class MetaRateLimiter {
  private perToken = new RollingCounter()
  private perObject = new RollingCounter()

  constructor(private readonly ctx: SandboxContext) {}

  private limits(): Limits {
    const meta = this.ctx.options.meta
    return {
      callsPerHour: meta?.callsPerHour ?? DEFAULT_CALLS_PER_HOUR,
      bucPerDay: meta?.bucCallsPerDay ?? DEFAULT_BUC_CALLS_PER_DAY,
    }
  }

  private minute(): number {
    return Math.floor(this.ctx.now() / 60_000)
  }

  /**
   * Checks one call and, unless throttled, counts it. Stats units are recorded either way:
   * Graph counts a throttled call too. Returns the throttling error to answer with, if any.
   */
  consume(token: string, object: BusinessObject | undefined): GraphError | undefined {
    this.ctx.recordUnits("meta", token, 1)
    if (!this.ctx.options.rateLimits) return undefined
    const minute = this.minute()
    const { callsPerHour, bucPerDay } = this.limits()
    const tokenFull = this.perToken.used(token, minute, HOUR_MIN) >= callsPerHour
    const objectFull = object ? this.perObject.used(object.id, minute, DAY_MIN) >= bucPerDay : false
    if (tokenFull || objectFull) return this.throttleError(object)
    this.perToken.add(token, minute)
    if (object) this.perObject.add(object.id, minute)
    return undefined
  }

  private throttleError(object: BusinessObject | undefined): GraphError {
    if (object?.type === "instagram") {
      // UNCONFIRMED exact text (§3.2); modelled on the documented 80001 message.
      return graphError(
        80002,
        "(#80002) There have been too many calls to this Instagram account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting."
      )
    }
    switch (this.ctx.options.meta?.pageThrottleCode ?? 80001) {
      case 32:
        return graphError(32, "(#32) Page request limit reached")
      case 4:
        return graphError(4, "(#4) Application request limit reached", { transient: true })
      case 17:
        return graphError(17, "(#17) User request limit reached", { transient: true })
      case 613:
        return graphError(613, "(#613) Calls to this api have exceeded the rate limit.", { transient: true })
      default:
        return graphError(
          80001,
          "(#80001) There have been too many calls to this Page account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting."
        )
    }
  }

  /**
   * Usage headers. With rate limits off the benchmark must not be slowed by a client that backs
   * off near 100 %, so usage then reads 0.
   */
  headers(token: string, objects: BusinessObject[]): Record<string, string> {
    const minute = this.minute()
    const { callsPerHour, bucPerDay } = this.limits()
    const on = this.ctx.options.rateLimits
    const pct = (used: number, limit: number): number => (on ? Math.min(100, Math.floor((used * 100) / limit)) : 0)
    const callPct = pct(this.perToken.used(token, minute, HOUR_MIN), callsPerHour)
    const headers: Record<string, string> = {
      "x-app-usage": JSON.stringify({ call_count: callPct, total_time: Math.floor(callPct / 2), total_cputime: Math.floor(callPct / 3) }),
    }
    // A token over its hourly budget is as blocked as an exhausted object: advertise the longer wait.
    const tokenRegain = on ? this.perToken.minutesToRegain(token, minute, HOUR_MIN, callsPerHour) : 0
    const seen = new Set<string>()
    const buc: Record<string, unknown[]> = {}
    for (const object of objects) {
      if (seen.has(object.id) || seen.size >= 32) continue
      seen.add(object.id)
      const used = this.perObject.used(object.id, minute, DAY_MIN)
      const p = pct(used, bucPerDay)
      buc[object.id] = [
        {
          type: object.type,
          call_count: p,
          total_cputime: Math.floor(p / 3),
          total_time: Math.floor(p / 2),
          // Minutes (§3.1).
          estimated_time_to_regain_access: on ? Math.max(tokenRegain, this.perObject.minutesToRegain(object.id, minute, DAY_MIN, bucPerDay)) : 0,
        },
      ]
    }
    if (seen.size) headers["x-business-use-case-usage"] = JSON.stringify(buc)
    return headers
  }
}
