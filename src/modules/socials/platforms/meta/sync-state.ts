import type { CommentData, PostInsightsPatch, SyncErrorDetail, SyncSection } from "../../insights/schema"
import { PLATFORM_METRICS_FIELD } from "../../insights/schema"
import type { PlatformApiError } from "../http/platform-api-error"
import type { SyncLogger, SyncTarget } from "../types"
import type { CommentPager } from "./comment-pages"
import { SUBCODE_BEFORE_BUSINESS_CONVERSION } from "./errors"
import type { RefusedMetricsStore } from "./refused-metrics"

/** What differs between Instagram media and Facebook posts; the request strategy is shared. */
export interface MetaPostSpec {
  platform: "instagram" | "facebook"
  /** Largest comments page the platform serves (Instagram 50). */
  commentsPageSize: number
  isValidId(id: string): boolean
  /** Refused metrics are remembered per account, API version and this scope (the confirmed media product type). */
  scopeFor(target: SyncTarget): string
  metricsFor(target: SyncTarget): string[]
  baseFields(target: SyncTarget): string[]
  /** Field expansion for the first comments page, e.g. `comments.limit(50){...}`. */
  commentsExpansion(pageSize: number): string
  /** Query of the comments edge when sections are fetched separately. */
  commentsEdgeQuery(pageSize: number): string
  mapComment(raw: unknown): CommentData | undefined
  normalize(body: Record<string, unknown>, target: SyncTarget): { patch: PostInsightsPatch; notices: SyncErrorDetail[] }
  /** The current metric that replaces a retired one, for the user-facing note. */
  replacementFor(metric: string): string | undefined
}

export interface MetaSyncOptions {
  /** Instagram user or Facebook Page: refusals are remembered per account. */
  accountId: string
  refusedMetrics: RefusedMetricsStore
  commentsLimit: number
  now: () => number
  logger?: SyncLogger
}

export type Step = { kind: "combined" } | { kind: "split"; sections: SyncSection[] } | { kind: "probe"; metrics: string[] } | { kind: "wait_probe" }

export interface TargetState {
  target: SyncTarget
  scope: string
  metrics: string[]
  body: Record<string, unknown>
  errors: SyncErrorDetail[]
  notices: SyncErrorDetail[]
  step?: Step
  /** Named refusal dropped once already; a second refusal goes to per-metric probing. */
  droppedNamed: boolean
  probed: boolean
  insightsDropped: boolean
  /** The platform never gives this post insights (Instagram 2108006): remembered on the post, never asked again. */
  withoutInsights: boolean
  commentsFailed: boolean
  failure?: { section: SyncSection; error: PlatformApiError }
  pager?: CommentPager
}

export interface PlannedRequest {
  state: TargetState
  tag: "combined" | SyncSection | `probe:${string}`
  url: string
}

/**
 * A refusal "for this media product type" is about the product type, not the API
 * version: with an unknown type it must not be remembered for every post.
 */
export const UNKNOWN_SCOPE = "UNKNOWN"

/** Key in the platform's metrics block that remembers a post the platform gives no insights. */
export const INSIGHTS_UNAVAILABLE_KEY = "insights_unavailable"

/** The stored block says the platform never gives this post insights (set by an earlier sync). */
export function remembersNoInsights(target: SyncTarget): boolean {
  const marker = target.previousMetrics?.[INSIGHTS_UNAVAILABLE_KEY]
  return typeof marker === "object" && marker !== null && Object.keys(marker).length > 0
}

/** Kept in the post's own metrics block (object-valued, so never shown as a number), which every merge carries along. */
export function rememberNoInsights(platform: "instagram" | "facebook", patch: PostInsightsPatch): void {
  const block = PLATFORM_METRICS_FIELD[platform]
  patch[block] = { ...(patch[block] ?? {}), [INSIGHTS_UNAVAILABLE_KEY]: { before_business_conversion: SUBCODE_BEFORE_BUSINESS_CONVERSION } }
}
