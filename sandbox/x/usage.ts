import type { SandboxContext } from "../types"
import { xOptions } from "./options"

interface MonthlyUsage {
  /** "2026-08": pay-per-use caps count post reads per UTC calendar month. */
  month: string
  postReads: number
}

function usage(ctx: SandboxContext): MonthlyUsage {
  const current = ctx.state<MonthlyUsage>("x:usage", () => ({ month: "", postReads: 0 }))
  const month = new Date(ctx.now()).toISOString().slice(0, 7)
  if (current.month !== month) {
    current.month = month
    current.postReads = 0
  }
  return current
}

/** True once the app's monthly post-read cap is spent (or the cap is forced on). */
export function isUsageCapped(ctx: SandboxContext): boolean {
  const options = xOptions(ctx)
  if (options.usageCapExceeded) return true
  const cap = options.monthlyPostReadCap
  return cap !== undefined && usage(ctx).postReads >= cap
}

/**
 * Every post returned (looked-up posts and search replies alike) is a billed read since the
 * Feb 2026 pay-per-use pricing; the stats show them as X's units next to the request count.
 * The real 24 h per-post deduplication is not emulated: each returned post counts.
 */
export function recordPostReads(ctx: SandboxContext, token: string, reads: number): void {
  usage(ctx).postReads += reads
  ctx.recordUnits("x", token, reads)
}
