import type { MediaType, PlatformPostIds, PostInsights, PostStatus, SocialPlatform, SocialProvider } from "./types"

export const PROVIDER_LABELS: Record<SocialProvider, string> = {
  facebook: "Facebook",
  instagram: "Instagram",
  twitter: "X (Twitter)",
  linkedin: "LinkedIn",
}

export const providerLabel = (provider: string | undefined | null) =>
  (provider && PROVIDER_LABELS[provider as SocialProvider]) || provider || "Unknown platform"

/** Connected accounts as select options: "Shop Page (Facebook)". */
export const platformOptions = (platforms: readonly Pick<SocialPlatform, "id" | "name" | "provider">[] | undefined) =>
  (platforms ?? []).map((p) => ({ value: p.id, label: `${p.name} (${providerLabel(p.provider)})` }))

/** The id field a post of each provider is read by, with what a merchant recognizes it as. */
export const PLATFORM_POST_ID_FIELDS: Record<
  SocialProvider,
  { field: keyof PlatformPostIds; label: string; placeholder: string; hint: string }
> = {
  facebook: {
    field: "facebook_post_id",
    label: "Facebook post id",
    placeholder: "104000000000001_900000000000001",
    hint: "{page_id}_{post_id}, as in the post's Graph API id.",
  },
  instagram: {
    field: "instagram_media_id",
    label: "Instagram media id",
    placeholder: "17900000000000001",
    hint: "The numeric media id (not the shortcode in the URL).",
  },
  twitter: {
    field: "twitter_tweet_id",
    label: "X post id",
    placeholder: "1460323737035677698",
    hint: "The number at the end of the post's URL.",
  },
  linkedin: {
    field: "linkedin_post_urn",
    label: "LinkedIn post URN",
    placeholder: "urn:li:share:7000000000000000001",
    hint: "urn:li:share:… or urn:li:ugcPost:…",
  },
}

export const ACCOUNT_ID_HINTS: Record<SocialProvider, { label: string; placeholder: string }> = {
  facebook: { label: "Page id", placeholder: "104000000000001" },
  instagram: { label: "Instagram professional account id", placeholder: "17841400000000001" },
  twitter: { label: "X user id", placeholder: "2244994945" },
  linkedin: { label: "Organization URN", placeholder: "urn:li:organization:90000001" },
}

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

/** The platform-side id stored on a post, whichever platform it is. */
export function platformPostIdOf(insights: PostInsights | null | undefined): string | undefined {
  if (!insights) return undefined
  return (
    insights.facebook_post_id ||
    insights.instagram_media_id ||
    insights.twitter_tweet_id ||
    insights.linkedin_post_urn ||
    insights.platform_post_id ||
    undefined
  )
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
