import { X_LIST_MIN } from "../platforms/x/list-posts"
import type { XSpendSettings } from "../x-spend/settings"
import { DEFAULT_IMPORT_LIMIT } from "./import-posts"
import type { ImportEstimate } from "../../../types/api"

export type { ImportEstimate }

/**
 * What one import call will cost before the merchant confirms it. X bills every
 * post returned: `limit` posts (default 100) are at most `limit` reads, and never
 * fewer than one page of 5 (the timeline's smallest `max_results`). The figure errs
 * high: X does not bill a post twice in one UTC day, we count each read.
 */
export function estimateImport(provider: string, limit: number | undefined, spend: XSpendSettings, readsThisMonth: number): ImportEstimate {
  const posts = limit ?? DEFAULT_IMPORT_LIMIT
  if (provider !== "twitter") {
    return { provider, billed: false, estimated_reads: 0, price_per_read: 0, estimated_spend: 0, cap: null, reads_this_month: 0, message: "Importing these posts is free (it uses the account's rate budget only)." }
  }
  const reads = Math.max(posts, X_LIST_MIN)
  const usd = Math.round(reads * spend.pricePerRead * 100) / 100
  const cap = spend.monthlyReadCap ?? null
  const over = cap !== null && readsThisMonth + reads > cap
  const message = over
    ? `Importing up to ${posts} X posts reads up to ${reads} posts (about $${usd.toFixed(2)}), past this month's cap of ${cap} reads (${readsThisMonth} used): the import stops at the cap.`
    : `Importing up to ${posts} X posts reads up to ${reads} posts: about $${usd.toFixed(2)} at $${spend.pricePerRead} per read.`
  return { provider, billed: true, estimated_reads: reads, price_per_read: spend.pricePerRead, estimated_spend: usd, cap, reads_this_month: readsThisMonth, message }
}
