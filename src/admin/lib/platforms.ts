import { PLATFORM_CATALOG, PLATFORM_POST_ID_FIELDS as ID_FIELDS, byPlatform, type PlatformFacts, type PlatformPostIdField } from "../../modules/socials/platforms/catalog"
import type { MediaType, PlatformPostIds, PostInsights, PostStatus, SocialPlatform, SocialProvider } from "./types"

/** Everything per platform below comes from the catalog: a new platform shows up without an admin edit. */
export const PROVIDER_LABELS: Record<SocialProvider, string> = byPlatform((p) => ("adminLabel" in p ? p.adminLabel : p.label))

export const providerLabel = (provider: string | undefined | null) =>
  (provider && PROVIDER_LABELS[provider as SocialProvider]) || provider || "Unknown platform"

/** Connected accounts as select options: "Shop Page (Facebook)". */
export const platformOptions = (platforms: readonly Pick<SocialPlatform, "id" | "name" | "provider">[] | undefined) =>
  (platforms ?? []).map((p) => ({ value: p.id, label: `${p.name} (${providerLabel(p.provider)})` }))

/** The id field a post of each provider is read by, with what a merchant recognizes it as. */
export const PLATFORM_POST_ID_FIELDS: Record<
  SocialProvider,
  { field: keyof PlatformPostIds; label: string; placeholder: string; hint: string }
> = byPlatform((p) => ({ field: p.postIdField, ...p.admin.postId }))

export const ACCOUNT_ID_HINTS: Record<SocialProvider, { label: string; placeholder: string }> = byPlatform((p) => ({ ...p.admin.accountId }))

/** The catalog's admin facts of each platform (metric tiles, raw names already in the grid). */
export const PLATFORM_ADMIN: readonly PlatformFacts[] = PLATFORM_CATALOG

export const POST_STATUS_LABELS: Record<PostStatus, string> = {
  draft: "Draft",
  scheduled: "Scheduled",
  posted: "Posted",
  failed: "Failed",
  archived: "Archived",
}

export const MEDIA_TYPE_LABELS: Record<MediaType, string> = {
  IMAGE: "Image",
  VIDEO: "Video",
  CAROUSEL_ALBUM: "Carousel",
  REELS: "Reel",
  STORY: "Story",
  TEXT: "Text",
}

/** Every platform's post-id field; Facebook's first: on a post cross-published through Meta it names the post. */
export const POST_ID_FIELDS: readonly PlatformPostIdField[] = ["facebook_post_id", ...ID_FIELDS.filter((f) => f !== "facebook_post_id")]

/** The platform-side id stored on a post, whichever platform it is. */
export function platformPostIdOf(insights: PostInsights | null | undefined): string | undefined {
  if (!insights) return undefined
  for (const field of POST_ID_FIELDS) {
    const id = insights[field]
    if (typeof id === "string" && id) return id
  }
  return insights.platform_post_id || undefined
}

/** Why a post in this status has no insights to sync; undefined for posted posts. */
export function notSyncableReason(status: PostStatus): string | undefined {
  switch (status) {
    case "posted":
      return undefined
    case "draft":
      return "This post is a draft. Platforms only report numbers for published posts: once it is live, set its status to Posted and add its id on the platform."
    case "scheduled":
      return "This post is scheduled and not published yet. Insights can be synced once it is live."
    case "failed":
      return "Publishing this post failed, so there is nothing on the platform to read insights from."
    case "archived":
      return "This post is archived: its insights are kept but no longer synced. Set its status back to Posted to sync it again."
  }
}

/** Warn this long before a token expires. */
export const TOKEN_EXPIRY_WARNING_MS = 7 * 24 * 3600 * 1000

export type TokenHealth = { state: "missing" | "expired" | "expiring" | "ok"; expiresAt?: string }

/** Whether a platform's token is stored, and whether it expired or expires within a week. */
export function tokenHealth(
  apiConfig: { has_access_token: boolean; token_expires_at: string | null } | null | undefined,
  now: number = Date.now()
): TokenHealth {
  if (!apiConfig?.has_access_token) return { state: "missing" }
  const expiresAt = apiConfig.token_expires_at ?? undefined
  const at = expiresAt ? Date.parse(expiresAt) : NaN
  if (Number.isNaN(at)) return { state: "ok" }
  if (at <= now) return { state: "expired", expiresAt }
  if (at - now <= TOKEN_EXPIRY_WARNING_MS) return { state: "expiring", expiresAt }
  return { state: "ok", expiresAt }
}
