import { model } from "@medusajs/framework/utils"
import { SocialPlatform } from "./social-platform"

export const SOCIAL_POST_STATUSES = ["draft", "scheduled", "posted", "failed", "archived"] as const
export const SOCIAL_MEDIA_TYPES = ["IMAGE", "VIDEO", "CAROUSEL_ALBUM", "REELS", "STORY", "TEXT"] as const
export const INSIGHTS_SYNC_STATUSES = ["success", "partial", "failed"] as const

/**
 * A post published (or to be published) on one platform. The platform's own post
 * ids and every synced metric live in the `insights` JSON (the spec's contract);
 * what code filters or sorts on is mirrored in real columns.
 */
export const SocialPost = model
  .define("social_post", {
    id: model.id({ prefix: "socpost" }).primaryKey(),
    platform: model.belongsTo(() => SocialPlatform, { mappedBy: "posts" }),
    name: model.text().searchable().nullable(),
    caption: model.text().searchable().nullable(),
    status: model.enum([...SOCIAL_POST_STATUSES]).default("draft"),
    post_url: model.text().nullable(),
    posted_at: model.dateTime().nullable(),
    /** Drives which metrics are asked for (Instagram refuses metrics invalid for a product type). */
    media_type: model.enum([...SOCIAL_MEDIA_TYPES]).nullable(),
    media_attachments: model.json().nullable(),
    /** instagram_media_id / facebook_post_id / twitter_tweet_id / linkedin_post_urn + synced metrics. */
    insights: model.json().nullable(),
    metadata: model.json().nullable(),
    /** Time of the last successful or partial sync; a failed sync leaves it unchanged. */
    insights_synced_at: model.dateTime().nullable(),
    insights_sync_status: model.enum([...INSIGHTS_SYNC_STATUSES]).nullable(),
    /** When the scheduler should sync this post next; null = only on demand. */
    next_sync_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["status", "next_sync_at"] },
    { on: ["status", "insights_synced_at"] },
  ])
