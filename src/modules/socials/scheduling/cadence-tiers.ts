import { DEFAULT_CADENCE, type CadenceStep } from "./cadence"

/** A range of publication times (ISO); `include_unknown` adds posts without one. */
export type PostedBetween = { after?: string; before?: string; include_unknown?: boolean }

const HOUR_MS = 3_600_000

/**
 * The cadence's age steps as publication ranges, youngest first (then past the
 * last step, with the posts of unknown age). A scheduled run pages through them in
 * this order, so the budget planner sees the young posts before an old backlog
 * can spend the account's budget on a page of its own.
 */
export function cadenceTiers(now: Date, cadence: CadenceStep[] = DEFAULT_CADENCE): PostedBetween[] {
  const bounds = [...new Set(cadence.map((s) => s.maxAgeHours))].sort((a, b) => a - b)
  const at = (hours: number) => new Date(now.getTime() - hours * HOUR_MS).toISOString()
  const tiers: PostedBetween[] = bounds.map((hours, i) => ({ after: at(hours), ...(i > 0 ? { before: at(bounds[i - 1]) } : {}) }))
  tiers.push(bounds.length ? { before: at(bounds[bounds.length - 1]), include_unknown: true } : { include_unknown: true })
  return tiers
}
