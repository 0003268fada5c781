import { describe, expect, it } from "vitest"
import { resolveXSpendSettings } from "../settings"
import { xSpendSummary } from "../summary"
import { accountMeter, InMemoryXReadCounterStore, spendState } from "../meter"
import { withReads } from "../sync-guard"
import { PlatformApiError } from "../../platforms/http/platform-api-error"

describe("X spend settings", () => {
  it("defaults to $0.005 a read and no cap; the environment wins over the options", () => {
    expect(resolveXSpendSettings({}, {})).toEqual({ pricePerRead: 0.005 })
    expect(resolveXSpendSettings({ xMonthlyReadCap: 1000, xPricePerRead: 0.004 }, { SOCIALS_X_MONTHLY_READ_CAP: "2000" })).toEqual({ pricePerRead: 0.004, monthlyReadCap: 2000 })
  })
  it("names the variable when a value is wrong", () => {
    expect(() => resolveXSpendSettings({}, { SOCIALS_X_MONTHLY_READ_CAP: "0" })).toThrow(/SOCIALS_X_MONTHLY_READ_CAP/)
    expect(() => resolveXSpendSettings({}, { SOCIALS_X_PRICE_PER_READ: "cheap" })).toThrow(/SOCIALS_X_PRICE_PER_READ/)
  })
})

describe("xSpendSummary", () => {
  it("projects this month's pace to its end, never past the cap", () => {
    // 10 days of a 30-day month gone: 1,000 reads → 3,000 by month end.
    const now = Date.UTC(2026, 5, 11)
    expect(xSpendSummary(1000, { pricePerRead: 0.005 }, now)).toEqual({
      month: "2026-06", reads: 1000, estimated_spend: 5, projected_month_end_reads: 3000, projected_spend: 15, cap: null, price_per_read: 0.005, state: "ok",
    })
    expect(xSpendSummary(1000, { pricePerRead: 0.005, monthlyReadCap: 1200 }, now)).toMatchObject({ projected_month_end_reads: 1200, state: "near_cap" })
  })
  it("states: ok below 80 %, near_cap from 80 %, capped at the cap", () => {
    expect([spendState(799, 1000, 0.8), spendState(800, 1000, 0.8), spendState(1000, 1000, 0.8), spendState(5, undefined, 0.8)]).toEqual(["ok", "near_cap", "capped", "ok"])
  })
})

describe("withReads", () => {
  it("books the most a call can read, settles to what it returned, and refuses a call that could pass the cap", async () => {
    const meter = accountMeter(new InMemoryXReadCounterStore(), "p1", { pricePerRead: 0.005, monthlyReadCap: 150 }, 0.8)
    const now = () => Date.UTC(2026, 5, 11)
    await withReads(meter, now, 100, async () => ({ data: { data: [1, 2, 3] } }), (r) => r.data.data.length)
    expect(await meter.reads(now())).toBe(3)
    let sent = false
    await expect(withReads(meter, now, 148, async () => { sent = true }, () => 0)).rejects.toMatchObject({ code: "x_read_cap", kind: "rate_limit" })
    expect(sent).toBe(false)
    // A failed call reads nothing.
    await expect(withReads(meter, now, 10, async () => { throw new PlatformApiError({ platform: "twitter", kind: "server" }) }, () => 0)).rejects.toBeInstanceOf(PlatformApiError)
    expect(await meter.reads(now())).toBe(3)
  })
})
