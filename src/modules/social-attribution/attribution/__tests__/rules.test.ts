import { describe, expect, it } from "vitest"
import { decideAttribution, resolveEstimatedWindowMs, resolveWindowMs } from "../rules"
import { readTrackedClick } from "../tracked-click"
import { computeAttributedAmounts } from "../amounts"

const DAY = 86_400_000
const POST = "socpost_01JABCDEFGHJKMNPQRSTVWXYZ0"
const OTHER = "socpost_01JABCDEFGHJKMNPQRSTVWXYZ1"
const placedAt = new Date("2026-05-10T12:00:00Z")
const click = (ageMs: number, post = POST) => ({ post_id: post, platform: "instagram", clicked_at: new Date(placedAt.getTime() - ageMs) })
const base = { placedAt, linkedPromotions: [], knownPostIds: new Set([POST, OTHER]), windowMs: 7 * DAY }

describe("decideAttribution", () => {
  it("credits a click inside the window and nothing outside it", () => {
    expect(decideAttribution({ ...base, click: click(7 * DAY - 1000) })).toMatchObject({ post_id: POST, source: "link" })
    expect(decideAttribution({ ...base, click: click(7 * DAY + 1000) })).toBeNull()
  })

  it("honours a configured window", () => {
    expect(decideAttribution({ ...base, windowMs: resolveWindowMs(1, undefined), click: click(2 * DAY) })).toBeNull()
    expect(resolveWindowMs(undefined, "30")).toBe(30 * DAY)
    expect(() => resolveWindowMs("soon", undefined)).toThrow(/attributionWindowDays/)
  })

  it("puts a linked promotion before a click, and picks one code deterministically", () => {
    const decision = decideAttribution({
      ...base,
      click: click(DAY),
      linkedPromotions: [{ post_id: POST, code: "ZED" }, { post_id: OTHER, code: "ALPHA" }],
    })
    expect(decision).toMatchObject({ post_id: OTHER, source: "promotion", promotion_code: "ALPHA" })
  })

  it("ignores posts that do not exist and clicks from the future", () => {
    expect(decideAttribution({ ...base, knownPostIds: new Set(), click: click(DAY) })).toBeNull()
    expect(decideAttribution({ ...base, click: click(-DAY) })).toBeNull()
  })
})

describe("the opt-in estimated rule", () => {
  const productPosts = [
    { post_id: POST, posted_at: new Date(placedAt.getTime() - 3 * DAY) },
    { post_id: OTHER, posted_at: new Date(placedAt.getTime() - 1 * DAY) },
  ]
  it("is off by default", () => {
    expect(resolveEstimatedWindowMs(undefined, undefined)).toBeNull()
    expect(decideAttribution({ ...base, click: null, productPosts })).toBeNull()
    expect(() => resolveEstimatedWindowMs(undefined, "-1")).toThrow(/SOCIAL_ATTRIBUTION_ESTIMATED_DAYS/)
  })
  it("credits the most recently published post within the window, after links and promotions", () => {
    const on = { ...base, click: null, productPosts, estimatedWindowMs: 7 * DAY }
    expect(decideAttribution(on)).toMatchObject({ post_id: OTHER, source: "estimated" })
    expect(decideAttribution({ ...on, estimatedWindowMs: 12 * 3_600_000 })).toBeNull()
    expect(decideAttribution({ ...on, click: click(DAY) })).toMatchObject({ post_id: POST, source: "link" })
  })
})

describe("readTrackedClick", () => {
  const good = { utm_source: "Instagram", utm_medium: "social", utm_content: POST, utm_clicked_at: "2026-05-09T12:00:00.000Z" }
  it("reads what the storefront helper writes", () => {
    expect(readTrackedClick(good)).toEqual({ post_id: POST, platform: "instagram", clicked_at: new Date(good.utm_clicked_at) })
    expect(readTrackedClick({ ...good, utm_source: "newsletter" })?.platform).toBeNull()
  })
  it.each([
    null,
    "string",
    [good],
    { ...good, utm_content: 5 },
    { ...good, utm_content: `${POST}'; drop table x; --` },
    { ...good, utm_content: "x".repeat(100_000) },
    { ...good, utm_clicked_at: { $gt: 1 } },
    { ...good, utm_clicked_at: "2026-13-45T99:00:00Z" },
    { ...good, utm_medium: "cpc" },
  ])("ignores %#", (metadata) => {
    expect(readTrackedClick(metadata)).toBeNull()
  })
})

describe("computeAttributedAmounts", () => {
  const order = {
    total: 50,
    credit_line_total: 0,
    items: [
      { product_id: "prod_a", quantity: 2, total: 44, tax_total: 4 },
      { product_id: "prod_b", quantity: 1, total: 11, tax_total: 1, detail: { return_received_quantity: 0 } },
    ],
  }
  it("counts line items after discounts without tax, and the linked products' part", () => {
    expect(computeAttributedAmounts(order, new Set(["prod_b"]))).toEqual({ net_total: "50", linked_subtotal: "10", units: 3, canceled_at: null })
  })
  it("spreads a refund without a return over the lines", () => {
    const refunded = computeAttributedAmounts({ ...order, total: 40, credit_line_total: 10 }, new Set())
    expect(refunded.net_total).toBe("40")
  })
  it("drops returned units and zeroes a canceled order", () => {
    const returned = { ...order, items: [{ ...order.items[0], detail: { return_received_quantity: 1 } }] }
    expect(computeAttributedAmounts(returned, new Set()).units).toBe(1)
    const canceled = computeAttributedAmounts({ ...order, canceled_at: "2026-05-11T00:00:00Z" }, new Set(["prod_a"]))
    expect(canceled).toMatchObject({ net_total: "0", linked_subtotal: "0", canceled_at: new Date("2026-05-11T00:00:00Z") })
  })
})
