import type { Logger } from "@medusajs/framework/types"
import { platformFacts } from "../platforms/catalog"
import { isPlatformApiError } from "../platforms/http/platform-api-error"
import type { StoredApiConfig } from "../utils/api-config"
import { DISCOVERY_STATE_KEY } from "../utils/platform-metadata"
import { importPlatformPosts, POST_LISTERS, type ImportOptions, type ImportStore } from "./import-posts"
import type { InsightsStore } from "./insights-store"
import type { RefreshLock } from "./platform-token-store"
import type { PlatformRecord } from "./sync-persistence"

/** Posts one account may import per run; a longer backlog resumes from the saved cursor next run. */
export const DEFAULT_DISCOVERY_LIMIT = 100

/** SOCIALS_DISCOVERY_LIMIT, else the module's `discoveryLimit`, else 100; a bad value falls back to the default with a warning. */
export function discoveryLimitFrom(options: { discoveryLimit?: unknown }, env: Record<string, string | undefined> = process.env, logger?: Pick<Logger, "warn">): number {
  const raw = env.SOCIALS_DISCOVERY_LIMIT?.trim() || options.discoveryLimit
  if (raw === undefined || raw === "") return DEFAULT_DISCOVERY_LIMIT
  const n = Number(raw)
  if (Number.isInteger(n) && n > 0) return n
  logger?.warn(`socials: SOCIALS_DISCOVERY_LIMIT / discoveryLimit must be a positive integer, not '${String(raw)}': using ${DEFAULT_DISCOVERY_LIMIT}`)
  return DEFAULT_DISCOVERY_LIMIT
}

/**
 * `since` / `since_id`: the newest post this account's discovery has seen (a high-water
 * mark, so a post the merchant deleted is not imported again); `cursor`: a run cut short
 * by its limit or budget, resumed next run over the same boundary.
 */
export type DiscoveryState = { since?: string; since_id?: string; cursor?: string }

export type DiscoveryOutcome = {
  platformId: string
  provider: string
  status: "imported" | "skipped" | "failed"
  imported: number
  /** skipped: rate_limited, x_read_cap, import_running, no_token, not_supported; failed: reconnect, or the import's code. */
  code?: string
  /** More new posts than one run takes: the next run continues. */
  more?: boolean
}

/** Runs `job` holding the account's import lock (shared with "Import posts"); throws `busy` when another import holds it. */
export type AccountImportLock = <T>(platformId: string, job: () => Promise<T>) => Promise<T>
export class ImportBusyError extends Error {}

export interface DiscoveryStore extends ImportStore {
  listSocialPlatforms(filters: Record<string, unknown>, config: { take: number }): Promise<unknown[]>
  updateSocialPlatforms(data: Record<string, unknown>): Promise<unknown>
  insightsStore(): InsightsStore
}

type Deps = {
  socials: DiscoveryStore
  logger: Logger
  now?: () => Date
  refreshLock?: RefreshLock
  accountLock?: AccountImportLock
  /** Posts per account and run (DEFAULT_DISCOVERY_LIMIT). */
  limit?: number
}

/** The account row as listed: metadata holds the discovery state, created_at the first boundary. */
type AccountRow = PlatformRecord & { metadata?: unknown; created_at?: Date | string }
type KnownPost = { posted_at: Date | string | null; insights: Record<string, unknown> | null }
type Boundary = { since: Date; sinceId?: string }

/**
 * For every active connected account: imports what was published since the newest
 * post it already has, through the same import as "Import posts" (so budgets, the X
 * read cap, idempotence and the first sync are the import's). One account at a time;
 * one account's failure, throttle or missing budget is logged (without tokens) and
 * never stops the others; it is simply tried again next run.
 */
