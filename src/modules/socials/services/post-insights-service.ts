import type { Logger } from "@medusajs/framework/types"
import type SocialsModuleService from "../service"
import type { SocialsConfig } from "../platforms/config"
import type { RateBudgetStore } from "../platforms/http/rate-budget"
import type { RefusedMetricsStore } from "../platforms/meta/refused-metrics"
import type { RequestHook } from "../platforms/http/request-hooks"
import type { PostSyncResult, SyncContext, SyncTarget } from "../platforms/types"
import { syncInstagramPosts } from "../platforms/instagram/sync"
import { syncFacebookPosts } from "../platforms/facebook/sync"
import { syncTwitterPosts } from "../platforms/x/sync"
import { syncLinkedInPosts } from "../platforms/linkedin/sync"
import { PLATFORM_METRICS_FIELD, readStoredInsights, type PostInsights } from "../insights/schema"
import { previousForPlatform } from "../insights/cross-post"
import type { PlatformSecrets, StoredApiConfig } from "../utils/api-config"
import { missingTokenResult, outcomeFor, unreadableTokenResult } from "./sync-outcome"
import { buildPersistence, PostRecord, PlatformRecord } from "./sync-persistence"
import { selectPostIdsForSync, SelectPostsForSyncOptions } from "./select-posts"
import { createPlatformTokenStore, type RefreshLock } from "./platform-token-store"
import { rescheduleAfterSkip } from "./reschedule-skipped"
import { PLATFORM_LABELS } from "../platforms/http/platform-api-error"

export type SyncMode = "single" | "bulk"

export type PostSyncOutcome = {
  postId: string
  /** The post's platform record (absent when the post itself was not found). */
  platformId?: string
  status: "success" | "partial" | "failed" | "skipped"
  /** Stable machine code for failures and skips (see docs/POST_INSIGHTS_SYNC.md). */
  code?: string
  error?: string
  retryAfterMs?: number
  insights?: PostInsights
}

export type PostInsightsServiceDeps = {
  socials: SocialsModuleService
  config: SocialsConfig
  budgetStore: RateBudgetStore
  refusedMetrics: RefusedMetricsStore
  logger: Logger
  onRequest?: RequestHook
}

/** Ids the platform itself gave the post, by where they live in `insights`. */
const META_IDS = { facebook: "facebook_post_id", instagram: "instagram_media_id" } as const

/**
 * Syncs posts' insights from their platforms: picks what to sync, hands each
 * platform's posts to its client (which batches and budgets the calls), merges
 * the answers with what is stored (never losing the last good numbers) and saves
 * posts, snapshots and bookkeeping columns in one transaction per batch.
 */
export class PostInsightsService {
  constructor(private readonly deps: PostInsightsServiceDeps) {}

  setRequestHook(hook: RequestHook | undefined): void {
    this.deps.onRequest = hook
  }

  selectPostIdsForSync(options: SelectPostsForSyncOptions): ReturnType<typeof selectPostIdsForSync> {
    return selectPostIdsForSync(this.deps.socials, this.deps.config, options)
  }

  /** The dispatcher: one post or many, any mix of platforms. */
  async syncPostsByIds(ids: string[], options: { force?: boolean; mode: SyncMode; refreshLock?: RefreshLock }): Promise<PostSyncOutcome[]> {
    const { socials } = this.deps
    const now = new Date()
    const posts = (await socials.listSocialPosts({ id: ids }, { relations: ["platform"], take: ids.length })) as PostRecord[]
    const found = new Set(posts.map((p) => p.id))
    const outcomes: PostSyncOutcome[] = ids
      .filter((id) => !found.has(id))
      .map((id) => ({ postId: id, status: "failed", code: "not_found", error: `Social post ${id} was not found` }))

    const due: PostRecord[] = []
    const skipped: { post: PostRecord; outcome: PostSyncOutcome }[] = []
    for (const post of posts) {
      const skip = this.reasonNotToSync(post, now, options.force)
      if (skip) {
        outcomes.push({ ...skip, platformId: post.platform.id })
        skipped.push({ post, outcome: skip })
      } else {
        due.push(post)
      }
    }
    // A post left due that cannot be synced would be picked again by every scheduled run.
    const reschedule = rescheduleAfterSkip(skipped, now, this.deps.config.freshnessWindowMs)
    if (reschedule.length) {
      await socials.updateSocialPosts(reschedule)
    }

    const byPlatform = new Map<string, PostRecord[]>()
    for (const post of due) {
      const group = byPlatform.get(post.platform.id)
      if (group) {
        group.push(post)
      } else {
        byPlatform.set(post.platform.id, [post])
      }
    }
    // Accounts are independent (own tokens, own budgets): sync them side by side.
    // The platform layer caps HTTP requests in flight per process (`concurrency`,
    // p-limit), so parallel accounts never exceed it together.
    const groups = await Promise.all(
      [...byPlatform.values()].map((group) => this.syncPlatformGroup(group[0].platform, group, options.mode, now, options.refreshLock))
    )
    for (const group of groups) {
      outcomes.push(...group)
    }
    return outcomes
  }

