/**
 * Usage headers let us stop before the platform throttles us. Meta reports
 * percentages (throttling starts at 100); X reports a per-endpoint count and
 * reset time; LinkedIn reports nothing.
 */
export type HeaderLookup = (name: string) => string | null | undefined

export interface UsageReading {
  /** Highest percent of any limit the header describes. */
  percent: number
  /** When the platform says the limit frees up (ms from now), if it says. */
  retryAfterMs?: number
  source: "x-app-usage" | "x-business-use-case-usage" | "x-rate-limit"
}

export interface UsageThresholds {
  /** From this percent calls are spaced out by slowPauseMs. */
  slowPercent: number
  /** From this percent calls stop until the reset (or stopCooldownMs when unknown). */
  stopPercent: number
  slowPauseMs: number
  /** Meta's rolling windows give no reset time; stay away this long. */
  stopCooldownMs: number
}

export const DEFAULT_USAGE_THRESHOLDS: UsageThresholds = Object.freeze({
  slowPercent: 75,
  stopPercent: 90,
  slowPauseMs: 1_000,
  stopCooldownMs: 5 * 60_000,
})

export type UsageVerdict = { action: "ok" } | { action: "slow"; pauseMs: number } | { action: "stop"; retryAfterMs: number }

export function headerLookup(headers: Headers | Record<string, string | undefined> | { name: string; value: string }[] | undefined): HeaderLookup {
  if (!headers) return () => undefined
  if (typeof Headers !== "undefined" && headers instanceof Headers) return (name) => headers.get(name)
  if (Array.isArray(headers)) {
    return (name) => headers.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value
  }
  const record = headers as Record<string, string | undefined>
  return (name) => {
    const key = Object.keys(record).find((k) => k.toLowerCase() === name.toLowerCase())
    return key === undefined ? undefined : record[key]
  }
}

function parseJsonObject(value: string | null | undefined): unknown {
  if (!value) return undefined
  try {
    return JSON.parse(value)
  } catch {
    // A garbled usage header must not fail the call it rode on; it just tells us nothing.
    return undefined
  }
}

function num(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)) ? Number(value) : undefined
}

/** `X-App-Usage: {"call_count":28,"total_time":25,"total_cputime":25}` */
export function parseAppUsage(value: string | null | undefined): UsageReading | undefined {
  const parsed = parseJsonObject(value)
  if (!parsed || typeof parsed !== "object") return undefined
  const o = parsed as Record<string, unknown>
  const percents = [o.call_count, o.total_time, o.total_cputime].map(num).filter((n): n is number => n !== undefined)
  if (!percents.length) return undefined
  return { percent: Math.max(...percents), source: "x-app-usage" }
}

/** `X-Business-Use-Case-Usage: {"<id>":[{"type":"pages","call_count":97,...,"estimated_time_to_regain_access":0}]}`; the estimate is in minutes. */
export function parseBusinessUseCaseUsage(value: string | null | undefined): UsageReading | undefined {
  const parsed = parseJsonObject(value)
  if (!parsed || typeof parsed !== "object") return undefined
  let percent: number | undefined
  let regainMinutes = 0
  for (const entries of Object.values(parsed as Record<string, unknown>)) {
    for (const entry of Array.isArray(entries) ? entries : [entries]) {
      if (!entry || typeof entry !== "object") continue
      const e = entry as Record<string, unknown>
      for (const p of [e.call_count, e.total_time, e.total_cputime].map(num)) if (p !== undefined) percent = Math.max(percent ?? 0, p)
      regainMinutes = Math.max(regainMinutes, num(e.estimated_time_to_regain_access) ?? 0)
    }
  }
  if (percent === undefined && regainMinutes === 0) return undefined
  return { percent: regainMinutes > 0 ? Math.max(percent ?? 0, 100) : percent ?? 0, retryAfterMs: regainMinutes > 0 ? regainMinutes * 60_000 : undefined, source: "x-business-use-case-usage" }
}

export interface XRateLimit {
  limit: number
  remaining: number
  /** Epoch ms. */
  resetAtMs?: number
}

/** `x-rate-limit-limit / -remaining / -reset` (reset in epoch seconds). */
export function parseXRateLimit(get: HeaderLookup): XRateLimit | undefined {
  const limit = num(get("x-rate-limit-limit"))
  const remaining = num(get("x-rate-limit-remaining"))
  const reset = num(get("x-rate-limit-reset"))
  if (limit === undefined || remaining === undefined) {
    return reset === undefined ? undefined : { limit: 0, remaining: 0, resetAtMs: reset * 1000 }
  }
  return { limit, remaining, resetAtMs: reset === undefined ? undefined : reset * 1000 }
}

/** `Retry-After` in seconds or as an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined
  const seconds = num(value)
  if (seconds !== undefined) return Math.max(0, seconds * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** Meta's dialect: app usage and business-use-case usage, both in percent. */
export function readGraphUsage(get: HeaderLookup): UsageReading[] {
  const readings: UsageReading[] = []
  const app = parseAppUsage(get("x-app-usage"))
  if (app) readings.push(app)
  const buc = parseBusinessUseCaseUsage(get("x-business-use-case-usage"))
  if (buc) readings.push(buc)
  return readings
}

/** X's dialect: calls left in the endpoint's window, and when it resets. */
export function readXUsage(get: HeaderLookup, now: number): UsageReading[] {
  const x = parseXRateLimit(get)
  if (!x || x.limit <= 0) return []
  return [{ percent: ((x.limit - x.remaining) / x.limit) * 100, retryAfterMs: x.resetAtMs === undefined ? undefined : Math.max(0, x.resetAtMs - now), source: "x-rate-limit" }]
}

/** Every dialect at once: for answers whose platform is not known (tests, tools). */
export function readUsage(get: HeaderLookup, now: number): UsageReading[] {
  return [...readGraphUsage(get), ...readXUsage(get, now)]
}

/** The wait a throttled response asks for: Retry-After, X reset, or Meta's regain estimate. */
export function retryAfterFromHeaders(get: HeaderLookup, now: number): number | undefined {
  const retryAfter = parseRetryAfter(get("retry-after"), now)
  if (retryAfter !== undefined) return retryAfter
  const x = parseXRateLimit(get)
  if (x?.resetAtMs !== undefined && (x.limit === 0 || x.remaining <= 0)) return Math.max(0, x.resetAtMs - now)
  return parseBusinessUseCaseUsage(get("x-business-use-case-usage"))?.retryAfterMs
}

export function usageVerdict(readings: UsageReading[], thresholds: UsageThresholds = DEFAULT_USAGE_THRESHOLDS): UsageVerdict {
  if (!readings.length) return { action: "ok" }
  const worst = readings.reduce((a, b) => (b.percent > a.percent ? b : a))
  if (worst.percent >= thresholds.stopPercent) {
    const known = readings.filter((r) => r.percent >= thresholds.stopPercent && r.retryAfterMs !== undefined && r.retryAfterMs > 0)
    const retryAfterMs = known.length ? Math.max(...known.map((r) => r.retryAfterMs ?? 0)) : thresholds.stopCooldownMs
    return { action: "stop", retryAfterMs }
  }
  if (worst.percent >= thresholds.slowPercent) return { action: "slow", pauseMs: thresholds.slowPauseMs }
  return { action: "ok" }
}
