/** Display helpers. A missing value is shown as "–", never as 0. */

export const MISSING = "–"

export const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value)

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 })
const compact = new Intl.NumberFormat(undefined, { notation: "compact", maximumFractionDigits: 1 })

export function formatCount(value: unknown): string {
  return isNumber(value) ? integer.format(value) : MISSING
}

export function formatCompact(value: unknown): string {
  return isNumber(value) ? (Math.abs(value) < 10_000 ? integer.format(value) : compact.format(value)) : MISSING
}

/** engagement_rate is stored as a percentage (5.0 means 5 %). */
export function formatPercent(value: unknown): string {
  return isNumber(value) ? `${value.toFixed(2)}%` : MISSING
}

/**
 * The engagement rate when it can be known: the platform reported a reach or
 * impressions. Earlier syncs stored 0 % for posts without either (a Page under
 * 100 likes, refused insights); those show "–" too.
 */
export function knownEngagementRate(metrics: { engagement_rate?: number | null; reach?: number; impressions?: number } | null | undefined): number | undefined {
  if (!metrics || !isNumber(metrics.engagement_rate)) return undefined
  const measured = (isNumber(metrics.reach) && metrics.reach > 0) || (isNumber(metrics.impressions) && metrics.impressions > 0)
  return measured ? metrics.engagement_rate : undefined
}

export function formatSeconds(value: unknown): string {
  if (!isNumber(value)) return MISSING
  if (value < 60) return `${value.toFixed(value < 10 ? 1 : 0)} s`
  if (value < 3600) {
    const minutes = Math.floor(value / 60)
    return `${minutes} min ${Math.round(value - minutes * 60)} s`
  }
  const hours = Math.floor(value / 3600)
  return `${integer.format(hours)} h ${Math.round((value - hours * 3600) / 60)} min`
}

export function toDate(value: string | Date | null | undefined): Date | undefined {
  if (!value) return undefined
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date
}

export function formatDateTime(value: string | Date | null | undefined): string {
  const date = toDate(value)
  return date ? date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : MISSING
}

export function formatShortDate(value: string | Date | null | undefined): string {
  const date = toDate(value)
  return date ? date.toLocaleString(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" }) : MISSING
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" })
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
]

/** "3 minutes ago", "in 2 hours", "just now". */
export function formatRelative(value: string | Date | null | undefined, now: number = Date.now()): string {
  const date = toDate(value)
  if (!date) return MISSING
  const seconds = Math.round((date.getTime() - now) / 1000)
  if (Math.abs(seconds) < 45) return seconds <= 0 ? "just now" : "in a few seconds"
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit)
  }
  return relative.format(Math.round(seconds / 60), "minute")
}

export function humanize(key: string): string {
  const spaced = key
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase()
  return spaced.charAt(0).toUpperCase() + spaced.slice(1)
}
