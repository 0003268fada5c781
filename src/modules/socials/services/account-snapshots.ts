import type { Logger } from "@medusajs/framework/types"
import { readAccountAudience } from "../platforms/account/read-account-audience"
import { asPlatformError } from "../platforms/shared/sync-result"
import { accountContext, type AccountContextStore } from "./import-context"
import type { RefreshLock } from "./platform-token-store"
import type { PlatformRecord } from "./sync-persistence"

export type AccountSnapshotOutcome = {
  platformId: string
  status: "captured" | "skipped" | "failed"
  /** skipped: already_captured (today), no_token; failed: the platform error's code. */
  code?: string
  error?: string
}

/** What the capture needs of the module service (which stands above this file and passes itself). */
export interface AccountSnapshotsStore extends AccountContextStore {
  listSocialPlatforms(filters: Record<string, unknown>, config: { take: number }): Promise<unknown[]>
  listSocialAccountSnapshots(filters: Record<string, unknown>, config: { select: string[]; take: number }): Promise<{ platform_id: string }[]>
  createSocialAccountSnapshots(data: Record<string, unknown>): Promise<unknown>
}

type Deps = { socials: AccountSnapshotsStore; logger: Logger; refreshLock?: RefreshLock; now?: () => Date }

/** The UTC calendar day a capture belongs to: one snapshot per account and day. */
export const snapshotDay = (at: Date) => at.toISOString().slice(0, 10)

/**
 * Once a day per active account: one cheap audience call (followers) through the
 * platform's client, stored as that day's snapshot. Accounts already captured
 * today are not called again, so reruns and several processes stay at one call
 * per account and day; one account failing never stops the others.
 */
export async function captureAccountSnapshots(deps: Deps): Promise<AccountSnapshotOutcome[]> {
  const { socials } = deps
  const at = deps.now?.() ?? new Date()
  const day = snapshotDay(at)
  const platforms = (await socials.listSocialPlatforms({ status: "active" }, { take: 10_000 })) as PlatformRecord[]
  const done = platforms.length
    ? new Set(
        (await socials.listSocialAccountSnapshots({ platform_id: platforms.map((p) => p.id), day }, { select: ["platform_id"], take: platforms.length }))
          .map((s) => s.platform_id)
      )
    : new Set<string>()
  return Promise.all(
    platforms.map((platform) =>
      done.has(platform.id) ? { platformId: platform.id, status: "skipped" as const, code: "already_captured" } : captureOne(deps, platform, at, day)
    )
  )
}

async function captureOne(deps: Deps, platform: PlatformRecord, at: Date, day: string): Promise<AccountSnapshotOutcome> {
  const { socials, logger } = deps
  try {
    // The same context a post sync builds: the module's budgets, request limit and token store.
    const ctx = accountContext(socials, platform, logger, deps.refreshLock)
    if (!ctx) return { platformId: platform.id, status: "skipped", code: "no_token" }
    const audience = await readAccountAudience(ctx, platform.provider)
    await socials.createSocialAccountSnapshots({
      platform_id: platform.id,
      day,
      captured_at: at,
      followers: audience.followers ?? null,
      views: audience.views ?? null,
      reach: audience.reach ?? null,
    })
    return { platformId: platform.id, status: "captured" }
  } catch (error) {
    if (isUniqueViolation(error)) {
      // Another process captured this account today between our check and our insert.
      return { platformId: platform.id, status: "skipped", code: "already_captured" }
    }
    const failure = asPlatformError(platform.provider, error)
    logger.warn(`socials: account snapshot of ${platform.provider} platform ${platform.id} failed: ${failure.message}`)
    return { platformId: platform.id, status: "failed", code: String(failure.code ?? failure.kind), error: failure.message }
  }
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null
  return e?.code === "23505" || /duplicate key|already exists/i.test(e?.message ?? "")
}
