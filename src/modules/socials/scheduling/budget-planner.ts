import { DEFAULT_CADENCE, type CadenceStep } from "./cadence"

/**
 * Budget-aware planning of a scheduled run, per account: take only the posts the
 * account's remaining budget covers, in priority order, and give the others a new
 * due time when the budget returns. Pure: the caller reads the budgets and writes
 * the due times (services/plan-budgeted-sync.ts).
 */

/** What the planner knows of one post. */
export type PlanPost = {
  id: string
  postedAt: Date | null
  syncedAt: Date | null
  nextSyncAt: Date | null
  /** Stored comment/reply count (undefined when never synced). */
  comments?: number
  /** The post's media type (LinkedIn video posts cost two more calls). */
  mediaType?: string | null
}

/** One budget the account's sync books against: what is left and when units come back. */
export type PlanBudget = { key: string; remaining: number; returnsInMs: number }

/** Units the sync of these posts books on each budget key (keys not listed cost nothing). */
export type CostEstimate = (posts: PlanPost[]) => Map<string, number>

export type AccountPlan = { take: string[]; defer: { id: string; next_sync_at: Date }[] }

const HOUR_MS = 3_600_000

/** The cadence step's interval for a post's age now; past the horizon, Infinity (least urgent). */
export function cadenceIntervalHours(post: PlanPost, now: Date, cadence: CadenceStep[] = DEFAULT_CADENCE): number {
  const published = (post.postedAt ?? post.syncedAt ?? now).getTime()
  const ageHours = (now.getTime() - published) / HOUR_MS
  const step = [...cadence].sort((a, b) => a.maxAgeHours - b.maxAgeHours).find((s) => ageHours < s.maxAgeHours)
  return step ? step.everyHours : Infinity
}

/** Since when a post has been waiting: its due time, else its last sync, else its publication. */
function waitingSince(post: PlanPost): number {
  return (post.nextSyncAt ?? post.syncedAt ?? post.postedAt)?.getTime() ?? 0
}

/** Young posts first (shortest cadence interval), then the longest waiting, then id (stable). */
export function byPriority(posts: PlanPost[], now: Date, cadence?: CadenceStep[]): PlanPost[] {
  const keyed = posts.map((post) => ({ post, interval: cadenceIntervalHours(post, now, cadence), since: waitingSince(post) }))
  keyed.sort((a, b) => a.interval - b.interval || a.since - b.since || (a.post.id < b.post.id ? -1 : a.post.id > b.post.id ? 1 : 0))
  return keyed.map((k) => k.post)
}

/** Budgets whose remaining units the estimate for `posts` exceeds. */
function overdrawn(budgets: PlanBudget[], cost: Map<string, number>): PlanBudget[] {
  return budgets.filter((b) => (cost.get(b.key) ?? 0) > b.remaining)
}

/**
 * The longest prefix of the priority order whose estimated cost fits every budget
 * (a prefix, so a cheaper old post never jumps a young one). The rest are due
 * again when the budget that stopped them returns units; they are not failed.
 */
export function planAccount(posts: PlanPost[], budgets: PlanBudget[], estimate: CostEstimate, now: Date, cadence?: CadenceStep[]): AccountPlan {
  const ordered = byPriority(posts, now, cadence)
  let taken = 0
  let blocking: PlanBudget[] = []
  for (let n = 1; n <= ordered.length; n++) {
    blocking = overdrawn(budgets, estimate(ordered.slice(0, n)))
    if (blocking.length) break
    taken = n
  }
  const returnsAt = new Date(now.getTime() + Math.max(0, ...blocking.map((b) => b.returnsInMs)))
  return {
    take: ordered.slice(0, taken).map((p) => p.id),
    defer: ordered.slice(taken).map((p) => ({ id: p.id, next_sync_at: returnsAt })),
  }
}
