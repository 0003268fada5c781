/**
 * The JSON the plugin's admin routes answer with, declared once: routes type
 * their `MedusaResponse<T>` with these, and the admin bundle reads the same
 * file. Only type imports of plain-data files (the platform catalog, the
 * snapshot metric list), so nothing of the server reaches the browser.
 *
 * Dates are ISO 8601 strings on the wire (`res.json` serializes a `Date` so);
 * a route hands over `Date`s through `Wire<T>` below. Every metric is optional:
 * a platform that does not report a number leaves it out, and the UI never
 * shows a missing number as 0.
 */
import type { PlatformBlockName, PlatformPostIdField, SocialPlatform as PlatformId } from "../modules/socials/platforms/catalog"
import type { SnapshotNumbers } from "../modules/socials/insights/snapshot-metrics"

export type SocialProvider = PlatformId
export type PlatformStatus = "active" | "needs_reconnect" | "disabled"
export type PostStatus = "draft" | "scheduled" | "posted" | "failed" | "archived"
export type MediaType = "IMAGE" | "VIDEO" | "CAROUSEL_ALBUM" | "REELS" | "STORY" | "TEXT"
export type SyncStatus = "success" | "partial" | "failed"

/** What a route may hand to `res.json` for a wire type: the same shape with `Date`s where strings go out. */
export type Wire<T> = T extends string
  ? T | Date
  : T extends (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T

// ---- Accounts ----

export type PublicApiConfig = {
  has_access_token: boolean
  has_refresh_token: boolean
  token_expires_at: string | null
  auth_type: string | null
}

export type SocialPlatform = {
  id: string
  name: string
  provider: SocialProvider
  account_id: string | null
  status: PlatformStatus
  api_config: PublicApiConfig
  metadata?: Record<string, unknown> | null
  created_at: string
  updated_at: string
}

// ---- Posts and their insights ----

export type CommentData = {
  id: string
  text: string
  from?: { id: string; name: string }
  created_time: string
  like_count?: number
  reply_count?: number
  platform?: SocialProvider
}

export type SyncErrorDetail = {
  section: string
  code: string
  message: string
  retry_after?: string
  severity?: "error" | "notice"
  platform?: SocialProvider
}

/** Numbers (or nested numbers, such as reactions by type) in a platform's own names. */
export type PlatformMetrics = Record<string, number | Record<string, number>>

export type CoreMetrics = {
  platform_post_id?: string
  permalink?: string
  media_type?: string
  media_product_type?: string
  likes?: number
  comments?: number
  shares?: number
  saves?: number
  impressions?: number
  reach?: number
  engagement?: number
  /** null when the platform reported neither reach nor impressions. */
  engagement_rate?: number | null
  video_views?: number
  /** Seconds. */
  avg_watch_time?: number
  complete_views?: number
  reactions?: Record<string, number>
}

export type PlatformEntry = CoreMetrics & {
  last_synced_at?: string
  sync_status?: SyncStatus
  sync_errors?: string[]
}

export type PostInsights = CoreMetrics & {
  schema_version?: number
  platform?: SocialProvider
  comments_data?: CommentData[]
  by_platform?: Partial<Record<SocialProvider, PlatformEntry>>
  last_synced_at?: string
  sync_status?: SyncStatus
  sync_errors?: string[]
  sync_error_details?: SyncErrorDetail[]
  [key: string]: unknown
} & { [K in PlatformBlockName]?: PlatformMetrics } & { [K in PlatformPostIdField]?: string }

export type Money = { currency_code: string; total: number }

/** What GET /admin/social-posts adds to each post. */
export type PostSalesSummary = { orders: number; revenue: Money[] }

export type SocialPost = {
  id: string
  platform_id: string
  platform?: SocialPlatform | null
  name: string | null
  caption: string | null
  status: PostStatus
  post_url: string | null
  posted_at: string | null
  media_type: MediaType | null
  insights: PostInsights | null
  metadata?: Record<string, unknown> | null
  insights_synced_at: string | null
  insights_sync_status: SyncStatus | null
  next_sync_at: string | null
  created_at: string
  updated_at: string
  /** Only in the list (GET /admin/social-posts). */
  sales?: PostSalesSummary
}

/** One sync's numbers (GET /admin/social-posts/:id/insights-snapshots). */
export type InsightsSnapshot = { id: string; post_id?: string; synced_at: string } & SnapshotNumbers

// ---- Response bodies ----

export type ListResponse<K extends string, T> = { [key in K]: T[] } & {
  count: number
  offset: number
  limit: number
}

export type SocialPostListResponse = ListResponse<"social_posts", SocialPost>
export type SocialPostResponse = { social_post: SocialPost }
export type SocialPlatformListResponse = ListResponse<"social_platforms", SocialPlatform>
export type SocialPlatformResponse = { social_platform: SocialPlatform }
export type DeleteResponse = { id: string; object: string; deleted: boolean }
export type InsightsSnapshotsResponse = { snapshots: InsightsSnapshot[] }

/** POST /admin/social-posts/:id/sync-insights: 200 (success, partial, fresh) or a refusal with a stable code. */
export type SyncPostInsightsResponse = {
  message: string
  insights?: PostInsights | null
  code?: string
  /** Seconds until a rate-limited platform can be called again. */
  retry_after?: number
}

export type SyncAllResult = {
  postId: string
  status: "success" | "failed" | "skipped"
  error?: string
  code?: string
}

export type SyncAllInsightsResponse = {
  message: string
  success: number
  failed: number
  skipped: number
  total: number
  results: SyncAllResult[]
  /** Seconds until a rate-limited platform can be called again. */
  retry_after?: number
}

// ---- Reports (docs/reports.md) ----

export type PeriodNumbers = {
  posts: number
  likes: number | null
  comments: number | null
  shares: number | null
  /** Impressions (Meta calls them views since 2025); null when no post of the period reported any. */
  views: number | null
  /** Sum of engagement / sum of reach × 100 over the posts that report both; null without reach. */
  engagement_rate: number | null
  /** Orders' net sales credited to the period's posts, per currency; absent without the attribution module. */
  revenue?: Money[]
}
export type TopPost = { id: string; name: string | null; platform: string; posted_at: string; engagement_rate: number | null; reach: number | null; revenue?: number }
export type SocialOverviewResponse = {
  period: { from: string; to: string }
  previous_period: { from: string; to: string }
  total: { current: PeriodNumbers; previous: PeriodNumbers }
  platforms: { platform: string; current: PeriodNumbers; previous: PeriodNumbers }[]
  top_posts: { by_engagement_rate: TopPost[]; by_revenue?: Record<string, TopPost[]> }
}
export type BestTimeCell = { weekday: number; hour: number; posts: number; insufficient: boolean; median_engagement_rate: number | null }
export type BestTimeResponse = { period: { from: string; to: string }; tz: string; min_posts: number; cells: BestTimeCell[] }
export type OverviewSettingsResponse = { settings: { timezone: string | null } }
export type FollowerChange = {
  days: number
  /** The snapshot compared against: the newest one at least `days` before the latest; null when none is that old. */
  from_day: string | null
  to_day: string | null
  from: number | null
  to: number | null
  change: number | null
  /** Percent of `from`, 2 decimals; null when `from` is unknown or 0. */
  change_percent: number | null
}
export type AccountSnapshot = { day: string; captured_at: string; followers: number | null; views: number | null; reach: number | null }
export type AccountSnapshotsResponse = { snapshots: AccountSnapshot[]; change: FollowerChange[] }

// ---- Attribution (docs/attribution.md) ----

export type SocialPostSales = {
  orders: number
  canceled: number
  revenue: Money[]
  average_order_value: { currency_code: string; value: number }[]
  units: number
  clicks: number | null
  conversion_rate: number | null
  by_source: {
    link: { orders: number; revenue: Money[] }
    promotion: { orders: number; revenue: Money[] }
    /** Only with the opt-in "estimated" rule; never part of the figures above. */
    estimated?: { orders: number; revenue: Money[] }
  }
}
export type SocialPostSalesResponse = { sales: SocialPostSales }

export type OrderSocialAttribution = {
  social_post: { id: string; name: string | null } | null
  /** "estimated" only with the opt-in rule on. */
  source: "link" | "promotion" | "estimated"
  platform: string | null
  promotion_code: string | null
  currency_code: string
  net_total: number
  canceled_at: string | null
  clicked_at: string | null
}
export type OrderSocialAttributionResponse = { attribution: OrderSocialAttribution | null }

export type ProductPostSales = { id: string; name: string | null; sales: PostSalesSummary }
export type ProductSocialSalesResponse = { social_posts: ProductPostSales[] }

// ---- X spend (GET /admin/social-platforms/:id/x-spend) ----

export type XSpendState = "ok" | "near_cap" | "capped"
export type XSpendSummary = {
  /** UTC month, "2026-03". */
  month: string
  reads: number
  estimated_spend: number
  projected_month_end_reads: number
  projected_spend: number
  cap: number | null
  price_per_read: number
  state: XSpendState
}

// ---- Import posts (POST /admin/social-platforms/:id/import-posts and GET .../estimate) ----

export type ImportPostsResponse = { message: string; imported: number; updated: number; skipped: number; total: number; next_cursor: string | null }

export type ImportEstimate = {
  provider: string
  /** Only X bills the posts an import reads. */
  billed: boolean
  /** At most this many reads for one import call of `limit` posts. */
  estimated_reads: number
  price_per_read: number
  /** USD, rounded to the cent. */
  estimated_spend: number
  /** The monthly read cap (SOCIALS_X_MONTHLY_READ_CAP), null without one. */
  cap: number | null
  /** Reads already counted this UTC month. */
  reads_this_month: number
  message: string
}
