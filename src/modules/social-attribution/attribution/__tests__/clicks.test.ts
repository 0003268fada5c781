import { describe, expect, it } from "vitest"
import { linkClicksFromInsights } from "../clicks"
import { summarizeSales } from "../sales-summary"

describe("linkClicksFromInsights", () => {
  it("reads each platform's link clicks and sums a cross-posted post", () => {
    expect(linkClicksFromInsights({ facebook_insights: { post_clicks: 45 } })).toBe(45)
    expect(linkClicksFromInsights({ linkedin_insights: { clickCount: 7 } })).toBe(7)
    expect(linkClicksFromInsights({ twitter_insights: { url_link_clicks: 41 }, facebook_insights: { post_clicks: 4 } })).toBe(45)
  })
  it("is null where no platform reports clicks (Instagram, X app-only)", () => {
    expect(linkClicksFromInsights({ instagram_insights: { reach: 10 } })).toBeNull()
    expect(linkClicksFromInsights({ twitter_insights: { retweet_count: 2 } })).toBeNull()
    expect(linkClicksFromInsights(null)).toBeNull()
    expect(linkClicksFromInsights({ facebook_insights: { post_clicks: "9" } })).toBeNull()
  })
})

describe("summarizeSales", () => {
  const row = { currency_code: "usd", orders: 0, canceled: 2, total: "0", units: 0, link_orders: 0, link_total: "0", promotion_orders: 0, promotion_total: "0", estimated_orders: 0, estimated_total: "0" }
  it("has no revenue, average or conversion rate when every order was canceled", () => {
    expect(summarizeSales([row], 10)).toMatchObject({ orders: 0, canceled: 2, revenue: [], average_order_value: [], conversion_rate: 0 })
    expect(summarizeSales([], 0).conversion_rate).toBeNull()
  })
})
