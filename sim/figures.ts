import { DEFAULT_CADENCE, nextSyncAt } from "../src/modules/socials/scheduling/cadence"
import { PUBLISH_SYNC_DELAY_MS } from "./seed"
import type { SimRaw } from "./run"
import type { SimProvider } from "./workload"

const DAY = 86_400_000
const HOUR = 3_600_000

/** The post age classes (age when the interval started, i.e. the age that set its target). */
export const AGE_CLASSES = [
  { name: "0-2 days", from: 0, to: 2 * DAY },
  { name: "2-7 days", from: 2 * DAY, to: 7 * DAY },
  { name: "7-30 days", from: 7 * DAY, to: 30 * DAY },
  { name: "30-90 days", from: 30 * DAY, to: 90 * DAY },
  { name: "older", from: 90 * DAY, to: Infinity },
] as const
export type AgeClass = (typeof AGE_CLASSES)[number]["name"]

const classOf = (ageMs: number): AgeClass => AGE_CLASSES.find((c) => ageMs >= c.from && ageMs < c.to)!.name

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits
const hours = (ms: number) => round(ms / HOUR, 2)

export interface ClassFigures {
  class: AgeClass
  /** Posts of this class at some point of the run. */
  posts: number
  /** Intervals between two syncs of the same post (the first from the sync before the run). */
  intervals: number
  interval_p50_h: number
  interval_p95_h: number
  /** The cadence's interval for those syncs (its step for the age at the earlier sync). */
  target_p50_h: number
  target_max_h: number
  /** How long after its due time a post was synced (negative: the nightly sweep took it early). */
  late_p50_min: number
  late_p95_min: number
  late_max_min: number
  /** Due times within the run. */
  due: number
  /** Due times synced later than the tolerance, or still waiting past it at the end. */
  starved: number
  /** Posts that were due within the run, within the cadence horizon, and got no sync at all. */
  never_synced: number
  /** The first few starved due times, to look into. */
  starved_examples: { post: string; provider: SimProvider; age_h: number; due: string; synced: string | null; late_min: number; target_h: number }[]
}

export interface SimFigures {
  days: number
  tolerance: string
  classes: ClassFigures[]
  first_sync: { posts: number; delay_p50_min: number; delay_p95_min: number; delay_max_min: number }
  syncs: { success: number; partial: number; failed: number; per_day: number }
  budgets: { provider: SimProvider; group?: string; accounts: number; limit: number; window: string; max_pct: number; median_account_max_pct: number }[]
  max_budget_used_pct: number
  requests_per_day: Partial<Record<SimProvider, { requests: number; units: number; max_day_requests: number }>> & { total: { requests: number; units: number } }
  sandbox_units_per_day: Record<string, number>
  sandbox_statuses: Record<string, number>
  x: null | {
    accounts: number
    cap_per_account: number | null
    price_per_read: number
    reads_per_day: number
    max_account_reads_this_month: number
    /** This month's reads so far across accounts, the plugin's own month-end projection (never past the cap) and the pace without a cap. */
    reads_this_month: number
    projected_month_reads: number
    uncapped_month_reads: number
    projected_month_spend_usd: number
    uncapped_month_spend_usd: number
    states: Record<string, number>
    cap_respected: boolean
  }
  snapshots: {
    avg_row_bytes: number
    per_day_without_retention: { rows: number; bytes: number }
    per_day_with_retention: { rows: number; bytes: number }
    days: { day: number; inserted: number; pruned: number; net: number }[]
    rows_at_start: number
    rows_at_end: number
    table_bytes_start: number
    table_bytes_end: number
    /** The seeded history window at the start: rows without retention, rows the policy kept. */
    history?: { rows_without_retention: number; rows_kept: number }
  }
  real_s: { total: number; per_simulated_day: number; due: number; nightly: number; prune: number; bookkeeping: number }
  counts: SimRaw["counts"]
}

