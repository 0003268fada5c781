import { model } from "@medusajs/framework/utils"
import { SOCIAL_PLATFORMS } from "../platforms/catalog"
import { SocialPost } from "./social-post"

/** Every platform of the catalog is an account provider (the column's check constraint lists them). */
export const SOCIAL_PROVIDERS = SOCIAL_PLATFORMS
export const SOCIAL_PLATFORM_STATUSES = ["active", "needs_reconnect", "disabled"] as const

/**
 * A connected social account (an Instagram professional account, a Facebook Page,
 * an X user or a LinkedIn organization) and the credentials used to read it.
 */
export const SocialPlatform = model
  .define("social_platform", {
    id: model.id({ prefix: "socplat" }).primaryKey(),
    name: model.text().searchable(),
    provider: model.enum([...SOCIAL_PROVIDERS]),
    /** Instagram user id, Facebook Page id, X user id or LinkedIn organization URN. */
    account_id: model.text().nullable(),
    /**
     * Credentials. Tokens are only ever stored encrypted (access_token_encrypted,
     * refresh_token_encrypted); token_expires_at and auth_type are kept in clear so
     * the admin can warn before a token expires.
     */
    api_config: model.json().nullable(),
    /** needs_reconnect is set by a sync that met an expired or revoked token. */
    status: model.enum([...SOCIAL_PLATFORM_STATUSES]).default("active"),
    metadata: model.json().nullable(),
    posts: model.hasMany(() => SocialPost, { mappedBy: "platform" }),
  })
  .cascades({ delete: ["posts"] })
