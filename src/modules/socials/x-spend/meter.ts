import { monthOf } from "./month"
import type { XSpendSettings } from "./settings"

/**
 * Where reads are counted, per account (social_platform id) and UTC month. Shared
 * by every process (the database), so two workers together respect one cap.
 */
export interface XReadCounterStore {
  reads(platformId: string, month: string): Promise<number>
  /** Books `n` reads unless the total would pass `cap`; the new total, or null when refused. */
  reserve(platformId: string, month: string, n: number, cap: number | undefined): Promise<number | null>
  /** Corrects a reservation by what was really read (negative: gives reads back). */
  adjust(platformId: string, month: string, n: number): Promise<void>
}

import type { XSpendState } from "../../../types/api"
export type { XSpendState }

export function spendState(reads: number, cap: number | undefined, nearShare: number): XSpendState {
  if (cap === undefined) return "ok"
  if (reads >= cap) return "capped"
  return reads >= cap * nearShare ? "near_cap" : "ok"
}

/** One account's meter, as a sync context carries it. */
export interface XReadMeter {
  readonly settings: XSpendSettings
  readonly nearShare: number
  reads(now: number): Promise<number>
  reserve(now: number, n: number): Promise<boolean>
  adjust(now: number, n: number): Promise<void>
}

export function accountMeter(store: XReadCounterStore, platformId: string, settings: XSpendSettings, nearShare: number): XReadMeter {
  return {
    settings,
    nearShare,
    reads: (now) => store.reads(platformId, monthOf(now)),
    reserve: async (now, n) => (await store.reserve(platformId, monthOf(now), n, settings.monthlyReadCap)) !== null,
    adjust: (now, n) => (n === 0 ? Promise.resolve() : store.adjust(platformId, monthOf(now), n)),
  }
}

/** Per-process counters (unit tests, and the fallback when no database is at hand). */
export class InMemoryXReadCounterStore implements XReadCounterStore {
  private readonly counts = new Map<string, number>()
  async reads(platformId: string, month: string): Promise<number> {
    return this.counts.get(`${platformId}:${month}`) ?? 0
  }
  async reserve(platformId: string, month: string, n: number, cap: number | undefined): Promise<number | null> {
    const key = `${platformId}:${month}`
    const total = (this.counts.get(key) ?? 0) + n
    if (cap !== undefined && total > cap) return null
    this.counts.set(key, total)
    return total
  }
  async adjust(platformId: string, month: string, n: number): Promise<void> {
    const key = `${platformId}:${month}`
    this.counts.set(key, Math.max(0, (this.counts.get(key) ?? 0) + n))
  }
}
