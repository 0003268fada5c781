import type { Logger } from "@medusajs/framework/types"
import type { SocialsConfig } from "../platforms/config"
import type { RateBudgetStore } from "../platforms/http/rate-budget"
import type { RequestHook } from "../platforms/http/request-hooks"
import type { PostSyncResult, SyncContext, SyncTarget } from "../platforms/types"
import { definitionsServing } from "../platforms/registry"
import { isSocialPlatform, platformLabel, platformsServing, type SocialPlatform } from "../platforms/catalog"
import { PLATFORM_METRICS_FIELD, readStoredInsights } from "../insights/schema"
import { previousForPlatform } from "../insights/cross-post"
import type { PlatformSecrets } from "../utils/api-config"
import { missingTokenResult, outcomeFor, unreadableTokenResult } from "./sync-outcome"
import { buildPersistence, PostRecord, PlatformRecord } from "./sync-persistence"
import { selectPostIdsForSync, SelectPostsForSyncOptions } from "./select-posts"
import { planBudgetedSync } from "./plan-budgeted-sync"
import { createPlatformTokenStore, type RefreshLock } from "./platform-token-store"
import { rescheduleAfterSkip } from "./reschedule-skipped"
import type { InsightsStore } from "./insights-store"
import type { PostSyncOutcome, SyncMode } from "./sync-types"
import type { XReadMeter } from "../x-spend/meter"

export type { PostSyncOutcome, SyncMode }

export type PostInsightsServiceDeps = {
  store: InsightsStore
  config: SocialsConfig
  budgetStore: RateBudgetStore
  logger: Logger
  onRequest?: RequestHook
  /** Builds an X account's read meter (spend and monthly cap). */
  xReadMeter?: (platformId: string) => XReadMeter
}

/**
 * Syncs posts' insights from their platforms: picks what to sync, hands each
 * platform's posts to its definition (which batches and budgets the calls), merges
 * the answers with what is stored (never losing the last good numbers) and saves
 * posts, snapshots and bookkeeping columns in one transaction per batch.
 */
export class PostInsightsService {
  constructor(private readonly deps: PostInsightsServiceDeps) {}

  setRequestHook(hook: RequestHook | undefined): void {
    this.deps.onRequest = hook
  }

  /** With `plan_budget` (scheduled runs): only what each account's remaining budget covers; the rest move to when it returns. */
  async selectPostIdsForSync(options: SelectPostsForSyncOptions): Promise<Awaited<ReturnType<typeof selectPostIdsForSync>> & { deferred?: number }> {
    const selection = await selectPostIdsForSync(this.deps.store, this.deps.config, options)
    if (!options.plan_budget) return selection
    const plan = await planBudgetedSync(this.deps, selection.ids, new Date())
    return { ...selection, ids: plan.take, deferred: plan.deferred }
  }

  /** The dispatcher: one post or many, any mix of platforms. */
  async syncPostsByIds(ids: string[], options: { force?: boolean; mode: SyncMode; refreshLock?: RefreshLock }): Promise<PostSyncOutcome[]> {
    const { store } = this.deps
    const now = new Date()
    const posts = await store.listPosts(ids)
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
      await store.reschedulePosts(reschedule)
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

  private reasonNotToSync(post: PostRecord, now: Date, force?: boolean): PostSyncOutcome | null {
    if (!isSocialPlatform(post.platform.provider)) {
      // Never another platform's code: a provider this build has no definition for fails as such.
      return { postId: post.id, status: "failed", code: "unknown_platform", error: `No platform definition for provider '${post.platform.provider}'` }
    }
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
      const label = platformLabel(post.platform.provider)
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
    const { store } = this.deps
    const tokens = createPlatformTokenStore(store, platform, this.deps.logger, refreshLock)
    let secrets: PlatformSecrets = { accessToken: null, refreshToken: null, tokenExpiresAt: null, authType: null }
    let unreadable: string | undefined
    try {
      secrets = store.openSecrets(platform.api_config as Parameters<InsightsStore["openSecrets"]>[0], platform.id)
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
        logger: this.deps.logger,
        mode,
        onRequest: this.deps.onRequest,
        xReads: platform.provider === "twitter" ? this.deps.xReadMeter?.(platform.id) : undefined,
        onTokenRefreshed: (token) => tokens.save(token),
        tokenStore: tokens,
      }
      results = await this.callPlatforms(platform.provider, ctx, posts)
    }

    const fatal = results.find((r) => r.fatal?.isAuth)?.fatal
    const persistence = buildPersistence(posts, results, now, this.deps.config.commentsLimit)
    await store.persistBatch(persistence.posts, persistence.snapshots, {
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

  /**
   * Every definition that serves the account's provider gets the posts carrying its
   * id, side by side: a Meta token reads both the Page and its linked Instagram
   * account, so a post cross-published through Meta syncs both with the same token.
   */
  private async callPlatforms(provider: string, ctx: SyncContext, posts: PostRecord[]): Promise<PostSyncResult[]> {
    const runs = definitionsServing(provider).map((definition) => {
      const targets = posts.flatMap((post) => {
        const id = platformPostIds(post).find((p) => p.platform === definition.id)
        return id ? [targetFor(post, id.platform, id.id)] : []
      })
      return targets.length ? definition.sync(ctx, targets) : Promise.resolve([])
    })
    return (await Promise.all(runs)).flat()
  }
}

/** The platform ids a post carries for its account's provider (a Meta post may carry two). */
export function platformPostIds(post: PostRecord): { platform: SocialPlatform; id: string }[] {
  const insights = (post.insights ?? {}) as Record<string, unknown>
  return platformsServing(post.platform.provider).flatMap((facts) => {
      const value = insights[facts.postIdField]
    return typeof value === "string" && value ? [{ platform: facts.id as SocialPlatform, id: value }] : []
  })
}

/** Exported for tests: what a platform client is told about one post. */
export function targetFor(post: PostRecord, kind: SocialPlatform, platformPostId: string): SyncTarget {
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
