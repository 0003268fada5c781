import type { Money } from "./attribution-types"

/** One amount in its own currency (amounts are in major units; never converted). */
export function formatMoney(amount: number, currencyCode: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency: currencyCode.toUpperCase() }).format(amount)
  } catch {
    return `${amount.toFixed(2)} ${currencyCode.toUpperCase()}`
  }
}

/** "$48.00 · €18.00": per currency, never summed; "–" when there is none. */
export function formatRevenue(revenue: Money[] | undefined): string {
  return revenue?.length ? revenue.map((r) => formatMoney(r.total, r.currency_code)).join(" · ") : "–"
}