export async function discoverNewPosts(deps: Deps): Promise<DiscoveryOutcome[]> {
  const platforms = (await deps.socials.listSocialPlatforms({ status: "active" }, { take: 10_000 })) as AccountRow[]
  const outcomes: DiscoveryOutcome[] = []
  for (const platform of platforms) {
    const outcome = await discoverOne(deps, platform).catch((error: unknown): DiscoveryOutcome => {
      // Only our own bugs land here (the import's errors are handled below); still never stop the run.
      deps.logger.error(`socials: discovery of ${platform.provider} platform ${platform.id} failed: ${error instanceof Error ? error.message : String(error)}`)
      return { platformId: platform.id, provider: platform.provider, status: "failed", imported: 0, code: "unexpected" }
    })
    outcomes.push(outcome)
  }
  return outcomes
}

async function discoverOne(deps: Deps, platform: AccountRow): Promise<DiscoveryOutcome> {
  const base = { platformId: platform.id, provider: platform.provider, imported: 0 }
  if (!POST_LISTERS[platform.provider]) return { ...base, status: "skipped", code: "not_supported" }
  if (!(platform.api_config as StoredApiConfig | null)?.access_token_encrypted) return { ...base, status: "skipped", code: "no_token" }
  const run = () => discoverLocked(deps, platform)
  try {
    return deps.accountLock ? await deps.accountLock(platform.id, run) : await run()
  } catch (error) {
    if (error instanceof ImportBusyError) return { ...base, status: "skipped", code: "import_running" }
    throw error
  }
}

async function discoverLocked(deps: Deps, platform: AccountRow): Promise<DiscoveryOutcome> {
  const { socials, logger } = deps
  const base = { platformId: platform.id, provider: platform.provider, imported: 0 }
  const label = platformFacts(platform.provider).label
  const state = readState(platform.metadata)
  const known = await knownBoundary(socials, platform)
  // Resuming a cut-short run keeps its boundary: the cursor belongs to that listing.
  const boundary: Boundary = state.cursor && state.since ? { since: new Date(state.since), sinceId: state.since_id } : highest(known, state, platform)
  const options: ImportOptions = { limit: deps.limit ?? DEFAULT_DISCOVERY_LIMIT, since: boundary.since, sinceId: boundary.sinceId, cursor: state.cursor }

  try {
    const summary = await importPlatformPosts({ socials, logger, now: deps.now, refreshLock: deps.refreshLock }, platform, options)
    if (summary.next_cursor) {
      await saveState(socials, platform, { since: boundary.since.toISOString(), ...(boundary.sinceId ? { since_id: boundary.sinceId } : {}), cursor: summary.next_cursor })
    } else {
      // Caught up: the new high-water mark is the newest post known now.
      const after = highest(await knownBoundary(socials, platform), { since: boundary.since.toISOString(), since_id: boundary.sinceId }, platform)
      await saveState(socials, platform, { since: after.since.toISOString(), ...(after.sinceId ? { since_id: after.sinceId } : {}) })
    }
    if (summary.imported) logger.info(`socials: discovery imported ${summary.imported} new ${label} posts of platform ${platform.id}`)
    return { ...base, status: "imported", imported: summary.imported, ...(summary.next_cursor ? { more: true } : {}) }
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause
    const code = (error as { code?: string }).code
    const message = error instanceof Error ? error.message : String(error)
    if (isPlatformApiError(cause) && cause.isRateLimit) {
      // Budget or X read cap out: nothing was read; the same boundary (and cursor) is tried next run.
      logger.info(`socials: discovery of ${label} platform ${platform.id} skipped: ${message}`)
      return { ...base, status: "skipped", code: cause.code === "x_read_cap" ? "x_read_cap" : "rate_limited" }
    }
    if (isPlatformApiError(cause) && cause.isAuth) {
      // Only while the refused token is still the stored one (a reconnect meanwhile says nothing about it).
      const sealedToken = (platform.api_config as StoredApiConfig | null)?.access_token_encrypted ?? null
      await socials.insightsStore().persistBatch([], [], { platformId: platform.id, needsReconnect: true, sealedToken })
      logger.warn(`socials: discovery of ${label} platform ${platform.id}: ${message}`)
      return { ...base, status: "failed", code: "reconnect" }
    }
    logger.warn(`socials: discovery of ${label} platform ${platform.id} failed: ${message}`)
    // A cursor the platform no longer takes must not block the account: restart from the boundary.
    if (state.cursor) await saveState(socials, platform, { since: boundary.since.toISOString(), ...(boundary.sinceId ? { since_id: boundary.sinceId } : {}) })
    return { ...base, status: "failed", code: code ?? "import_failed" }
  }
}