  /** Instagram media (and the Instagram side of a post cross-published through Meta). */
  syncInstagramInsights(ctx: SyncContext, targets: SyncTarget[]): Promise<PostSyncResult[]> {
    return syncInstagramPosts(ctx, targets)
  }

  /** Facebook Page posts: one Graph sub-request per post, batched 50 per call. */
  syncFacebookInsights(ctx: SyncContext, targets: SyncTarget[]): Promise<PostSyncResult[]> {
    return syncFacebookPosts(ctx, targets)
  }

  /** X posts: up to 100 per lookup; private metrics only where they can exist. */
  syncTwitterInsights(ctx: SyncContext, targets: SyncTarget[]): Promise<PostSyncResult[]> {
    return syncTwitterPosts(ctx, targets)
  }

  /** LinkedIn organization posts: batched share statistics and social metadata, comments per post. */
  syncLinkedInInsights(ctx: SyncContext, targets: SyncTarget[]): Promise<PostSyncResult[]> {
    return syncLinkedInPosts(ctx, targets)
  }

  private reasonNotToSync(post: PostRecord, now: Date, force?: boolean): PostSyncOutcome | null {
    if (post.status !== "posted") {
      return {
        postId: post.id,
        status: "skipped",
        code: "not_posted",
        error: `Only posted posts can be synced (this one is ${post.status})`,
      }
    }
    if (!platformPostIds(post).length) {
      return { postId: post.id, status: "failed", code: "missing_platform_post_id", error: "Platform post ID not found" }
    }
    if (post.platform.status === "disabled") {
      return { postId: post.id, status: "skipped", code: "platform_disabled", error: "The platform is disabled" }
    }
    if (post.platform.status === "needs_reconnect") {
      // The stored token was refused: calling (or refreshing) again with it can only fail.
      // A new token (admin reconnect, or a refresh by another run) sets the status back to active.
      const label = PLATFORM_LABELS[post.platform.provider]
      return {
        postId: post.id,
        status: "failed",
        code: "token_expired",
        error: `The ${label} token was refused (expired or revoked): reconnect your ${label} account to resume syncing`,
      }
    }
    const syncedAt = post.insights_synced_at ? new Date(post.insights_synced_at).getTime() : 0
    if (!force && syncedAt && now.getTime() - syncedAt < this.deps.config.freshnessWindowMs) {
      return {
        postId: post.id,
        status: "skipped",
        code: "fresh",
        error: "Synced less than the freshness window ago",
        insights: readStoredInsights(post.insights, post.platform.provider),
      }
    }
    return null
  }

  private async syncPlatformGroup(
    platform: PlatformRecord,
    posts: PostRecord[],
    mode: SyncMode,
    now: Date,
    refreshLock?: RefreshLock
  ): Promise<PostSyncOutcome[]> {
    const { socials } = this.deps
    const tokens = createPlatformTokenStore(socials, platform, this.deps.logger, refreshLock)
    let secrets: PlatformSecrets = { accessToken: null, refreshToken: null, tokenExpiresAt: null, authType: null }
    let unreadable: string | undefined
    try {
      secrets = socials.openApiConfig(platform.api_config as StoredApiConfig | null, platform.id)
    } catch (error) {
      // Sealed with another key: this account's posts fail saying what to run; other accounts still sync.
      unreadable = error instanceof Error ? error.message : String(error)
      this.deps.logger.warn(`socials: cannot decrypt the token of ${platform.provider} platform ${platform.id}: ${unreadable}`)
    }
    let results: PostSyncResult[]
    if (unreadable !== undefined) {
      const message = unreadable
      results = posts.flatMap((post) => platformPostIds(post).map(({ platform: p }) => unreadableTokenResult(post.id, p, message)))
    } else if (!secrets.accessToken) {
      results = posts.flatMap((post) => platformPostIds(post).map(({ platform: p }) => missingTokenResult(post.id, p)))
    } else {
      const ctx: SyncContext = {
        config: this.deps.config,
        credentials: {
          accessToken: secrets.accessToken,
          refreshToken: secrets.refreshToken ?? undefined,
          tokenExpiresAt: secrets.tokenExpiresAt ?? undefined,
          authType: secrets.authType === "app_only" ? "app_only" : secrets.authType === "user_context" ? "user_context" : undefined,
          accountId: platform.account_id ?? "",
        },
        budgetStore: this.deps.budgetStore,
        refusedMetrics: this.deps.refusedMetrics,
        logger: this.deps.logger,
        mode,
        onRequest: this.deps.onRequest,
        onTokenRefreshed: (token) => tokens.save(token),
        tokenStore: tokens,
      }
      results = await this.callPlatform(platform.provider, ctx, posts)
    }

    const fatal = results.find((r) => r.fatal?.isAuth)?.fatal
    const persistence = buildPersistence(posts, results, now, this.deps.config.commentsLimit)
    await socials.persistInsightsSync(persistence.posts, persistence.snapshots, {
      platformId: platform.id,
      needsReconnect: Boolean(fatal),
      sealedToken: tokens.knownSealedToken(),
      synced: results.some((r) => r.status !== "failed"),
    })
    if (fatal) {
      this.deps.logger.warn(`socials: ${platform.provider} platform ${platform.id} needs to be reconnected: ${fatal.message}`)
    }
    return persistence.posts.map((p) => ({ ...outcomeFor(p.id, persistence.merged.get(p.id)!, results), platformId: platform.id }))
  }