/** Late by more than this is starvation: two due-job periods, or a tenth of the cadence interval if longer. */
export function lateTolerance(targetMs: number, stepMs: number): number {
  return Math.max(2 * stepMs, 0.1 * targetMs)
}

export function computeSimFigures(raw: SimRaw, history?: { rowsWithoutRetention: number; rowsKept: number }): SimFigures {
  const days = (raw.end - raw.start) / DAY
  const byPost = new Map<string, SimRaw["events"]>()
  for (const e of raw.events) {
    if (e.status === "failed") continue
    const list = byPost.get(e.id)
    if (list) list.push(e)
    else byPost.set(e.id, [e])
  }
  type Acc = { posts: Set<string>; intervals: number[]; targets: number[]; late: number[]; due: number; starved: number; never: Set<string>; examples: ClassFigures["starved_examples"] }
  const acc = new Map<AgeClass, Acc>(AGE_CLASSES.map((c) => [c.name, { posts: new Set(), intervals: [], targets: [], late: [], due: 0, starved: 0, never: new Set(), examples: [] }]))
  const firstDelays: number[] = []

  for (const post of raw.posts) {
    const syncs = (byPost.get(post.id) ?? []).map((e) => e.at)
    const posted = post.posted_at
    for (const c of AGE_CLASSES) {
      // In the class at some point of the run (ages grow from start to end).
      const from = Math.max(raw.start, posted)
      if (posted + c.to > from && posted + c.from < raw.end) acc.get(c.name)!.posts.add(post.id)
    }
    let prev = post.last_sync_before
    let i = 0
    // The first due time: the cadence's next step after the sync before the run; a minute after
    // publication for a post published in the run; the start for one never synced (cold start).
    let due: number | null =
      prev === undefined ? Math.max(posted + PUBLISH_SYNC_DELAY_MS, raw.start) : (nextSyncAt(new Date(posted), new Date(prev), DEFAULT_CADENCE)?.getTime() ?? null)
    for (;;) {
      const at = syncs[i]
      const ageClass = classOf((prev ?? posted) - posted)
      const a = acc.get(ageClass)!
      const target = prev === undefined ? PUBLISH_SYNC_DELAY_MS : due !== null ? due - prev : Infinity
      if (at !== undefined && prev !== undefined) {
        a.intervals.push(at - prev)
        a.targets.push(target)
      }
      if (at !== undefined && prev === undefined && posted > raw.start) firstDelays.push(at - posted)
      if (due !== null && due < raw.end) {
        a.due++
        const late = (at ?? raw.end) - due
        if (at !== undefined) a.late.push(late)
        const tolerance = lateTolerance(target === Infinity ? 0 : target, raw.step_ms)
        // Still waiting at the end: starved only once it is later than the tolerance.
        if (late > tolerance) {
          a.starved++
          if (a.examples.length < 5) {
            a.examples.push({ post: post.id, provider: post.provider, age_h: hours(due - posted), due: new Date(due).toISOString(), synced: at === undefined ? null : new Date(at).toISOString(), late_min: round(late / 60_000, 1), target_h: hours(target) })
          }
        }
        if (at === undefined && syncs.length === 0 && late > tolerance) a.never.add(post.id)
      }
      if (at === undefined) break
      prev = at
      i++
      due = nextSyncAt(new Date(posted), new Date(prev), DEFAULT_CADENCE)?.getTime() ?? null
    }
  }

  const classes: ClassFigures[] = AGE_CLASSES.map(({ name }) => {
    const a = acc.get(name)!
    const finiteTargets = a.targets.filter((t) => Number.isFinite(t))
    return {
      class: name,
      posts: a.posts.size,
      intervals: a.intervals.length,
      interval_p50_h: hours(percentile(a.intervals, 50)),
      interval_p95_h: hours(percentile(a.intervals, 95)),
      target_p50_h: hours(percentile(finiteTargets, 50)),
      target_max_h: hours(finiteTargets.length ? Math.max(...finiteTargets) : 0),
      late_p50_min: round(percentile(a.late, 50) / 60_000, 1),
      late_p95_min: round(percentile(a.late, 95) / 60_000, 1),
      late_max_min: round((a.late.length ? Math.max(...a.late) : 0) / 60_000, 1),
      due: a.due,
      starved: a.starved,
      never_synced: a.never.size,
      starved_examples: a.examples,
    }
  })

  const syncs = { success: 0, partial: 0, failed: 0 }
  for (const e of raw.events) syncs[e.status]++

  const budgetGroups = new Map<string, SimRaw["budgets"]>()
  for (const b of raw.budgets) {
    const k = `${b.provider}:${b.group ?? ""}`
    budgetGroups.set(k, [...(budgetGroups.get(k) ?? []), b])
  }
  const budgets = [...budgetGroups.values()].map((list) => {
    const pcts = list.map((b) => (100 * b.max_used) / b.limit)
    return {
      provider: list[0].provider,
      ...(list[0].group ? { group: list[0].group } : {}),
      accounts: list.length,
      limit: list[0].limit,
      window: windowName(list[0].window_ms),
      max_pct: round(Math.max(...pcts), 1),
      median_account_max_pct: round(percentile(pcts, 50), 1),
    }
  })

  const perDay: SimFigures["requests_per_day"] = { total: { requests: 0, units: 0 } }
  for (const d of raw.days) {
    for (const [p, r] of Object.entries(d.requests) as [SimProvider, { requests: number; units: number }][]) {
      const e = (perDay[p] ??= { requests: 0, units: 0, max_day_requests: 0 })
      e.requests += r.requests / days
      e.units += r.units / days
      e.max_day_requests = Math.max(e.max_day_requests, r.requests)
      perDay.total.requests += r.requests / days
      perDay.total.units += r.units / days
    }
  }
  for (const v of Object.values(perDay)) {
    v.requests = Math.round(v.requests)
    v.units = Math.round(v.units)
  }
  const sandboxUnits: Record<string, number> = {}
  const statuses: Record<string, number> = {}
  for (const d of raw.days) {
    for (const [k, v] of Object.entries(d.sandbox.units)) sandboxUnits[k] = (sandboxUnits[k] ?? 0) + v / days
    if (d.sandbox.threads.requests) sandboxUnits.threads = (sandboxUnits.threads ?? 0) + d.sandbox.threads.requests / days
    for (const [k, v] of Object.entries(d.sandbox.statuses)) statuses[k] = (statuses[k] ?? 0) + v
    for (const [k, v] of Object.entries(d.sandbox.threads.statuses)) statuses[`threads ${k}`] = (statuses[`threads ${k}`] ?? 0) + v
  }
  for (const k of Object.keys(sandboxUnits)) sandboxUnits[k] = Math.round(sandboxUnits[k])

  let x: SimFigures["x"] = null
  if (raw.x.length) {
    const readsThisMonth = raw.x.reduce((s, a) => s + a.reads, 0)
    const projected = raw.x.reduce((s, a) => s + a.summary.projected_month_end_reads, 0)
    const readsPerDay = raw.days.reduce((s, d) => s + d.x_reads, 0) / days
    const monthDays = daysInMonth(raw.end - 1)
    const uncapped = Math.round(readsPerDay * monthDays)
    const states: Record<string, number> = {}
    for (const a of raw.x) states[a.summary.state] = (states[a.summary.state] ?? 0) + 1
    const maxReads = Math.max(...raw.x.map((a) => a.reads))
    x = {
      accounts: raw.x.length,
      cap_per_account: raw.x_monthly_cap,
      price_per_read: raw.x_price_per_read,
      reads_per_day: Math.round(readsPerDay),
      max_account_reads_this_month: maxReads,
      reads_this_month: readsThisMonth,
      projected_month_reads: projected,
      uncapped_month_reads: uncapped,
      projected_month_spend_usd: round(projected * raw.x_price_per_read),
      uncapped_month_spend_usd: round(uncapped * raw.x_price_per_read),
      states,
      cap_respected: raw.x_monthly_cap === null || maxReads <= raw.x_monthly_cap,
    }
  }

  const snapDays = raw.days.map((d) => ({ day: d.day + 1, inserted: d.snapshots.inserted, pruned: d.snapshots.pruned, net: d.snapshots.inserted - d.snapshots.pruned }))
  const inserted = snapDays.reduce((s, d) => s + d.inserted, 0) / days
  // With retention: the table's growth from one prune to the next (the first prune of a run only
  // catches the hours since the start); a run with fewer than two prunes falls back to the daily net.
  const afterPrune = raw.days.map((d) => d.snapshots.rows_after_prune).filter((n): n is number => n !== undefined)
  const net = afterPrune.length >= 2 ? (afterPrune[afterPrune.length - 1] - afterPrune[0]) / (afterPrune.length - 1) : snapDays.reduce((s, d) => s + d.net, 0) / days
  const bytes = raw.snapshots.avg_row_bytes
  const realDays = raw.days.reduce(
    (s, d) => ({ due: s.due + d.real_ms.due, nightly: s.nightly + d.real_ms.nightly, prune: s.prune + d.real_ms.prune, bookkeeping: s.bookkeeping + d.real_ms.bookkeeping }),
    { due: 0, nightly: 0, prune: 0, bookkeeping: 0 }
  )

  return {
    days,
    tolerance: `late by more than max(2 due-job periods, 10 % of the cadence interval); period ${raw.step_ms / 60_000} min`,
    classes,
    first_sync: {
      posts: firstDelays.length,
      delay_p50_min: round(percentile(firstDelays, 50) / 60_000, 1),
      delay_p95_min: round(percentile(firstDelays, 95) / 60_000, 1),
      delay_max_min: round((firstDelays.length ? Math.max(...firstDelays) : 0) / 60_000, 1),
    },
    syncs: { ...syncs, per_day: Math.round((syncs.success + syncs.partial) / days) },
    budgets,
    max_budget_used_pct: Math.max(0, ...budgets.map((b) => b.max_pct)),
    requests_per_day: perDay,
    sandbox_units_per_day: sandboxUnits,
    sandbox_statuses: statuses,
    x,
    snapshots: {
      avg_row_bytes: Math.round(bytes),
      per_day_without_retention: { rows: Math.round(inserted), bytes: Math.round(inserted * bytes) },
      per_day_with_retention: { rows: Math.round(net), bytes: Math.round(net * bytes) },
      days: snapDays,
      rows_at_start: raw.snapshots.rows_at_start,
      rows_at_end: raw.snapshots.rows_at_end,
      table_bytes_start: raw.snapshots.table_bytes_start,
      table_bytes_end: raw.snapshots.table_bytes_end,
      ...(history ? { history: { rows_without_retention: history.rowsWithoutRetention, rows_kept: history.rowsKept } } : {}),
    },
    real_s: {
      total: round(raw.real_ms_total / 1000, 1),
      per_simulated_day: round(raw.real_ms_total / 1000 / days, 1),
      due: round(realDays.due / 1000, 1),
      nightly: round(realDays.nightly / 1000, 1),
      prune: round(realDays.prune / 1000, 1),
      bookkeeping: round(realDays.bookkeeping / 1000, 1),
    },
    counts: raw.counts,
  }
}

function windowName(ms: number): string {
  if (ms % DAY === 0) return ms === DAY ? "day" : `${ms / DAY} days`
  if (ms % HOUR === 0) return ms === HOUR ? "hour" : `${ms / HOUR} h`
  return `${ms / 60_000} min`
}

function daysInMonth(ms: number): number {
  const d = new Date(ms)
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()
}