/** The newest publish time among the account's posts, and (X) its highest post id: snowflakes grow with time. */
async function knownBoundary(socials: DiscoveryStore, platform: PlatformRecord): Promise<{ since?: Date; sinceId?: string }> {
  const idField = platformFacts(platform.provider).postIdField
  const posts = (await socials.listSocialPosts({ platform_id: platform.id }, { select: ["posted_at", "insights"], take: 100_000 })) as KnownPost[]
  let since: number | undefined
  let sinceId: bigint | undefined
  for (const post of posts) {
    const at = post.posted_at ? new Date(post.posted_at).getTime() : NaN
    if (!Number.isNaN(at) && (since === undefined || at > since)) since = at
    const id = post.insights?.[idField]
    if (platform.provider === "twitter" && typeof id === "string" && /^\d{1,19}$/.test(id) && (sinceId === undefined || BigInt(id) > sinceId)) sinceId = BigInt(id)
  }
  return { since: since === undefined ? undefined : new Date(since), sinceId: sinceId?.toString() }
}

/**
 * The later of what the account has and what discovery saw before. An account with
 * neither starts at its connection: its back catalogue is the merchant's explicit
 * import (where X shows what the reads cost), never a silent hourly one.
 */
function highest(known: { since?: Date; sinceId?: string }, state: DiscoveryState, platform: AccountRow): Boundary {
  const times = [known.since?.getTime(), state.since ? Date.parse(state.since) : undefined].filter((t): t is number => t !== undefined && !Number.isNaN(t))
  const since = times.length ? new Date(Math.max(...times)) : new Date(platform.created_at ?? Date.now())
  const ids = [known.sinceId, state.since_id].filter((id): id is string => !!id && /^\d{1,19}$/.test(id)).map((id) => BigInt(id))
  const sinceId = ids.length ? ids.reduce((a, b) => (b > a ? b : a)).toString() : undefined
  return { since, ...(sinceId ? { sinceId } : {}) }
}

function readState(metadata: unknown): DiscoveryState {
  const raw = metadata && typeof metadata === "object" ? (metadata as Record<string, unknown>)[DISCOVERY_STATE_KEY] : undefined
  if (!raw || typeof raw !== "object") return {}
  const { since, since_id, cursor } = raw as Record<string, unknown>
  return {
    ...(typeof since === "string" ? { since } : {}),
    ...(typeof since_id === "string" ? { since_id } : {}),
    ...(typeof cursor === "string" ? { cursor } : {}),
  }
}

/** Writes only when something moved; the merchant's own metadata keys are kept. */
async function saveState(socials: DiscoveryStore, platform: AccountRow, next: DiscoveryState): Promise<void> {
  const current = readState(platform.metadata)
  if (current.since === next.since && current.since_id === next.since_id && current.cursor === next.cursor) return
  // Re-read right before writing: the account lock keeps other discoveries out, not an admin edit.
  const [row] = (await socials.listSocialPlatforms({ id: platform.id }, { take: 1 })) as AccountRow[]
  if (!row) return
  const metadata = { ...((row.metadata as Record<string, unknown> | null) ?? {}), [DISCOVERY_STATE_KEY]: next }
  await socials.updateSocialPlatforms({ id: platform.id, metadata })
}
