/**
 * X bills every post read (a looked-up post, a reply found by a search) on its
 * pay-per-use plan. Default price: about $0.005 per post read, X's pay-per-use
 * pricing as launched on 2026-02-06 (source: /work/shared/reference/platform-apis.md
 * §4.3 "Cost/caps", from X's pricing.mdx; checked 2026-12-01). X deduplicates a
 * post read twice in one UTC day; we count every read, so the estimate errs high.
 */
export const DEFAULT_X_PRICE_PER_READ_USD = 0.005
/** From this share of the cap on, replies are fetched less often (metrics stay fresh). */
export const X_NEAR_CAP_SHARE = 0.8

export type XSpendSettings = {
  pricePerRead: number
  /** Reads per account and calendar month (UTC); undefined = no cap. */
  monthlyReadCap?: number
}

export type XSpendOptions = { xPricePerRead?: number | string; xMonthlyReadCap?: number | string }

function positive(name: string, raw: unknown, allowZero: boolean): number | undefined {
  if (raw === undefined || raw === null || raw === "") return undefined
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new Error(`${name} must be a ${allowZero ? "non-negative" : "positive"} number, got "${String(raw)}"`)
  }
  return value
}

/** `SOCIALS_X_PRICE_PER_READ` (USD) and `SOCIALS_X_MONTHLY_READ_CAP` win over the module options. */
export function resolveXSpendSettings(options: XSpendOptions = {}, env: NodeJS.ProcessEnv = process.env): XSpendSettings {
  const price = positive("SOCIALS_X_PRICE_PER_READ", env.SOCIALS_X_PRICE_PER_READ ?? options.xPricePerRead, true)
  const cap = positive("SOCIALS_X_MONTHLY_READ_CAP", env.SOCIALS_X_MONTHLY_READ_CAP ?? options.xMonthlyReadCap, false)
  return { pricePerRead: price ?? DEFAULT_X_PRICE_PER_READ_USD, ...(cap !== undefined ? { monthlyReadCap: Math.floor(cap) } : {}) }
}
