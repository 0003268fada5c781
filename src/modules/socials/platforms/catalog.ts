/**
 * What every layer may know of a platform without its code: ids, names, where a
 * post keeps the platform's id, the metrics block, the default budget and what
 * the admin shows. Plain data and nothing imported, so the insights schema, the
 * models, the HTTP layer and the admin bundle can all read it; each platform's
 * server half (client, sync, errors) is its `definition.ts`, listed in registry.ts.
 *
 * Adding a platform adds one entry here and one line in registry.ts.
 */

export interface PlatformFacts {
  /** Also the account provider stored on `social_platform.provider`. */
  readonly id: string
  /** Short name in messages ("reconnect your X account"). */
  readonly label: string
  /** Name the admin lists accounts under, when it differs. */
  readonly adminLabel?: string
  /** Account providers whose posts carry this platform's id (a Meta token reads the Page and its Instagram account). */
  readonly providers: readonly string[]
  /** Where a post keeps this platform's id in `insights` (written at publish time or by an admin edit). */
  readonly postIdField: string
  /** What a valid id looks like, and what to say when it does not. */
  readonly postIdPattern: RegExp
  readonly postIdMessage: string
  /** The raw metrics block in `insights` (`instagram_insights`, ...). */
  readonly blockName: string
  /** Calls per account per window before the local budget makes us wait. */
  readonly defaultBudget: { readonly limit: number; readonly windowMs: number }
  readonly admin: PlatformAdminFacts
}

/** A raw metric the admin shows as its own tile; the first key present wins (platforms rename). */
export interface MetricHighlight {
  readonly keys: readonly string[]
  readonly emoji: string
  readonly label: string
  /** How the raw value reads: milliseconds shown as time, a 0..1 ratio as a percentage. */
  readonly unit?: "ms" | "ratio"
  /** Only on posts with video numbers. */
  readonly onlyWithVideo?: boolean
}

export interface PlatformAdminFacts {
  readonly postId: { readonly label: string; readonly placeholder: string; readonly hint: string }
  readonly accountId: { readonly label: string; readonly placeholder: string }
  readonly highlights: readonly MetricHighlight[]
  /** Raw names already in the main grid under the shared names. */
  readonly inMainGrid: readonly string[]
  /** Raw names whose values are milliseconds. */
  readonly milliseconds?: readonly string[]
}

const HOUR = 3_600_000
const META = ["instagram", "facebook"] as const

