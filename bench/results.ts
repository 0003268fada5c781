import type { QueryTally } from "./measure"
import type { Provider } from "./workload"

/** One forced bulk sync (all pages) as measured inside the Medusa process. */
export interface PhaseResult {
  name: string
  providers: Provider[]
  wall_ms: number
  pages: {
    start: number
    end: number
    posts: number
    queries: QueryTally
    rss_mb: number
    heap_mb: number
    live_heap_mb?: number
    /** CPU time of the measured process during the page. */
    cpu_ms: number
    /** Platform requests sent during the page, by family (meta, x, linkedin). */
    requests: Record<string, number>
  }[]
  outcomes: { synced: number; success: number; failed: number; skipped: number }
  codes: Record<string, number>
  /** The module's request hook: requests and units as our code booked them. */
  hook: { requests: number; units: number; byPlatform: Partial<Record<string, number>>; byOperation: Record<string, number> }
  /** Requests seen by the wrapped fetch (should equal hook.requests). */
  fetches: number
  /** Mean duration of those requests as this process saw them (start to headers). */
  request_mean_ms: number
  /** The sandbox's own counters for this phase (`/_control/stats`). */
  sandbox: Record<string, unknown>
  latency: { fetched_p50_ms: number; fetched_p95_ms: number; committed_p50_ms: number; committed_p95_ms: number }
  /** Batches saved and the time spent saving them (summed; batches of one page may overlap). */
  persist: { calls: number; ms: number }
  peak_rss_mb: number
  max_rss_mb: number
}

export interface RunResult {
  /** RSS when the script starts (Medusa booted). */
  baseline_rss_mb: number
  /** RSS after the warm-up syncs, right before the measured phases: the base of the sync's overhead. */
  after_warmup_rss_mb: number
  /** The kernel's RSS high-water mark at that point: a later, higher mark was reached during the phases. */
  after_warmup_max_rss_mb: number
  phases: PhaseResult[]
}
