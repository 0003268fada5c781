import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, generateEntityId } from "@medusajs/framework/utils"
import { SOCIALS_MODULE } from "../src/modules/socials"
import type SocialsModuleService from "../src/modules/socials/service"
import { DEFAULT_CADENCE, nextSyncAt } from "../src/modules/socials/scheduling/cadence"
import { SNAPSHOT_COUNT_METRICS, SNAPSHOT_METRICS, SNAPSHOT_RATE_METRIC } from "../src/modules/socials/insights/snapshot-metrics"
import type { SnapshotRetentionPolicy } from "../src/modules/socials/retention/policy"
import { createRng } from "../sandbox/seed"
import { POST_ID_KEY, type SimPost, type SimProvider, type SimWorkload } from "./workload"

/** The part of the shared knex instance the simulation uses. */
export type Knex = {
  raw(sql: string, bindings?: unknown[]): Promise<{ rows: Record<string, unknown>[]; rowCount?: number }>
  (table: string): { insert(rows: Record<string, unknown>[]): Promise<unknown> }
}

const DAY = 86_400_000
const INSERT_CHUNK = 1_000
/** The publish flow's first sync comes a minute after the post goes out (SOCIALS_PUBLISH_SYNC_DELAY_SECONDS). */
export const PUBLISH_SYNC_DELAY_MS = 60_000

/**
 * How the posts stand at the start:
 * - `warm` (default): as a shop that has run the plugin for ever, each post last synced where the
 *   scheduler last put it (a minute after publish, then every cadence step, on the due job's grid)
 *   and due at its next step;
 *   its earlier snapshots seeded as the retention policy keeps them (see seedHistory).
 * - `cold`: the plugin just installed: nothing synced, every post due at the start.
 */
export type SimStart = "warm" | "cold"

/** How the due job picks posts: on its cron's grid, and only once out of the freshness window. */
export type SchedulerGrid = { stepMs: number; freshnessMs: number }

/**
 * The sync times a post gets from its publication on when its budget never binds: a minute
 * after publish, then each cadence step, each taken at the due job's first run (on the grid of
 * `stepMs`) after the post is both due and older than the freshness window, exactly as
 * selectPostIdsForSync picks it. Without a grid, the ideal times (no lateness).
 */
export function cadenceSyncTimes(postedAt: number, until: number, grid?: SchedulerGrid): number[] {
  const onGrid = (due: number, lastSync?: number) => {
    if (!grid) return due
    const selectable = lastSync === undefined ? due : Math.max(due, lastSync + grid.freshnessMs + 1)
    return Math.ceil(selectable / grid.stepMs) * grid.stepMs
  }
  const times: number[] = []
  let t = onGrid(postedAt + PUBLISH_SYNC_DELAY_MS)
  while (t <= until) {
    times.push(t)
    const next = nextSyncAt(new Date(postedAt), new Date(t), DEFAULT_CADENCE)
    if (!next) break
    t = onGrid(next.getTime(), t)
  }
  return times
}

export interface SeededSimulation {
  /** Our `social_platform` id per workload account key. */
  platformIds: Map<string, string>
  /** Workload post (by platform post id) → `social_post.id`, filled as posts are published. */
  postIds: Map<string, string>
  /** The last sync each post had before the start (warm start), by `social_post.id`. */
  lastSyncBefore: Map<string, number>
  /** Posts still to be published during the run, oldest first. */
  pending: SimPost[]
  history: { rowsWithoutRetention: number; rowsKept: number }
}

export interface SeedOptions {
  start: SimStart
  /** Seed the earlier snapshots the run's retention can still act on (warm start). */
  history: boolean
  retention: SnapshotRetentionPolicy | null
  /** The due job's period: the warm start's sync times lie on its grid (see cadenceSyncTimes). */
  stepMs: number
}

/**
 * Accounts as `social_platform` rows (tokens sealed by the module service, as the admin route
 * stores them), then every post published before the start as a `posted` row (bulk inserts).
 */
