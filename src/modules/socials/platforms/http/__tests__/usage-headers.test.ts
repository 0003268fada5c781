import {
  headerLookup,
  parseAppUsage,
  parseBusinessUseCaseUsage,
  parseRetryAfter,
  parseXRateLimit,
  readUsage,
  retryAfterFromHeaders,
  usageVerdict,
} from "../usage-headers"

const NOW = Date.UTC(2026, 0, 1)

describe("usage header parsers", () => {
  it("X-App-Usage: highest of the three percentages", () => {
    expect(parseAppUsage('{"call_count":28,"total_time":25,"total_cputime":91}')).toEqual({ percent: 91, source: "x-app-usage" })
    expect(parseAppUsage("not json")).toBeUndefined()
    expect(parseAppUsage(null)).toBeUndefined()
  })

  it("X-Business-Use-Case-Usage: worst entry across objects, regain estimate in minutes (a pending regain means throttled now)", () => {
    const value = JSON.stringify({
      "104": [{ type: "pages", call_count: 12, total_cputime: 5, total_time: 7, estimated_time_to_regain_access: 0 }],
      "178": [{ type: "instagram", call_count: 97, total_cputime: 23, total_time: 23, estimated_time_to_regain_access: 15 }],
    })
    expect(parseBusinessUseCaseUsage(value)).toEqual({ percent: 100, retryAfterMs: 15 * 60_000, source: "x-business-use-case-usage" })
    expect(parseBusinessUseCaseUsage(JSON.stringify({ "1": [{ type: "pages", call_count: 97, estimated_time_to_regain_access: 0 }] }))?.percent).toBe(97)
  })

  it("x-rate-limit-*: remaining and reset (epoch seconds)", () => {
    const get = headerLookup({ "X-Rate-Limit-Limit": "900", "x-rate-limit-remaining": "847", "x-rate-limit-reset": "1705420800" })
    expect(parseXRateLimit(get)).toEqual({ limit: 900, remaining: 847, resetAtMs: 1_705_420_800_000 })
  })

  it("Retry-After in seconds or as an HTTP date", () => {
    expect(parseRetryAfter("120", NOW)).toBe(120_000)
    expect(parseRetryAfter(new Date(NOW + 30_000).toUTCString(), NOW)).toBe(30_000)
    expect(parseRetryAfter("soon", NOW)).toBeUndefined()
  })

  it("finds the wait of a throttled answer from any of the headers", () => {
    expect(retryAfterFromHeaders(headerLookup({ "retry-after": "3" }), NOW)).toBe(3_000)
    expect(retryAfterFromHeaders(headerLookup({ "x-rate-limit-limit": "300", "x-rate-limit-remaining": "0", "x-rate-limit-reset": String(NOW / 1000 + 60) }), NOW)).toBe(60_000)
    expect(retryAfterFromHeaders(headerLookup([{ name: "X-Business-Use-Case-Usage", value: '{"1":[{"call_count":100,"estimated_time_to_regain_access":2}]}' }]), NOW)).toBe(120_000)
  })

  it("verdict: ok below 75%, slow from 75%, stop from 90% until the reset", () => {
    const x = (remaining: number) => readUsage(headerLookup({ "x-rate-limit-limit": "100", "x-rate-limit-remaining": String(remaining), "x-rate-limit-reset": String(NOW / 1000 + 600) }), NOW)
    expect(usageVerdict(x(50))).toEqual({ action: "ok" })
    expect(usageVerdict(x(20))).toEqual({ action: "slow", pauseMs: 1_000 })
    expect(usageVerdict(x(10))).toEqual({ action: "stop", retryAfterMs: 600_000 })
    expect(usageVerdict([{ percent: 95, source: "x-app-usage" }])).toEqual({ action: "stop", retryAfterMs: 300_000 })
    expect(usageVerdict([])).toEqual({ action: "ok" })
  })
})
