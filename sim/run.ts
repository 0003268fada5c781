import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import syncDuePostInsightsJob from "../src/jobs/sync-due-post-insights"
import syncAllPostInsightsJob from "../src/jobs/sync-all-post-insights"
import pruneInsightsSnapshotsJob from "../src/jobs/prune-insights-snapshots"
import { SOCIALS_MODULE } from "../src/modules/socials"
import type SocialsModuleService from "../src/modules/socials/service"
import { budgetKey, InMemoryRateBudgetStore } from "../src/modules/socials/platforms/http/rate-budget"
import type { RequestInfo } from "../src/modules/socials/platforms/http/request-hooks"
import { xSpendSummary } from "../src/modules/socials/x-spend/summary"
import { monthOf } from "../src/modules/socials/x-spend/month"
import type { SandboxHandle } from "../sandbox/server"
import type { VirtualClock } from "./clock"
import { publishDue, type Knex, type SeededSimulation } from "./seed"
import type { SimProvider, SimWorkload } from "./workload"

const DAY = 86_400_000
const HOUR = 3_600_000

/** The scheduled jobs' times of day (UTC), as their default crons say. */
export const NIGHTLY_SWEEP_HOUR = 2
export const PRUNE_HOUR = 4

/** The budget keys a provider's sync books (X: one per endpoint group). */
const BUDGET_GROUPS: Record<SimProvider, (string | undefined)[]> = {
  instagram: [undefined],
  facebook: [undefined],
  twitter: ["tweets-lookup", "search-recent"],
  linkedin: [undefined],
  threads: [undefined],
}

export interface SimRunOptions {
  /** Period of the due job (its cron runs every minute). */
  stepMs: number
  /** Called once a simulated day with a progress line. */
  progress?: (line: string) => void
}

export type SyncEvent = { id: string; at: number; status: "success" | "partial" | "failed" }

export interface DayRecord {
  day: number
  from: string
  /** Requests and rate-limit units our code sent (the module's request hook), by platform. */
  requests: Partial<Record<SimProvider, { requests: number; units: number }>>
  /** What the sandbox counted: requests and units per family as each platform counts them, answers by status. */
  sandbox: { requests: Record<string, number>; units: Record<string, number>; statuses: Record<string, number>; threads: { requests: number; statuses: Record<string, number> } }
  syncs: { success: number; partial: number; failed: number }
  /** Posts moved to a later due time without a call (deferred to when their budget returns, or skipped). */
  rescheduled: number
  published: number
  /** rows_after_prune: the table right after the day's prune run (04:00), if it ran. */
  snapshots: { inserted: number; pruned: number; rows_at_end: number; rows_after_prune?: number }
  x_reads: number
  real_ms: { due: number; nightly: number; prune: number; bookkeeping: number; due_idle: number }
  /** Due runs that synced nothing (every post they saw deferred, or none selectable). */
  idle_due_runs: number
}

export interface BudgetRecord {
  key: string
  provider: SimProvider
  account: string
  group?: string
  limit: number
  window_ms: number
  max_used: number
  max_at: string | null
}

export interface SimRaw {
  start: number
  end: number
  step_ms: number
  freshness_window_ms: number
  /** Every post the run knew (published before or during it). */
  posts: { id: string; provider: SimProvider; account: string; posted_at: number; last_sync_before?: number }[]
  events: SyncEvent[]
  days: DayRecord[]
  budgets: BudgetRecord[]
  x: { account: string; platform_id: string; month: string; reads: number; summary: ReturnType<typeof xSpendSummary> }[]
  x_price_per_read: number
  x_monthly_cap: number | null
  snapshots: { rows_at_start: number; rows_at_end: number; avg_row_bytes: number; table_bytes_start: number; table_bytes_end: number }
  counts: { steps: number; due_runs: number; nightly_runs: number; prune_runs: number }
  real_ms_total: number
}

/**
 * Drives the real jobs on the virtual clock: at every step (the due job's cron period)
 * the posts whose time has come are published, the nightly sweep runs at 02:00 UTC and
 * the snapshot prune at 04:00, and the due job runs. A step where nothing can be due is
 * skipped (the job would select nothing): the clock jumps to the next due time, publication
 * or scheduled run, so a week costs the steps that have work, not 10,080 empty ones.
 */