export async function seedSimulation(container: MedusaContainer, workload: SimWorkload, options: SeedOptions): Promise<SeededSimulation> {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const socials = container.resolve<SocialsModuleService>(SOCIALS_MODULE)
  const start = workload.spec.start
  const grid: SchedulerGrid = { stepMs: options.stepMs, freshnessMs: socials.config.freshnessWindowMs }
  const created = await socials.createSocialPlatforms(
    workload.accounts.map((a) => ({
      name: a.name,
      provider: a.provider,
      account_id: a.account_id,
      status: "active" as const,
      ...socials.sealForNewPlatform({ access_token: a.access_token, ...(a.auth_type ? { auth_type: a.auth_type } : {}) }),
    }))
  )
  const platformIds = new Map(workload.accounts.map((a, i) => [a.key, created[i].id]))
  const seeded: SeededSimulation = { platformIds, postIds: new Map(), lastSyncBefore: new Map(), pending: [], history: { rowsWithoutRetention: 0, rowsKept: 0 } }

  let rows: Record<string, unknown>[] = []
  const flush = async () => {
    if (rows.length) await knex("social_post").insert(rows)
    rows = []
  }
  for (const post of workload.posts) {
    if (post.postedAt > start) {
      seeded.pending.push(post)
      continue
    }
    const row = postRow(post, platformIds)
    if (options.start === "warm") {
      const times = cadenceSyncTimes(post.postedAt, start, grid)
      const last = times[times.length - 1]
      if (last !== undefined) {
        row.insights_synced_at = new Date(last)
        row.insights_sync_status = "success"
        row.next_sync_at = nextSyncAt(new Date(post.postedAt), new Date(last), DEFAULT_CADENCE)
        seeded.lastSyncBefore.set(String(row.id), last)
      } else {
        row.next_sync_at = new Date(post.postedAt + PUBLISH_SYNC_DELAY_MS)
      }
    } else {
      row.next_sync_at = new Date(start)
    }
    seeded.postIds.set(post.platformPostId, String(row.id))
    rows.push(row)
    if (rows.length >= INSERT_CHUNK) await flush()
  }
  await flush()
  if (options.start === "warm" && options.history) seeded.history = await seedHistory(knex, workload, seeded, options.retention, grid)
  return seeded
}

/** A `posted` row carrying only its platform post id (the run's syncs fill the rest). */
export function postRow(post: SimPost, platformIds: Map<string, string>): Record<string, unknown> {
  const platformId = platformIds.get(post.accountKey)
  if (!platformId) throw new Error(`no platform seeded for ${post.accountKey}`)
  return {
    id: generateEntityId(undefined, "socpost"),
    platform_id: platformId,
    name: `${post.provider} ${post.platformPostId}`,
    status: "posted",
    posted_at: new Date(post.postedAt),
    media_type: post.media_type,
    insights: JSON.stringify({ [POST_ID_KEY[post.provider as SimProvider]]: post.platformPostId }),
  }
}

/** Publishes the pending posts whose time has come (a minute later their first sync is due, as after a real publish). */
export async function publishDue(knex: Knex, seeded: SeededSimulation, now: number): Promise<number> {
  let n = 0
  const rows: Record<string, unknown>[] = []
  while (n < seeded.pending.length && seeded.pending[n].postedAt <= now) {
    const post = seeded.pending[n++]
    const row = postRow(post, seeded.platformIds)
    row.next_sync_at = new Date(post.postedAt + PUBLISH_SYNC_DELAY_MS)
    seeded.postIds.set(post.platformPostId, String(row.id))
    rows.push(row)
  }
  seeded.pending.splice(0, n)
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await knex("social_post").insert(rows.slice(i, i + INSERT_CHUNK))
  return n
}

