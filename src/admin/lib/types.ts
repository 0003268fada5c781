/**
 * The shapes the admin reads from the plugin's API. They mirror the server's
 * serializers and the `insights` schema (src/modules/socials/insights/schema.ts)
 * without importing server code into the browser bundle. Every metric is optional:
 * a platform that does not report a number leaves it out, and the UI never
 * shows a missing number as 0.
 */

import { SOCIAL_PLATFORMS, type PlatformBlockName, type PlatformPostIdField, type SocialPlatform as PlatformId } from "../../modules/socials/platforms/catalog"

/** The providers of the platform catalog (browser-safe: plain data, no server imports). */
export const SOCIAL_PROVIDERS = SOCIAL_PLATFORMS
export type SocialProvider = PlatformId

export const PLATFORM_STATUSES = ["active", "needs_reconnect", "disabled"] as const
export type PlatformStatus = (typeof PLATFORM_STATUSES)[number]

export const POST_STATUSES = ["draft", "scheduled", "posted", "failed", "archived"] as const
export type PostStatus = (typeof POST_STATUSES)[number]

export const MEDIA_TYPES = ["IMAGE", "VIDEO", "CAROUSEL_ALBUM", "REELS", "STORY", "TEXT"] as const
export type MediaType = (typeof MEDIA_TYPES)[number]

export type SyncStatus = "success" | "partial" | "failed"

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
}

export type InsightsSnapshot = {
  id: string
  synced_at: string
  likes: number | null
  comments: number | null
  shares: number | null
  saves: number | null
  impressions: number | null
  reach: number | null
  engagement: number | null
  engagement_rate: number | null
  video_views: number | null
}

export type LinkedProduct = {
  id: string
  title: string
  handle?: string | null
  thumbnail?: string | null
  status?: string
}

// ---- Request and response bodies ----

export type ListResponse<K extends string, T> = { [key in K]: T[] } & {
  count: number
  offset: number
  limit: number
}

export type SocialPostListParams = {
  platform_id?: string
  status?: PostStatus
  q?: string
  limit?: number
  offset?: number
  order?: string
}

export type SocialPlatformListParams = {
  q?: string
  provider?: SocialProvider
  status?: PlatformStatus
  limit?: number
  offset?: number
  order?: string
}

export type PlatformPostIds = { [K in PlatformPostIdField]?: string | null }

export type SocialPostPayload = {
  platform_id?: string
  name?: string | null
  caption?: string | null
  status?: PostStatus
  post_url?: string | null
  posted_at?: string | null
  media_type?: MediaType | null
  insights?: PlatformPostIds
}

export type SocialPlatformPayload = {
  name?: string
  provider?: SocialProvider
  account_id?: string | null
  status?: PlatformStatus
  api_config?: {
    access_token?: string | null
    refresh_token?: string | null
    token_expires_at?: string | null
  }
}

export type SyncPostInsightsResponse = {
  message: string
  insights?: PostInsights
}

export type SyncAllInsightsInput = {
  platform_id?: string
  limit?: number
  force?: boolean
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

export type DeleteResponse = { id: string; object: string; deleted: boolean }
