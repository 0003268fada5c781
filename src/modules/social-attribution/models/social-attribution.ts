import { model } from "@medusajs/framework/utils"

/** "estimated" (opt-in) is reported apart and never added to the other two. */
export const ATTRIBUTION_SOURCES = ["link", "promotion", "estimated"] as const
export type AttributionSource = (typeof ATTRIBUTION_SOURCES)[number]

/**
 * One order credited to one social post (one post per order). Only the order id
 * identifies the order: no customer, email or address is copied here. Amounts are
 * in the order's currency, major units, never converted.
 */
export const SocialAttribution = model
  .define("social_attribution", {
    id: model.id({ prefix: "socattr" }).primaryKey(),
    /** Unique: a second delivery of order.placed updates the row instead of adding one. */
    order_id: model.text(),
    social_post_id: model.text(),
    source: model.enum([...ATTRIBUTION_SOURCES]),
    /** utm_source when it names a known platform; null otherwise (and for promotions). */
    platform: model.text().nullable(),
    /** The linked promotion code that decided a "promotion" attribution. */
    promotion_code: model.text().nullable(),
    currency_code: model.text(),
    /** The order's created_at: `from` / `to` filter on it. */
    placed_at: model.dateTime(),
    /** utm_clicked_at of the click that decided a "link" attribution. */
    clicked_at: model.dateTime().nullable(),
    /** Net sales when first recorded: line items after discounts, without tax and shipping. */
    original_total: model.bigNumber(),
    /** Net sales now: returns and refunds lower it, a cancellation sets it to 0. */
    net_total: model.bigNumber(),
    /** original_total - net_total. */
    reduced_total: model.bigNumber(),
    /** Net sales of the lines whose product is linked to the post. */
    linked_subtotal: model.bigNumber(),
    /** Quantity of all items of the order (returned items excluded). */
    units: model.number(),
    canceled_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["order_id"], unique: true },
    { on: ["social_post_id", "placed_at"] },
    { on: ["currency_code", "social_post_id"] },
  ])
