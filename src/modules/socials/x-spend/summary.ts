import { monthOf, monthStartMs, nextMonthStartMs } from "./month"
import { spendState, type XSpendState } from "./meter"
import { X_NEAR_CAP_SHARE, type XSpendSettings } from "./settings"

import type { XSpendSummary } from "../../../types/api"
export type { XSpendSummary }

const cents = (usd: number) => Math.round(usd * 100) / 100

/** This month so far and its end at the same pace (reads per elapsed time), never past the cap. */
export function xSpendSummary(reads: number, settings: XSpendSettings, now: number): XSpendSummary {
  const start = monthStartMs(now)
  const elapsed = Math.max(1, now - start)
  const pace = Math.round((reads * (nextMonthStartMs(now) - start)) / elapsed)
  const projected = settings.monthlyReadCap !== undefined ? Math.min(pace, settings.monthlyReadCap) : pace
  return {
    month: monthOf(now),
    reads,
    estimated_spend: cents(reads * settings.pricePerRead),
    projected_month_end_reads: projected,
    projected_spend: cents(projected * settings.pricePerRead),
    cap: settings.monthlyReadCap ?? null,
    price_per_read: settings.pricePerRead,
    state: spendState(reads, settings.monthlyReadCap, X_NEAR_CAP_SHARE),
  }
}
