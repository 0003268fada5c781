import type { CommentData, PlatformMetrics, PostInsightsPatch, SocialPlatform, SyncErrorDetail, SyncStatus } from "../insights/schema"
import type { SyncOutcome } from "../insights/merge"
import type { SocialsConfig } from "./config"
import type { PlatformApiError } from "./http/platform-api-error"
import type { RateBudgetStore } from "./http/rate-budget"
import type { RequestHook } from "./http/request-hooks"
import type { RequestLimit } from "./http/request-limit"

export type { CommentData, PostInsightsPatch, SocialPlatform, SyncErrorDetail, SyncStatus }

export type TokenAuthType = "user_context" | "app_only"

/** Decrypted credentials of one connected account; the caller owns their storage. */
export interface PlatformCredentials {
  accessToken: string
  refreshToken?: string
  tokenExpiresAt?: Date | string | number
  /** X: private metrics exist only for user-context tokens. */
  authType?: TokenAuthType
  /** Instagram user id, Facebook Page id, X user id, or LinkedIn organization URN (or its numeric id). */
  accountId: string
}

export interface RefreshedToken {
  accessToken: string
  /** Present when the platform issued a new one (X rotates; LinkedIn may keep the old). */
  refreshToken?: string
  expiresAt?: Date
}

/**
 * The stored pair of one account, shared by every run and process that syncs it.
 * The platform layer never touches the database: the service layer implements it.
 */
export interface TokenStore {
  /** Runs `job` holding this account's refresh lock (Medusa's Locking module: across processes with Redis). */
  withRefreshLock<T>(job: () => Promise<T>): Promise<T>
  /** The pair as stored now (another run may have refreshed it); undefined when none can be read. */
  read(): Promise<Pick<PlatformCredentials, "accessToken" | "refreshToken" | "tokenExpiresAt"> | undefined>
}

export interface SyncTarget {
  /** The caller's id for this post (e.g. the social_post id); echoed in the result. */
  targetId: string
  /** Instagram media id, Facebook "{page}_{post}" id, tweet id, or LinkedIn share/ugcPost URN. */
  platformPostId: string
  /**
   * Instagram FEED | REELS | STORY as the platform confirmed it (stored from an earlier
   * answer): picks the valid insights metrics and scopes remembered refusals.
   */
  mediaProductType?: string
  /** IMAGE | VIDEO | CAROUSEL_ALBUM, or "video" for LinkedIn/X video posts. */
  mediaType?: string
  postedAt?: Date | string
  /** Stored comments, newest first: paging stops at the first one already known. */
  previousComments?: CommentData[]
  /** Stored comment count: LinkedIn / X skip the comments call when it did not move. */
  previousCommentCount?: number
  /** The platform's stored metrics block (instagram_insights, ...): carries remembered platform rules. */
  previousMetrics?: PlatformMetrics
}

/** "single": a user pressed sync on one post; "bulk": the scheduled or sync-all run. */
export type SyncMode = "single" | "bulk"

export interface SyncLogger {
  debug?(message: string): void
  info(message: string): void
  warn(message: string): void
  error(message: string): void
}

export interface SyncContext {
  config: SocialsConfig
  credentials: PlatformCredentials
  budgetStore: RateBudgetStore
  /** Persist the new pair (encrypted) before the next sync; awaited. */
  onTokenRefreshed?: (token: RefreshedToken) => Promise<void> | void
  /** Locks refreshes per account and re-reads the stored pair (see TokenStore). */
  tokenStore?: TokenStore
  logger?: SyncLogger
  /** Default: "single" for one target, "bulk" otherwise. */
  mode?: SyncMode
  /** Sees every outgoing request (retries included): counters, metrics. */
  onRequest?: RequestHook
  /** X only: the account's monthly read counter (spend estimate, SOCIALS_X_MONTHLY_READ_CAP). */
  xReads?: import("../x-spend/meter").XReadMeter
  /**
   * Caps requests in flight. Default: one limit of `config.concurrency` shared by
   * every context built on the same config object (the module's), so accounts
   * synced side by side still never exceed it together.
   */
  requestLimit?: RequestLimit
  /** Test seams. */
  fetch?: typeof fetch
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  random?: () => number
}

export interface PostSyncResult extends SyncOutcome {
  targetId: string
  platform: SocialPlatform
  status: SyncStatus
  insights?: PostInsightsPatch
  errors: SyncErrorDetail[]
  /** Set when the whole account failed (token expired/revoked, throttled): mark the platform, do not retry per post. */
  fatal?: PlatformApiError
}
