import { model } from "@medusajs/framework/utils"

/**
 * One row per connected account and UTC day: its audience as the platform
 * reported it that day, for the growth chart. `day` is unique per platform, so a
 * second capture on the same day (a rerun, a second process) changes nothing.
 */
export const SocialAccountSnapshot = model
  .define("social_account_snapshot", {
    id: model.id({ prefix: "socacct" }).primaryKey(),
    platform_id: model.text(),
    /** UTC calendar day, YYYY-MM-DD. */
    day: model.text(),
    captured_at: model.dateTime(),
    /** Null when the platform did not say (never stored as 0). */
    followers: model.number().nullable(),
    /** The account's views / reach of that day, where one cheap call gives them; null otherwise. */
    views: model.number().nullable(),
    reach: model.number().nullable(),
  })
  .indexes([{ on: ["platform_id", "day"], unique: true }])