export const PLATFORM_CATALOG = [
  {
    id: "instagram",
    label: "Instagram",
    providers: META,
    postIdField: "instagram_media_id",
    postIdPattern: /^\d+$/,
    postIdMessage: "instagram_media_id must be a numeric Instagram media id",
    blockName: "instagram_insights",
    // The spec's figure: 200 calls an hour per user.
    defaultBudget: { limit: 200, windowMs: HOUR },
    admin: {
      postId: { label: "Instagram media id", placeholder: "17900000000000001", hint: "The numeric media id (not the shortcode in the URL)." },
      accountId: { label: "Instagram professional account id", placeholder: "17841400000000001" },
      highlights: [
        { keys: ["profile_visits"], emoji: "🏠", label: "Profile visits" },
        { keys: ["follows"], emoji: "➕", label: "Follows" },
        { keys: ["reposts"], emoji: "🔁", label: "Reposts" },
        { keys: ["profile_activity"], emoji: "👆", label: "Profile activity" },
        { keys: ["total_interactions"], emoji: "🤝", label: "Total interactions" },
        { keys: ["reels_skip_rate"], emoji: "⏭️", label: "Skip rate", unit: "ratio" },
      ],
      // `views` is stored as impressions (and video views for video).
      inMainGrid: ["likes", "comments", "reach", "saved", "shares", "views", "ig_reels_avg_watch_time"],
      milliseconds: ["ig_reels_video_view_total_time"],
    },
  },
  {
    id: "facebook",
    label: "Facebook",
    providers: META,
    postIdField: "facebook_post_id",
    postIdPattern: /^\d+(_\d+)?$/,
    postIdMessage: "facebook_post_id must look like {page_id}_{post_id}",
    blockName: "facebook_insights",
    defaultBudget: { limit: 200, windowMs: HOUR },
    admin: {
      postId: { label: "Facebook post id", placeholder: "104000000000001_900000000000001", hint: "{page_id}_{post_id}, as in the post's Graph API id." },
      accountId: { label: "Page id", placeholder: "104000000000001" },
      highlights: [
        { keys: ["post_clicks"], emoji: "🖱️", label: "Clicks" },
        { keys: ["post_media_view"], emoji: "👀", label: "Media views" },
        { keys: ["post_total_media_view_unique"], emoji: "👥", label: "Unique viewers" },
        { keys: ["post_video_views"], emoji: "▶️", label: "Video views", onlyWithVideo: true },
        { keys: ["post_video_avg_time_watched"], emoji: "⏱️", label: "Avg. time watched", unit: "ms", onlyWithVideo: true },
      ],
      inMainGrid: [],
      milliseconds: ["post_video_view_time"],
    },
  },
  {
    id: "twitter",
    label: "X",
    adminLabel: "X (Twitter)",
    providers: ["twitter"],
    postIdField: "twitter_tweet_id",
    postIdPattern: /^\d+$/,
    postIdMessage: "twitter_tweet_id must be a numeric X post id",
    blockName: "twitter_insights",
    // X counts 300 lookups per 15 minutes.
    defaultBudget: { limit: 300, windowMs: 15 * 60_000 },
    admin: {
      postId: { label: "X post id", placeholder: "1460323737035677698", hint: "The number at the end of the post's URL." },
      accountId: { label: "X user id", placeholder: "2244994945" },
      highlights: [
        { keys: ["retweet_count", "repost_count"], emoji: "🔁", label: "Reposts" },
        { keys: ["quote_count"], emoji: "💭", label: "Quotes" },
        { keys: ["bookmark_count"], emoji: "🔖", label: "Bookmarks" },
        { keys: ["url_link_clicks"], emoji: "🔗", label: "Link clicks" },
        { keys: ["user_profile_clicks"], emoji: "👤", label: "Profile clicks" },
      ],
      inMainGrid: ["like_count", "reply_count", "impression_count"],
    },
  },
  {
    id: "linkedin",
    label: "LinkedIn",
    providers: ["linkedin"],
    postIdField: "linkedin_post_urn",
    postIdPattern: /^urn:li:(share|ugcPost):\d+$/,
    postIdMessage: "linkedin_post_urn must be a urn:li:share:… or urn:li:ugcPost:… URN",
    blockName: "linkedin_insights",
    // LinkedIn publishes no standard limit: a configurable daily one (LINKEDIN_DAILY_CALL_BUDGET).
    defaultBudget: { limit: 1_000, windowMs: 24 * HOUR },
    admin: {
      postId: { label: "LinkedIn post URN", placeholder: "urn:li:share:7000000000000000001", hint: "urn:li:share:… or urn:li:ugcPost:…" },
      accountId: { label: "Organization URN", placeholder: "urn:li:organization:90000001" },
      highlights: [
        { keys: ["clickCount", "clicks"], emoji: "🖱️", label: "Clicks" },
        { keys: ["uniqueImpressionsCount"], emoji: "👥", label: "Unique impressions" },
        { keys: ["shareCount"], emoji: "🔁", label: "Reposts" },
        { keys: ["commentMentionsCount"], emoji: "@", label: "Mentions in comments" },
        { keys: ["TIME_WATCHED"], emoji: "⏱️", label: "Time watched", unit: "ms" },
      ],
      inMainGrid: ["likeCount", "commentCount", "impressionCount", "engagement", "VIDEO_VIEW"],
      milliseconds: ["TIME_WATCHED"],
    },
  },
  {
    id: "threads",
    label: "Threads",
    providers: ["threads"],
    postIdField: "threads_media_id",
    postIdPattern: /^\d{1,25}$/,
    postIdMessage: "threads_media_id must be a numeric Threads media id",
    blockName: "threads_insights",
    // A tenth of Threads' floor of 48,000 calls a day per app-user pair (see threads/config.ts).
    defaultBudget: { limit: 4_800, windowMs: 24 * HOUR },
    admin: {
      postId: { label: "Threads media id", placeholder: "18050000000000001", hint: "The numeric media id (not the shortcode in the post's URL)." },
      accountId: { label: "Threads user id", placeholder: "25000000000000001" },
      highlights: [
        { keys: ["reposts"], emoji: "🔁", label: "Reposts" },
        { keys: ["quotes"], emoji: "💭", label: "Quotes" },
        { keys: ["shares"], emoji: "📤", label: "Shares" },
      ],
      inMainGrid: ["views", "likes", "replies"],
    },
  },
] as const satisfies readonly PlatformFacts[]

type Catalog = (typeof PLATFORM_CATALOG)[number]

/** A platform's id, which is also an account provider. */
export type SocialPlatform = Catalog["id"]
export type PlatformBlockName = Catalog["blockName"]
export type PlatformPostIdField = Catalog["postIdField"]

export const SOCIAL_PLATFORMS = PLATFORM_CATALOG.map((p) => p.id) as [SocialPlatform, ...SocialPlatform[]]
export const PLATFORM_BLOCK_NAMES = PLATFORM_CATALOG.map((p) => p.blockName) as PlatformBlockName[]
export const PLATFORM_POST_ID_FIELDS = PLATFORM_CATALOG.map((p) => p.postIdField) as PlatformPostIdField[]

const BY_ID = new Map<string, PlatformFacts>(PLATFORM_CATALOG.map((p) => [p.id, p]))

export function isSocialPlatform(value: unknown): value is SocialPlatform {
  return typeof value === "string" && BY_ID.has(value)
}

/** The facts of a known platform; an unknown id is an error, never another platform's facts. */
export function platformFacts(id: string): PlatformFacts {
  const facts = BY_ID.get(id)
  if (!facts) throw new Error(`Unknown social platform '${id}' (known: ${SOCIAL_PLATFORMS.join(", ")})`)
  return facts
}

/** Short name for messages; the id itself for a platform this build does not know. */
export function platformLabel(id: string): string {
  return BY_ID.get(id)?.label ?? id
}

/** The platforms whose post ids a post of this account provider may carry, in catalog order. */
export function platformsServing(provider: string): PlatformFacts[] {
  return PLATFORM_CATALOG.filter((p) => (p.providers as readonly string[]).includes(provider))
}

/** Per platform, a value derived from its facts (labels, budgets, block names...). */
export function byPlatform<T>(pick: (facts: Catalog) => T): Record<SocialPlatform, T> {
  return Object.fromEntries(PLATFORM_CATALOG.map((p) => [p.id, pick(p)])) as Record<SocialPlatform, T>
}