const SNAPSHOT_COLUMNS = ["id", "post_id", "synced_at", ...SNAPSHOT_METRICS].join(", ")
const SNAPSHOT_RECORD = ["id text, post_id text, synced_at timestamptz", ...SNAPSHOT_COUNT_METRICS.map((m) => `${m} integer`), `${SNAPSHOT_RATE_METRIC} real`].join(", ")
const INSERT_SNAPSHOTS = `insert into social_post_insights_snapshot (${SNAPSHOT_COLUMNS}) select ${SNAPSHOT_COLUMNS} from jsonb_to_recordset(?::jsonb) as r(${SNAPSHOT_RECORD})`

/** ISO week start (Monday, UTC) or UTC day of an instant: the retention's buckets. */
function bucketOf(ms: number, daily: boolean): number {
  const day = Math.floor(ms / DAY) * DAY
  if (daily) return day
  const weekday = (new Date(day).getUTCDay() + 6) % 7
  return day - weekday * DAY
}

/**
 * The earlier snapshots of a warm start: every sync the scheduler would have made before the start
 * whose snapshot the run's retention can still act on (synced within dailyUntilDays + the
 * run's days + keepAllDays of the start; older ones are final and left out), thinned as the
 * policy would have left them at the start (the newest of each post's day or week bucket,
 * every one younger than keepAllDays). Without a policy, all of them. Returns how many the
 * window holds without retention and how many were inserted.
 */
async function seedHistory(knex: Knex, workload: SimWorkload, seeded: SeededSimulation, policy: SnapshotRetentionPolicy | null, grid: SchedulerGrid) {
  const start = workload.spec.start
  const reach = policy ? policy.dailyUntilDays + workload.spec.days + policy.keepAllDays : 90 + workload.spec.days + 7
  const windowFrom = start - reach * DAY
  const rng = createRng(workload.spec.seed + 23)
  let withoutRetention = 0
  let kept = 0
  let rows: Record<string, unknown>[] = []
  const flush = async () => {
    if (rows.length) await knex.raw(INSERT_SNAPSHOTS, [JSON.stringify(rows)])
    rows = []
  }
  for (const post of workload.posts) {
    if (post.postedAt > start) break
    // A post syncs for 90 days at most (the cadence's horizon).
    if (post.postedAt < windowFrom - 91 * DAY) continue
    const postId = seeded.postIds.get(post.platformPostId)!
    const times = cadenceSyncTimes(post.postedAt, start, grid).filter((t) => t >= windowFrom)
    withoutRetention += times.length
    const keep = policy ? thin(times, start, policy) : times
    const likes = rng.int(0, 2000)
    for (const t of keep) {
      rows.push({ id: generateEntityId(undefined, "socsnap"), post_id: postId, synced_at: new Date(t).toISOString(), likes, comments: rng.int(0, 20), shares: rng.int(0, 50), saves: null, impressions: likes * 20, reach: likes * 15, video_views: null, engagement: likes + 10, engagement_rate: 1.5 })
      kept++
    }
    if (rows.length >= 5_000) await flush()
  }
  await flush()
  return { rowsWithoutRetention: withoutRetention, rowsKept: kept }
}

/** What the prune job keeps of one post's snapshot times at `now` (retention/prune.ts, in memory). */
export function thin(times: number[], now: number, policy: SnapshotRetentionPolicy): number[] {
  const keepAllFrom = now - policy.keepAllDays * DAY
  const dailyFrom = now - policy.dailyUntilDays * DAY
  const newestOfBucket = new Map<string, number>()
  for (const t of times) {
    if (t >= keepAllFrom) continue
    const daily = t >= dailyFrom
    const key = `${daily}:${bucketOf(t, daily)}`
    newestOfBucket.set(key, Math.max(newestOfBucket.get(key) ?? -Infinity, t))
  }
  const keptOld = new Set(newestOfBucket.values())
  return times.filter((t) => t >= keepAllFrom || keptOld.has(t))
}
