import type { BenchFigures, FigureRow } from "./figures"

const span = (r: { min: number; max: number }) => (r.min === r.max ? String(r.min) : `${r.min}-${r.max}`)

const COLUMNS: [string, (r: FigureRow) => string][] = [
  ["posts", (r) => String(r.posts)],
  ["synced", (r) => String(r.synced)],
  ["wall s", (r) => r.wall_s.toFixed(1)],
  ["posts/s", (r) => r.posts_per_s.toFixed(1)],
  ["requests", (r) => String(r.http_requests)],
  ["RL units", (r) => String(r.rate_limit_units)],
  ["req/post", (r) => r.requests_per_post.toFixed(3)],
  ["req bound", (r) => String(r.lower_bound_requests)],
  ["req ratio", (r) => r.requests_ratio.toFixed(2)],
  ["time bound s", (r) => r.time_bound_s.toFixed(1)],
  ["time ratio", (r) => r.time_ratio.toFixed(2)],
  ["p50 ms", (r) => String(r.latency_p50_ms)],
  ["p95 ms", (r) => String(r.latency_p95_ms)],
  ["peak RSS MB", (r) => String(r.peak_rss_mb)],
  ["RSS overhead MB", (r) => String(r.sync_overhead_rss_mb)],
  ["CPU s", (r) => r.cpu_s.toFixed(1)],
  ["req ms", (r) => String(r.request_mean_ms)],
  ["paged bound s", (r) => r.paged_time_bound_s.toFixed(1)],
  ["DB/post", (r) => r.db_round_trips_per_post.toFixed(2)],
  ["DB/batch", (r) => span(r.db_round_trips_per_batch)],
  ["DB/page+", (r) => span(r.db_round_trips_per_page_outside_batches)],
]

/** A plain-text table: one row per platform (each synced alone) and the mixed total run. */
export function formatTable(figures: BenchFigures): string {
  const names = ["instagram", "facebook", "twitter", "linkedin", "total"] as const
  const rows = names.flatMap((name) => {
    const row = figures.rows[name]
    return row ? [[name, ...COLUMNS.map(([, cell]) => cell(row))]] : []
  })
  const header = ["platform", ...COLUMNS.map(([title]) => title)]
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ")
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n")
}

/** Markdown version of the same table, for docs/performance.md. */
export function formatMarkdownTable(figures: BenchFigures): string {
  const names = ["instagram", "facebook", "twitter", "linkedin", "total"] as const
  const header = ["platform", ...COLUMNS.map(([title]) => title)]
  const rows = names.flatMap((name) => {
    const row = figures.rows[name]
    return row ? [[name, ...COLUMNS.map(([, cell]) => cell(row))]] : []
  })
  return [`| ${header.join(" | ")} |`, `|${header.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n")
}

export interface TargetCheck {
  target: string
  value: string
  met: boolean | "n/a"
}

/** The targets (reported, not asserted). */
/** The memory target: peak RSS during the sync minus RSS after boot and warm-up. */
export const OVERHEAD_TARGET_MB = 60

export function checkTargets(figures: BenchFigures, posts: number): TargetCheck[] {
  const total = figures.rows.total
  if (!total) return []
  const checks: TargetCheck[] = [
    { target: "requests <= 1.05 x lower bound", value: `${total.requests_ratio.toFixed(3)} x`, met: total.requests_ratio <= 1.05 },
    { target: "wall time <= 1.5 x time bound", value: `${total.time_ratio.toFixed(3)} x`, met: total.time_ratio <= 1.5 },
    {
      target: "DB round trips constant per batch (not per post or metric)",
      value:
        Object.entries(total.db_round_trips_by_batch_size)
          .map(([size, r]) => `${span(r)} per batch of ${size} (${r.batches})`)
          .join(", ") +
        `; ${span(total.db_round_trips_per_page_outside_batches)} per page besides` +
        (total.db_x_meter.calls ? `; X read counter ${total.db_x_meter.statements_per_call} per call (${total.db_x_meter.calls} calls: booking and settling X requests)` : ""),
      // At most 100 rows a statement (Medusa's MikroORM batch size), never one statement per post.
      met:
        total.db_round_trips_per_page_outside_batches.min === total.db_round_trips_per_page_outside_batches.max &&
        Object.entries(total.db_round_trips_by_batch_size).every(([size, r]) => size !== "1-100 posts" || r.min === r.max),
    },
  ]
  // What the plugin controls: the sync's memory over the same process after boot and warm-up
  // (Medusa itself boots at 320-350 MB RSS, which no plugin setting changes).
  if (posts >= 10_000) {
    checks.push({ target: `sync overhead RSS <= ${OVERHEAD_TARGET_MB} MB at ${posts.toLocaleString("en")} posts`, value: `${total.sync_overhead_rss_mb} MB`, met: total.sync_overhead_rss_mb <= OVERHEAD_TARGET_MB })
  } else {
    checks.push({ target: `sync overhead RSS (target <= ${OVERHEAD_TARGET_MB} MB at 10,000 posts: run --posts 10000)`, value: `${total.sync_overhead_rss_mb} MB`, met: "n/a" })
  }
  return checks
}
