import { lowerBounds, timeBoundMs, type ProviderBound } from "./bounds"
import type { PhaseResult, RunResult } from "./results"
import type { SpecPlanResult } from "./spec-plan"
import { PROVIDERS, type BenchWorkload, type Provider } from "./workload"

export interface FigureRow {
  posts: number
  synced: number
  wall_s: number
  posts_per_s: number
  http_requests: number
  rate_limit_units: number
  requests_per_post: number
  lower_bound_requests: number
  requests_ratio: number
  time_bound_s: number
  time_ratio: number
  latency_p50_ms: number
  latency_p95_ms: number
  peak_rss_mb: number
  /** Peak RSS during this phase minus RSS after boot and warm-up (same process): what the sync itself adds. */
  sync_overhead_rss_mb: number
  /** CPU time of the measured process during the phase (local work: JSON, merging, ORM, pg driver). */
  cpu_s: number
  /** Mean platform request duration as the measured process saw it; the bound assumes the sandbox's mean latency. */
  request_mean_ms: number
  /**
   * The time bound page by page: pages run one after the other (each is one workflow run,
   * the sweep's next page starts when the previous has been saved), so a page's requests
   * cannot overlap the next page's. Sum over pages of max(ceil(requests/concurrency), depth) x latency.
   */
  paged_time_bound_s: number
  db_round_trips_per_post: number
  /** Statements per saved batch (one transaction per account's posts in a page), BEGIN/COMMIT included. */
  db_round_trips_per_batch: { min: number; max: number; batches: number; largest_batch_posts: number }
  /** Statements per batch by batch size: shows they do not grow with posts (Medusa's MikroORM sends up to 100 rows a statement). */
  db_round_trips_by_batch_size: Record<string, { batches: number; min: number; max: number }>
  /** Statements per page besides its batches (selecting and loading the page's posts). */
  db_round_trips_per_page_outside_batches: { min: number; max: number }
  /** The X read counter (X spend): its calls (a booking and a settlement per X request) and statements per call. */
  db_x_meter: { calls: number; statements_per_call: number }
}

export interface Settings {
  posts: number
  accounts: number
  seed: number
  latencyMs: number
  jitterMs: number
  concurrency: number
  pageSize: number
  commentsLimit: number
}

const FAMILY: Record<Provider, "meta" | "x" | "linkedin"> = { instagram: "meta", facebook: "meta", twitter: "x", linkedin: "linkedin" }

function sandboxUnits(phase: PhaseResult, providers: Provider[]): number {
  const units = (phase.sandbox.units ?? {}) as Record<string, number>
  return [...new Set(providers.map((p) => FAMILY[p]))].reduce((sum, family) => sum + (units[family] ?? 0), 0)
}

/** Medusa configures MikroORM with batchSize 100: a statement carries at most 100 rows. */
export const ROWS_PER_STATEMENT = 100

const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits

