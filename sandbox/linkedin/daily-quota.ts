import type { SandboxContext, SandboxReply, TokenFixture } from "../types"
import { throttled } from "./errors"
import { dailyLimits, linkedInOptions } from "./options"

interface DayCounters {
  /** "2026-08-24": quotas reset at midnight UTC (§5.6). */
  day: string
  app: Map<string, number>
  member: Map<string, number>
}

/**
 * Counts one call against the app's and the member's daily quota of this resource, or answers
 * the bare 429 once either is spent ("for calls to this resource": quotas are per resource).
 * Every counted call is one LinkedIn unit in the stats; refused calls count nothing.
 * With `rateLimits: false` calls are still counted as units but never refused.
 */
export function takeDailyQuota(ctx: SandboxContext, resource: string, token: TokenFixture): SandboxReply | undefined {
  const counters = ctx.state<DayCounters>("linkedin:daily-quota", () => ({ day: "", app: new Map(), member: new Map() }))
  const today = new Date(ctx.now()).toISOString().slice(0, 10)
  if (counters.day !== today) {
    counters.day = today
    counters.app.clear()
    counters.member.clear()
  }
  const memberKey = `${resource} ${token.token}`
  const app = counters.app.get(resource) ?? 0
  const member = counters.member.get(memberKey) ?? 0
  if (ctx.options.rateLimits !== false) {
    const limits = dailyLimits(ctx)
    const body = linkedInOptions(ctx).throttleBody
    if (app >= limits.app) return throttled("APPLICATION", body)
    if (member >= limits.member) return throttled("MEMBER", body)
  }
  counters.app.set(resource, app + 1)
  counters.member.set(memberKey, member + 1)
  ctx.recordUnits("linkedin", token.token, 1)
  return undefined
}
