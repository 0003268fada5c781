/**
 * The admin's view of the plugin's API: the response shapes come from the one
 * shared declaration (src/types/api.ts, type-only, no server code), which the
 * routes type their responses with; what is here is admin-only (value lists for
 * selects, request parameters and bodies).
 */

import { SOCIAL_PLATFORMS, type PlatformPostIdField } from "../../modules/socials/platforms/catalog"
import type { MediaType, PlatformStatus, PostStatus, SocialProvider } from "../../types/api"

export type {
  CommentData,
  CoreMetrics,
  DeleteResponse,
  InsightsSnapshot,
  InsightsSnapshotsResponse,
  ListResponse,
  MediaType,
  PlatformEntry,
  PlatformMetrics,
  PlatformStatus,
  PostInsights,
  PostStatus,
  PublicApiConfig,
  SocialPlatform,
  SocialPlatformListResponse,
  SocialPlatformResponse,
  SocialPost,
  SocialPostListResponse,
  SocialPostResponse,
  SocialProvider,
  SyncAllInsightsResponse,
  SyncAllResult,
  SyncErrorDetail,
  SyncPostInsightsResponse,
  SyncStatus,
} from "../../types/api"

/** The providers of the platform catalog (browser-safe: plain data, no server imports). */
export const SOCIAL_PROVIDERS = SOCIAL_PLATFORMS

export const PLATFORM_STATUSES = ["active", "needs_reconnect", "disabled"] as const satisfies readonly PlatformStatus[]
export const POST_STATUSES = ["draft", "scheduled", "posted", "failed", "archived"] as const satisfies readonly PostStatus[]
export const MEDIA_TYPES = ["IMAGE", "VIDEO", "CAROUSEL_ALBUM", "REELS", "STORY", "TEXT"] as const satisfies readonly MediaType[]

export type LinkedProduct = {
  id: string
  title: string
  handle?: string | null
  thumbnail?: string | null
  status?: string
}

// ---- Request bodies and parameters ----

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

export type SyncAllInsightsInput = {
  platform_id?: string
  limit?: number
  force?: boolean
}