export function figureRow(phase: PhaseResult, bound: Pick<ProviderBound, "requests" | "depth">, settings: Settings, peakDuringMb: number, baseMb: number): FigureRow {
  const meanLatency = settings.latencyMs + settings.jitterMs / 2
  const posts = phase.pages.reduce((s, p) => s + p.posts, 0)
  const synced = phase.outcomes.success
  const queries = phase.pages.reduce((s, p) => s + p.queries.total, 0)
  const batches = phase.pages.flatMap((p) => p.queries.batches)
  const perBatch = batches.map((b) => b.statements)
  const outside = phase.pages.filter((p) => p.posts > 0).map((p) => p.queries.outsideBatches)
  const bySize: FigureRow["db_round_trips_by_batch_size"] = {}
  for (const b of batches) {
    const bucket = `${ROWS_PER_STATEMENT * Math.floor((b.posts - 1) / ROWS_PER_STATEMENT) + 1}-${ROWS_PER_STATEMENT * Math.ceil(b.posts / ROWS_PER_STATEMENT)} posts`
    const entry = (bySize[bucket] ??= { batches: 0, min: Infinity, max: 0 })
    entry.batches++
    entry.min = Math.min(entry.min, b.statements)
    entry.max = Math.max(entry.max, b.statements)
  }
  const range = (values: number[]) => ({ min: values.length ? Math.min(...values) : 0, max: values.length ? Math.max(...values) : 0 })
  const timeBound = timeBoundMs(bound.requests, bound.depth, settings.concurrency, meanLatency)
  const pagedBound = phase.pages.reduce((sum, p) => {
    const sent = Object.values(p.requests ?? {}).reduce((a, b) => a + b, 0)
    return sum + (sent ? timeBoundMs(sent, Math.min(bound.depth, sent), settings.concurrency, meanLatency) : 0)
  }, 0)
  return {
    posts,
    synced,
    wall_s: round(phase.wall_ms / 1000),
    posts_per_s: round(synced / (phase.wall_ms / 1000), 1),
    http_requests: phase.hook.requests,
    rate_limit_units: sandboxUnits(phase, phase.providers),
    requests_per_post: round(phase.hook.requests / Math.max(1, posts), 3),
    lower_bound_requests: bound.requests,
    requests_ratio: round(phase.hook.requests / Math.max(1, bound.requests), 3),
    time_bound_s: round(timeBound / 1000),
    time_ratio: round(phase.wall_ms / Math.max(1, timeBound), 3),
    latency_p50_ms: Math.round(phase.latency.fetched_p50_ms),
    latency_p95_ms: Math.round(phase.latency.fetched_p95_ms),
    // The first (total) run: the kernel's high-water mark, boot included; later runs: sampled during that run.
    peak_rss_mb: Math.round(phase.name === "total" ? phase.max_rss_mb : phase.peak_rss_mb),
    sync_overhead_rss_mb: Math.round(peakDuringMb - baseMb),
    request_mean_ms: Math.round(phase.request_mean_ms ?? 0),
    cpu_s: round(phase.pages.reduce((s, p) => s + (p.cpu_ms ?? 0), 0) / 1000),
    paged_time_bound_s: round(pagedBound / 1000),
    db_round_trips_per_post: round(queries / Math.max(1, posts), 3),
    db_round_trips_per_batch: { ...range(perBatch), batches: perBatch.length, largest_batch_posts: Math.max(0, ...batches.map((b) => b.posts)) },
    db_round_trips_by_batch_size: bySize,
    db_round_trips_per_page_outside_batches: range(outside),
    db_x_meter: (() => {
      const calls = phase.pages.reduce((s, p) => s + (p.queries.xMeter?.calls ?? 0), 0)
      const statements = phase.pages.reduce((s, p) => s + (p.queries.xMeter?.statements ?? 0), 0)
      return { calls, statements_per_call: round(statements / Math.max(1, calls)) }
    })(),
  }
}

export interface BenchFigures {
  rows: Partial<Record<Provider | "total", FigureRow>>
  bounds: Record<Provider, ProviderBound>
  spec_plan: { requests: Record<Provider, number> & { total: number }; failed: Record<Provider, number>; estimated_sequential_s: number; replay_wall_s: number }
}

export function computeFigures(workload: BenchWorkload, run: RunResult, spec: SpecPlanResult, settings: Settings): BenchFigures {
  const bounds = lowerBounds(workload, settings.commentsLimit)
  const rows: BenchFigures["rows"] = {}
  // The kernel's high-water mark catches a peak between two samples, but only if it rose during this phase.
  let highWater = run.after_warmup_max_rss_mb
  for (const phase of run.phases) {
    const peakDuring = phase.max_rss_mb > highWater ? Math.max(phase.max_rss_mb, phase.peak_rss_mb) : phase.peak_rss_mb
    highWater = Math.max(highWater, phase.max_rss_mb)
    if (phase.name === "total") {
      const requests = PROVIDERS.reduce((s, p) => s + bounds[p].requests, 0)
      const depth = Math.max(...PROVIDERS.map((p) => bounds[p].depth))
      rows.total = figureRow(phase, { requests, depth }, settings, peakDuring, run.after_warmup_rss_mb)
    } else {
      const provider = phase.name as Provider
      rows[provider] = figureRow(phase, bounds[provider], settings, peakDuring, run.after_warmup_rss_mb)
    }
  }
  const specTotal = PROVIDERS.reduce((s, p) => s + spec.requests[p], 0)
  return {
    rows,
    bounds,
    spec_plan: {
      requests: { ...spec.requests, total: specTotal },
      failed: spec.failed,
      estimated_sequential_s: round((specTotal * (settings.latencyMs + settings.jitterMs / 2)) / 1000, 1),
      replay_wall_s: round(spec.wall_ms / 1000),
    },
  }
}