export async function runSimulation(container: MedusaContainer, sandbox: SandboxHandle, clock: VirtualClock, workload: SimWorkload, seeded: SeededSimulation, options: SimRunOptions): Promise<SimRaw> {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const socials = container.resolve<SocialsModuleService>(SOCIALS_MODULE)
  // Duck-typed: a test runner may load the module twice (its own graph and Node's), so instanceof can lie.
  const store = socials.budgetStore as InMemoryRateBudgetStore
  if (typeof store.used !== "function") throw new Error("the simulation reads the in-memory budget store: run it without REDIS_URL")
  const realStart = performance.now()
  const step = options.stepMs
  const start = Math.ceil(workload.spec.start / step) * step
  const end = start + workload.spec.days * DAY
  const freshness = socials.config.freshnessWindowMs

  // Instruments: every saved batch (sync outcomes, snapshots), every reschedule, every request.
  const events: SyncEvent[] = []
  let day = emptyDay(0, start)
  const originalPersist = socials.persistInsightsSync.bind(socials)
  socials.persistInsightsSync = (async (...args: Parameters<SocialsModuleService["persistInsightsSync"]>) => {
    const [posts, snapshots] = args
    const at = Date.now()
    for (const p of posts) {
      events.push({ id: p.id, at, status: p.insights_sync_status })
      day.syncs[p.insights_sync_status]++
    }
    day.snapshots.inserted += snapshots.length
    return originalPersist(...args)
  }) as SocialsModuleService["persistInsightsSync"]
  // The scheduler's reschedules (posts deferred to when their budget returns) go through updateSocialPosts.
  const writable = socials as unknown as { updateSocialPosts: (...a: unknown[]) => Promise<unknown> }
  const originalUpdate = writable.updateSocialPosts.bind(socials)
  writable.updateSocialPosts = async (...args: unknown[]) => {
    const rows = args[0]
    day.rescheduled += Array.isArray(rows) ? rows.length : 1
    return originalUpdate(...args)
  }
  socials.setRequestHook((info: RequestInfo) => {
    const entry = (day.requests[info.platform as SimProvider] ??= { requests: 0, units: 0 })
    entry.requests++
    entry.units += info.units
  })

  // Budget keys of every account, with the limits the clients book against.
  const budgets: BudgetRecord[] = workload.accounts.flatMap((a) =>
    BUDGET_GROUPS[a.provider].map((group) => {
      const { limit, windowMs } = socials.config.budgets[a.provider]
      return { key: budgetKey(a.provider, { accountId: a.account_id }, group), provider: a.provider, account: a.key, ...(group ? { group } : {}), limit, window_ms: windowMs, max_used: 0, max_at: null }
    })
  )
  const sampleBudgets = (t: number) => {
    for (const b of budgets) {
      const used = store.used(b.key, b.window_ms)
      if (used > b.max_used) {
        b.max_used = used
        b.max_at = new Date(t).toISOString()
      }
    }
  }
  const xAccounts = workload.accounts.filter((a) => a.provider === "twitter").map((a) => ({ account: a.key, platform_id: seeded.platformIds.get(a.key)! }))
  const xReadsTotal = async (month: string) => {
    if (!xAccounts.length) return 0
    const { rows } = await knex.raw(`select coalesce(sum(reads), 0)::int as reads from social_x_read_count where month = ?`, [month])
    return Number(rows[0].reads)
  }
  const snapshotRows = async () => Number((await knex.raw(`select count(*)::int as n from social_post_insights_snapshot`)).rows[0].n)
  const tableBytes = async () => Number((await knex.raw(`select pg_total_relation_size('social_post_insights_snapshot')::bigint as b`)).rows[0].b)

  const days: DayRecord[] = []
  const rowsAtStart = await snapshotRows()
  const tableBytesStart = await tableBytes()
  let sandboxBefore = sandbox.stats()
  let threadsSeen = sandbox.threads.log().length
  let xReadsBefore = 0
  let xMonth = monthOf(start)
  const counts = { steps: 0, due_runs: 0, nightly_runs: 0, prune_runs: 0 }

  const closeDay = async (at: number) => {
    const stats = sandbox.stats()
    const threadsLog = sandbox.threads.log()
    const newThreads = threadsLog.slice(threadsSeen)
    threadsSeen = threadsLog.length
    day.sandbox = {
      requests: diff(stats.requests, sandboxBefore.requests),
      units: diff(stats.units, sandboxBefore.units),
      statuses: diff(stats.byStatus, sandboxBefore.byStatus),
      threads: { requests: newThreads.length, statuses: tally(newThreads.map((e) => String(e.status))) },
    }
    sandboxBefore = stats
    // The read counter is per month: a day that ends in a new month starts from that month's count.
    const month = monthOf(at - 1)
    if (month !== xMonth) {
      xReadsBefore = 0
      xMonth = month
    }
    const reads = await xReadsTotal(month)
    day.x_reads = reads - xReadsBefore
    xReadsBefore = reads
    day.snapshots.rows_at_end = await snapshotRows()
    days.push(day)
    const real = (day.real_ms.due + day.real_ms.nightly + day.real_ms.prune) / 1000
    options.progress?.(
      `day ${day.day + 1}: ${day.syncs.success + day.syncs.partial} syncs (${day.syncs.failed} failed), ${Object.values(day.requests).reduce((s, r) => s + (r?.requests ?? 0), 0)} requests, ` +
        `${day.published} published, snapshots +${day.snapshots.inserted} -${day.snapshots.pruned}; ${real.toFixed(0)} s in jobs (${day.idle_due_runs} due runs synced nothing, ${(day.real_ms.due_idle / 1000).toFixed(0)} s), ` +
        `${((performance.now() - realStart) / 1000).toFixed(0)} s so far`
    )
    day = emptyDay(day.day + 1, at)
  }

  let nextNightly = nextTimeOfDay(start, NIGHTLY_SWEEP_HOUR)
  let nextPrune = nextTimeOfDay(start, PRUNE_HOUR)
  let dayEnd = start + DAY
  let t = start
  try {
    while (t < end) {
      clock.set(t)
      counts.steps++
      let mark = performance.now()
      day.published += await publishDue(knex, seeded, t)
      day.real_ms.bookkeeping += performance.now() - mark
      if (t >= nextNightly) {
        mark = performance.now()
        await syncAllPostInsightsJob(container)
        day.real_ms.nightly += performance.now() - mark
        counts.nightly_runs++
        nextNightly += DAY
      }
      if (t >= nextPrune) {
        mark = performance.now()
        const before = await snapshotRows()
        await pruneInsightsSnapshotsJob(container, new Date())
        day.snapshots.rows_after_prune = await snapshotRows()
        day.snapshots.pruned += before - day.snapshots.rows_after_prune
        day.real_ms.prune += performance.now() - mark
        counts.prune_runs++
        nextPrune += DAY
      }
      mark = performance.now()
      const eventsBefore = events.length
      await syncDuePostInsightsJob(container)
      const dueMs = performance.now() - mark
      day.real_ms.due += dueMs
      if (events.length === eventsBefore) {
        day.real_ms.due_idle += dueMs
        day.idle_due_runs++
      }
      counts.due_runs++
      sampleBudgets(t)

      mark = performance.now()
      const next = await nextStep(knex, t, step, freshness, [seeded.pending[0]?.postedAt, nextNightly, nextPrune, end])
      day.real_ms.bookkeeping += performance.now() - mark
      while (next >= dayEnd && dayEnd <= end) {
        await closeDay(dayEnd)
        dayEnd += DAY
      }
      t = next
    }
  } finally {
    socials.persistInsightsSync = originalPersist
    writable.updateSocialPosts = originalUpdate
    socials.setRequestHook(undefined)
  }

  clock.set(end)
  const month = monthOf(end - 1)
  const x: SimRaw["x"] = []
  for (const a of xAccounts) {
    const { rows } = await knex.raw(`select reads from social_x_read_count where platform_id = ? and month = ?`, [a.platform_id, month])
    const reads = rows.length ? Number(rows[0].reads) : 0
    x.push({ ...a, month, reads, summary: xSpendSummary(reads, socials.xSpend, end - 1) })
  }
  const { rows: sizeRows } = await knex.raw(`select coalesce(avg(pg_column_size(s.*)), 0)::float as b from (select * from social_post_insights_snapshot limit 20000) s`)
  const posts = [...seeded.postIds.entries()].map(([platformPostId, id]) => ({ platformPostId, id }))
  const byPlatformPostId = new Map(workload.posts.map((p) => [p.platformPostId, p]))
  return {
    start,
    end,
    step_ms: step,
    freshness_window_ms: freshness,
    posts: posts.map(({ platformPostId, id }) => {
      const p = byPlatformPostId.get(platformPostId)!
      const last = seeded.lastSyncBefore.get(id)
      return { id, provider: p.provider, account: p.accountKey, posted_at: p.postedAt, ...(last !== undefined ? { last_sync_before: last } : {}) }
    }),
    events,
    days,
    budgets,
    x,
    x_price_per_read: socials.xSpend.pricePerRead,
    x_monthly_cap: socials.xSpend.monthlyReadCap ?? null,
    snapshots: { rows_at_start: rowsAtStart, rows_at_end: await snapshotRows(), avg_row_bytes: Number(sizeRows[0].b), table_bytes_start: tableBytesStart, table_bytes_end: await tableBytes() },
    counts,
    real_ms_total: performance.now() - realStart,
  }
}

