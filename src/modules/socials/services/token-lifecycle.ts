import type { Logger } from "@medusajs/framework/types"
import { platformFacts } from "../platforms/catalog"
import { definitionOf } from "../platforms/registry"
import { asPlatformError } from "../platforms/shared/sync-result"
import type { SocialPlatform } from "../platforms/catalog"
import type { StoredApiConfig } from "../utils/api-config"
import { accountContext, type AccountContextStore } from "./import-context"
import type { RefreshLock } from "./platform-token-store"
import type { PlatformRecord } from "./sync-persistence"
import { needsReconnectNotice, tokenExpiringNotice, type AdminFeedNotice } from "./token-notices"

const DAY_MS = 86_400_000
/**
 * Renewable tokens are renewed once they expire within this: a daily job gets three
 * tries before the notice window, and Threads' "at least 24 h old" always holds (a
 * 60-day token is 50 days old by then). X access tokens (2 h) are always inside it,
 * so their rotating refresh token is used at least daily.
 */
export const TOKEN_RENEW_WITHIN_MS = 10 * DAY_MS
/** What cannot be renewed gets its notice this long before it expires. */
export const TOKEN_NOTICE_WITHIN_MS = 7 * DAY_MS

export type TokenLifecycleOutcome = {
  platformId: string
  provider: string
  /**
   * renewed: a new token is stored sealed; ok: nothing due; notified: a notice went to the
   * feed; already_notified: its notice was sent before; failed: a transient error (tried
   * again tomorrow); skipped: no token.
   */
  status: "renewed" | "ok" | "notified" | "already_notified" | "failed" | "skipped"
  /** notified / already_notified: token_expiring or needs_reconnect; failed: the error's code. */
  code?: string
  /** The stored expiry after the run (ISO), where there is one. */
  expires_at?: string | null
}

/** Puts one notice in the admin feed; false when the Notification module already had its idempotency key. */
export type NotifyAdmin = (notice: AdminFeedNotice) => Promise<boolean>

export interface TokenLifecycleStore extends AccountContextStore {
  listSocialPlatforms(filters: Record<string, unknown>, config: { take: number }): Promise<unknown[]>
}

type Deps = { socials: TokenLifecycleStore; logger: Logger; notify: NotifyAdmin; refreshLock?: RefreshLock; now?: () => Date }

type AccountRow = PlatformRecord & { name?: string | null }

/**
 * Daily, for every connected account that is not disabled: renews the token through
 * its platform's client when it nears its expiry and the platform allows it (Threads'
 * th_refresh_token, X's and LinkedIn's refresh tokens); for what cannot be renewed,
 * one notice in the admin feed 7 days before it expires, and one when the account
 * needs reconnecting. Meta Page tokens have no expiry and are left alone. One
 * account's failure never stops the others; nothing here logs or notifies a token.
 */
export async function refreshPlatformTokens(deps: Deps): Promise<TokenLifecycleOutcome[]> {
  const platforms = (await deps.socials.listSocialPlatforms({ status: ["active", "needs_reconnect"] }, { take: 10_000 })) as AccountRow[]
  const outcomes: TokenLifecycleOutcome[] = []
  for (const platform of platforms) {
    outcomes.push(
      await lifecycleOf(deps, platform).catch((error: unknown): TokenLifecycleOutcome => {
        const failure = asPlatformError(platform.provider, error)
        deps.logger.warn(`socials: token check of ${platform.provider} platform ${platform.id} failed: ${failure.message}`)
        return { platformId: platform.id, provider: platform.provider, status: "failed", code: String(failure.code ?? failure.kind) }
      })
    )
  }
  return outcomes
}

async function lifecycleOf(deps: Deps, platform: AccountRow): Promise<TokenLifecycleOutcome> {
  const { socials, logger } = deps
  const now = deps.now?.() ?? new Date()
  const base = { platformId: platform.id, provider: platform.provider }
  const stored = (platform.api_config as StoredApiConfig | null) ?? null
  if (!stored?.access_token_encrypted) return { ...base, status: "skipped", code: "no_token" }
  const expiresAt = expiryOf(stored.token_expires_at)
  const expires_at = expiresAt?.toISOString() ?? null

  if (platform.status === "needs_reconnect") return notified(deps, base, needsReconnectNotice(platform, stored.access_token_encrypted), "needs_reconnect", expires_at)
  if (!expiresAt) return { ...base, status: "ok", expires_at }

  const definition = definitionOf(platform.provider as SocialPlatform)
  if (definition.renewToken && expiresAt.getTime() - now.getTime() <= TOKEN_RENEW_WITHIN_MS) {
    const ctx = accountContext(socials, platform, logger, deps.refreshLock)
    if (!ctx) return { ...base, status: "skipped", code: "no_token" }
    let renewal: Awaited<ReturnType<NonNullable<typeof definition.renewToken>>>
    try {
      renewal = await definition.renewToken(ctx)
    } catch (error) {
      const failure = asPlatformError(platform.provider, error)
      if (!failure.isAuth) throw failure
      // The platform refused to renew: the token is dead (or dying) and only a reconnect helps.
      logger.warn(`socials: renewing the ${platformFacts(platform.provider).label} token of platform ${platform.id} was refused: ${failure.message}`)
      return markNeedsReconnect(deps, platform, stored.access_token_encrypted, expires_at)
    }
    if (renewal === "renewed") {
      // Renewable again next time: no notice, whatever the new expiry (X's is two hours).
      const after = expiryOf((await socials.insightsStore().readApiConfig(platform.id))?.token_expires_at)
      logger.info(`socials: renewed the ${platformFacts(platform.provider).label} token of platform ${platform.id}${after ? ` (now expires ${after.toISOString()})` : ""}`)
      return { ...base, status: "renewed", expires_at: after?.toISOString() ?? null }
    }
  }
  if (expiresAt.getTime() - now.getTime() <= TOKEN_NOTICE_WITHIN_MS) return notified(deps, base, tokenExpiringNotice(platform, expiresAt, now), "token_expiring", expires_at)
  return { ...base, status: "ok", expires_at }
}

/**
 * Marks the account needs_reconnect while the refused token is still the stored one
 * (the sync's own rule), then notifies from the row as it is now: a reconnect that
 * replaced the token meanwhile gets no stale notice.
 */
async function markNeedsReconnect(deps: Deps, platform: AccountRow, sealedToken: string, expires_at: string | null): Promise<TokenLifecycleOutcome> {
  const base = { platformId: platform.id, provider: platform.provider }
  await deps.socials.insightsStore().persistBatch([], [], { platformId: platform.id, needsReconnect: true, sealedToken })
  const [now] = (await deps.socials.listSocialPlatforms({ id: platform.id }, { take: 1 })) as AccountRow[]
  if (now?.status !== "needs_reconnect") return { ...base, status: "failed", code: "token_replaced", expires_at }
  return notified(deps, base, needsReconnectNotice(now, (now.api_config as StoredApiConfig | null)?.access_token_encrypted), "needs_reconnect", expires_at)
}

async function notified(deps: Deps, base: { platformId: string; provider: string }, notice: AdminFeedNotice, code: string, expires_at: string | null): Promise<TokenLifecycleOutcome> {
  const sent = await deps.notify(notice)
  if (sent) deps.logger.info(`socials: admin notice for platform ${base.platformId}: ${notice.data.title}`)
  return { ...base, status: sent ? "notified" : "already_notified", code, expires_at }
}

function expiryOf(value: string | null | undefined): Date | undefined {
  if (!value) return undefined
  const t = Date.parse(value)
  return Number.isNaN(t) ? undefined : new Date(t)
}
