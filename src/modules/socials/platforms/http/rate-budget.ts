import { createHash } from "node:crypto"
import { byPlatform, type SocialPlatform } from "../catalog"

export type TakeResult = { ok: true } | { ok: false; retryAfterMs: number }

/**
 * What is left of a budget now: `remaining` units, and `returnsInMs` until units
 * come back (the oldest booking leaves the window; with none booked, a window from
 * now, when what is booked next returns). While paused: 0 left until the pause ends.
 */
export type BudgetRemaining = { remaining: number; returnsInMs: number }

/**
 * A shared call budget. `take` either books `units` against `key` within a
 * rolling `windowMs` or says how long until it could. The in-memory store is
 * per process; a Redis/DB-backed one can replace it for several processes.
 */
export interface RateBudgetStore {
  take(key: string, units: number, limit: number, windowMs: number): Promise<TakeResult>
  /**
   * Refuse `take` on `key` until `untilMs` (epoch ms): usage headers near the limit.
   * Optional; without it those pauses are kept in this process only.
   */
  pause?(key: string, untilMs: number): Promise<void>
  /**
   * Reads (never books) what is left on `key`: the scheduler plans against it.
   * Optional; a store without it is not planned against (the takes still guard).
   */
  remaining?(key: string, limit: number, windowMs: number): Promise<BudgetRemaining>
}

export interface BudgetLimit {
  limit: number
  windowMs: number
}

export interface BudgetRule extends BudgetLimit {
  key: string
}

/** Each platform's default budget, as its catalog entry states it (and why). */
export const DEFAULT_BUDGETS: Record<SocialPlatform, BudgetLimit> = byPlatform((p) => ({ ...p.defaultBudget }))

/** Never put a raw token in a key that may land in Redis or logs. */
export function tokenFingerprint(token: string): string {
  return createHash("sha256").update(token).digest("hex").slice(0, 16)
}

/** Budgets are per platform and per account (or per token when no account id is known). */
export function budgetKey(platform: SocialPlatform, owner: { accountId?: string; accessToken?: string }, group?: string): string {
  const who = owner.accountId ? `acct:${owner.accountId}` : owner.accessToken ? `tok:${tokenFingerprint(owner.accessToken)}` : "anon"
  return ["socials", platform, who, group].filter(Boolean).join(":")
}

interface Booking {
  at: number
  units: number
}

export class InMemoryRateBudgetStore implements RateBudgetStore {
  private readonly bookings = new Map<string, Booking[]>()
  private readonly pauses = new Map<string, number>()

  // Read the clock at each call (not a reference to Date.now taken at construction), so a
  // process whose clock is replaced (the simulation's virtual time) books on that clock.
  constructor(private readonly now: () => number = () => Date.now()) {}

  async take(key: string, units: number, limit: number, windowMs: number): Promise<TakeResult> {
    const now = this.now()
    const pausedUntil = this.pauses.get(key)
    if (pausedUntil !== undefined) {
      if (pausedUntil > now) return { ok: false, retryAfterMs: pausedUntil - now }
      this.pauses.delete(key)
    }
    const live = (this.bookings.get(key) ?? []).filter((b) => b.at > now - windowMs)
    this.bookings.set(key, live)
    if (units <= 0) return { ok: true }
    if (units > limit) return { ok: false, retryAfterMs: windowMs }
    let used = live.reduce((sum, b) => sum + b.units, 0)
    if (used + units <= limit) {
      live.push({ at: now, units })
      return { ok: true }
    }
    // Rolling window: wait until enough of the oldest bookings expire.
    for (const booking of live) {
      used -= booking.units
      if (used + units <= limit) return { ok: false, retryAfterMs: Math.max(1, booking.at + windowMs - now) }
    }
    return { ok: false, retryAfterMs: windowMs }
  }

  async pause(key: string, untilMs: number): Promise<void> {
    this.pauses.set(key, Math.max(untilMs, this.pauses.get(key) ?? 0))
  }

  async remaining(key: string, limit: number, windowMs: number): Promise<BudgetRemaining> {
    const now = this.now()
    const pausedUntil = this.pauses.get(key)
    if (pausedUntil !== undefined && pausedUntil > now) return { remaining: 0, returnsInMs: pausedUntil - now }
    const live = (this.bookings.get(key) ?? []).filter((b) => b.at > now - windowMs)
    const used = live.reduce((sum, b) => sum + b.units, 0)
    const oldest = live.length ? Math.min(...live.map((b) => b.at)) : undefined
    return { remaining: Math.max(0, limit - used), returnsInMs: oldest === undefined ? windowMs : Math.max(1, oldest + windowMs - now) }
  }

  /** Units booked in the current window (tests and diagnostics). */
  used(key: string, windowMs: number): number {
    const now = this.now()
    return (this.bookings.get(key) ?? []).filter((b) => b.at > now - windowMs).reduce((sum, b) => sum + b.units, 0)
  }
}

/** Process-local pauses for stores without `pause`. */
const localPauses = new WeakMap<RateBudgetStore, Map<string, number>>()

export async function pauseBudget(store: RateBudgetStore, key: string, untilMs: number): Promise<void> {
  if (store.pause) return store.pause(key, untilMs)
  const map = localPauses.get(store) ?? new Map<string, number>()
  localPauses.set(store, map)
  map.set(key, Math.max(untilMs, map.get(key) ?? 0))
}

/** Books `units` on every rule; the longest wait wins when any refuses. */
export async function takeBudgets(store: RateBudgetStore, rules: BudgetRule[], units: number, now: number): Promise<TakeResult> {
  let wait = 0
  const local = localPauses.get(store)
  for (const rule of rules) {
    const until = local?.get(rule.key)
    if (until !== undefined && until > now) wait = Math.max(wait, until - now)
  }
  if (wait > 0) return { ok: false, retryAfterMs: wait }
  for (const rule of rules) {
    const result = await store.take(rule.key, units, rule.limit, rule.windowMs)
    if (!result.ok) wait = Math.max(wait, result.retryAfterMs)
  }
  return wait > 0 ? { ok: false, retryAfterMs: wait } : { ok: true }
}
