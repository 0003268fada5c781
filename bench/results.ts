import type { QueryTally } from "./measure"
import type { Provider } from "./workload"

/** One forced bulk sync (all pages) as measured inside the Medusa process. */
export interface PhaseResult {
  name: string
  providers: Provider[]
  wall_ms: number
  pages: { start: number; end: number; posts: number; queries: QueryTally; rss_mb: number; heap_mb: number; live_heap_mb?: number }[]
  outcomes: { synced: number; success: number; failed: number; skipped: number }
  codes: Record<string, number>
  /** The module's request hook: requests and units as our code booked them. */
  hook: { requests: number; units: number; byPlatform: Partial<Record<string, number>>; byOperation: Record<string, number> }
  /** Requests seen by the wrapped fetch (should equal hook.requests). */
  fetches: number
  /** The sandbox's own counters for this phase (`/_control/stats`). */
  sandbox: Record<string, unknown>
  latency: { fetched_p50_ms: number; fetched_p95_ms: number; committed_p50_ms: number; committed_p95_ms: number }
  /** Batches saved and the time spent saving them (summed; batches of one page may overlap). */
  persist: { calls: number; ms: number }
  peak_rss_mb: number
  max_rss_mb: number
}

export interface RunResult {
  baseline_rss_mb: number
  phases: PhaseResult[]
}