  /** Builds targets per platform id kind and runs them through the platform's sync method. */
  private async callPlatform(
    provider: PlatformRecord["provider"],
    ctx: SyncContext,
    posts: PostRecord[]
  ): Promise<PostSyncResult[]> {
    const targets = (kind: "instagram" | "facebook" | "twitter" | "linkedin") =>
      posts.flatMap((post) => {
        const id = platformPostIds(post).find((p) => p.platform === kind)
        return id ? [targetFor(post, kind, id.id)] : []
      })
    const run = (fn: (c: SyncContext, t: SyncTarget[]) => Promise<PostSyncResult[]>, t: SyncTarget[]) =>
      t.length ? fn(ctx, t) : Promise.resolve([])
    if (provider === "instagram" || provider === "facebook") {
      // Meta tokens read both the Page and its linked Instagram account: a post
      // cross-published through Meta syncs both sides with the same token.
      const [ig, fb] = await Promise.all([
        run((c, t) => this.syncInstagramInsights(c, t), targets("instagram")),
        run((c, t) => this.syncFacebookInsights(c, t), targets("facebook")),
      ])
      return [...ig, ...fb]
    }
    if (provider === "twitter") {
      return run((c, t) => this.syncTwitterInsights(c, t), targets("twitter"))
    }
    return run((c, t) => this.syncLinkedInInsights(c, t), targets("linkedin"))
  }
}

type PostPlatform = "instagram" | "facebook" | "twitter" | "linkedin"

export function platformPostIds(post: PostRecord): { platform: PostPlatform; id: string }[] {
  const insights = (post.insights ?? {}) as Record<string, unknown>
  const ids: { platform: PostPlatform; id: string }[] = []
  const provider = post.platform.provider
  if (provider === "instagram" || provider === "facebook") {
    for (const kind of ["facebook", "instagram"] as const) {
      const value = insights[META_IDS[kind]]
      if (typeof value === "string" && value) {
        ids.push({ platform: kind, id: value })
      }
    }
  } else if (provider === "twitter" && typeof insights.twitter_tweet_id === "string" && insights.twitter_tweet_id) {
    ids.push({ platform: "twitter", id: insights.twitter_tweet_id })
  } else if (provider === "linkedin" && typeof insights.linkedin_post_urn === "string" && insights.linkedin_post_urn) {
    ids.push({ platform: "linkedin", id: insights.linkedin_post_urn })
  }
  return ids
}

/** Exported for tests: what a platform client is told about one post. */
export function targetFor(post: PostRecord, kind: PostPlatform, platformPostId: string): SyncTarget {
  // A cross-posted post stores each platform's numbers and comments apart: hand each client its own slice.
  const stored = previousForPlatform(post.insights, kind)
  return {
    targetId: post.id,
    platformPostId,
    // Only the type the platform answered is confirmed: reels come as media_type VIDEO, so
    // the post's own media_type is a hint for the first sync (mediaType), never the type.
    mediaProductType: stored.media_product_type,
    mediaType: post.media_type ?? stored.media_type ?? undefined,
    postedAt: post.posted_at ?? undefined,
    previousComments: stored.comments_data,
    previousCommentCount: stored.comments,
    previousMetrics: stored[PLATFORM_METRICS_FIELD[kind]],
  }
}