function emptyDay(index: number, from: number): DayRecord {
  return {
    day: index,
    from: new Date(from).toISOString(),
    requests: {},
    sandbox: { requests: {}, units: {}, statuses: {}, threads: { requests: 0, statuses: {} } },
    syncs: { success: 0, partial: 0, failed: 0 },
    rescheduled: 0,
    published: 0,
    snapshots: { inserted: 0, pruned: 0, rows_at_end: 0 },
    x_reads: 0,
    real_ms: { due: 0, nightly: 0, prune: 0, bookkeeping: 0, due_idle: 0 },
    idle_due_runs: 0,
  }
}

function nextTimeOfDay(from: number, hour: number): number {
  const dayStart = Math.floor(from / DAY) * DAY
  const at = dayStart + hour * HOUR
  return at >= from ? at : at + DAY
}

/**
 * When the due job next has something to do. If a post it can sync is due now (more than
 * one run takes, or just out of the freshness window) that is the next step; otherwise the
 * earliest of the next due time, the next moment a due post leaves the freshness window
 * (a post synced at t is picked only once it is older than the window), the next
 * publication and the next scheduled run, on the cron's grid.
 */
async function nextStep(knex: Knex, t: number, step: number, freshness: number, events: (number | undefined)[]): Promise<number> {
  const now = new Date(t)
  const { rows: dueNow } = await knex.raw(
    `select p.insights_synced_at from social_post p join social_platform pl on pl.id = p.platform_id
      where p.status = 'posted' and p.deleted_at is null and p.next_sync_at <= ? and pl.status = 'active' and pl.deleted_at is null`,
    [now]
  )
  const candidates = events.filter((e): e is number => e !== undefined)
  for (const row of dueNow) {
    const synced = row.insights_synced_at ? new Date(row.insights_synced_at as string).getTime() : undefined
    const staleAt = synced === undefined ? t : synced + freshness + 1
    if (staleAt <= t) return t + step
    candidates.push(staleAt)
  }
  // The next due posts, by due time: each is selectable once due and out of the freshness window.
  // Beyond the fetched ones nothing is due before the last fetched due time.
  const { rows } = await knex.raw(
    `select next_sync_at, insights_synced_at from social_post where status = 'posted' and deleted_at is null and next_sync_at > ? order by next_sync_at limit ${NEXT_DUE_PEEK}`,
    [now]
  )
  for (const row of rows) {
    const synced = row.insights_synced_at ? new Date(row.insights_synced_at as string).getTime() : -Infinity
    candidates.push(Math.max(new Date(row.next_sync_at as string).getTime(), synced + freshness + 1))
  }
  if (rows.length === NEXT_DUE_PEEK) candidates.push(new Date(rows[rows.length - 1].next_sync_at as string).getTime())
  const next = Math.min(...candidates)
  return Math.max(t + step, Math.ceil(next / step) * step)
}

const NEXT_DUE_PEEK = 50

function diff(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {}
  for (const [k, v] of Object.entries(a)) if (v - (b[k] ?? 0)) out[k] = v - (b[k] ?? 0)
  return out
}

function tally(values: string[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const v of values) out[v] = (out[v] ?? 0) + 1
  return out
}
