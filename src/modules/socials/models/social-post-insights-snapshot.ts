import { model } from "@medusajs/framework/utils"

/**
 * One row per successful or partial sync of a post: the core numbers at that
 * moment, so the admin can chart a post's growth. Not one row per metric.
 */
export const SocialPostInsightsSnapshot = model
  .define("social_post_insights_snapshot", {
    id: model.id({ prefix: "socsnap" }).primaryKey(),
    post_id: model.text(),
    synced_at: model.dateTime(),
    likes: model.number().nullable(),
    comments: model.number().nullable(),
    shares: model.number().nullable(),
    saves: model.number().nullable(),
    impressions: model.number().nullable(),
    reach: model.number().nullable(),
    engagement: model.number().nullable(),
    engagement_rate: model.float().nullable(),
    video_views: model.number().nullable(),
  })
  .indexes([{ on: ["post_id", "synced_at"] }])
