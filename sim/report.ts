import type { SimFigures } from "./figures"

type Table = { title: string; header: string[]; rows: string[][] }

const int = (n: number) => Math.round(n).toLocaleString("en-US")
const mb = (bytes: number) => (bytes / 1_048_576).toFixed(1)

export function simTables(f: SimFigures): Table[] {
  const tables: Table[] = [
    {
      title: "Freshness by post age: achieved interval between syncs against the cadence target",
      header: ["age", "posts", "intervals", "p50 h", "p95 h", "target p50 h", "target max h", "late p50 min", "late p95 min", "late max min", "due", "starved", "never synced"],
      rows: f.classes.map((c) => [
        c.class,
        int(c.posts),
        int(c.intervals),
        String(c.interval_p50_h),
        String(c.interval_p95_h),
        String(c.target_p50_h),
        String(c.target_max_h),
        String(c.late_p50_min),
        String(c.late_p95_min),
        String(c.late_max_min),
        int(c.due),
        int(c.starved),
        int(c.never_synced),
      ]),
    },
    {
      title: "Budget used: the largest share of its window any account's budget reached",
      header: ["platform", "budget", "accounts", "limit", "window", "max %", "median account max %"],
      rows: f.budgets.map((b) => [b.provider, b.group ?? "account", String(b.accounts), int(b.limit), b.window, String(b.max_pct), String(b.median_account_max_pct)]),
    },
    {
      title: "Platform requests and rate-limit units per day (as our code sent them)",
      header: ["platform", "requests/day", "units/day", "busiest day requests", "sandbox units/day"],
      rows: [
        ...(Object.entries(f.requests_per_day).filter(([k]) => k !== "total") as [string, { requests: number; units: number; max_day_requests: number }][]).map(([p, r]) => [
          p,
          int(r.requests),
          int(r.units),
          int(r.max_day_requests),
          sandboxUnits(f, p),
        ]),
        ["total", int(f.requests_per_day.total.requests), int(f.requests_per_day.total.units), "", ""],
      ],
    },
    {
      title: "Snapshot rows added per day (with retention: the table's growth from one nightly prune to the next)",
      header: ["", "rows/day", "MB/day", "rows/30 days", "MB/30 days"],
      rows: [
        ["without retention", int(f.snapshots.per_day_without_retention.rows), mb(f.snapshots.per_day_without_retention.bytes), int(30 * f.snapshots.per_day_without_retention.rows), mb(30 * f.snapshots.per_day_without_retention.bytes)],
        ["with retention", int(f.snapshots.per_day_with_retention.rows), mb(f.snapshots.per_day_with_retention.bytes), int(30 * f.snapshots.per_day_with_retention.rows), mb(30 * f.snapshots.per_day_with_retention.bytes)],
      ],
    },
  ]
  if (f.x) {
    const x = f.x
    tables.push({
      title: "X reads and estimated spend (all X accounts; cap per account)",
      header: ["reads/day", "reads this month", "projected month", "month at this pace, uncapped", "projected spend USD", "uncapped spend USD", "cap/account", "max account reads", "states"],
      rows: [
        [
          int(x.reads_per_day),
          int(x.reads_this_month),
          int(x.projected_month_reads),
          int(x.uncapped_month_reads),
          x.projected_month_spend_usd.toFixed(2),
          x.uncapped_month_spend_usd.toFixed(2),
          x.cap_per_account === null ? "none" : int(x.cap_per_account),
          int(x.max_account_reads_this_month),
          Object.entries(x.states).map(([k, v]) => `${k} ${v}`).join(", "),
        ],
      ],
    })
  }
  return tables
}

/** The sandbox counts per family: Instagram and Facebook share Meta's (one Page token reads both). */
function sandboxUnits(f: SimFigures, provider: string): string {
  const family: Record<string, string | undefined> = { instagram: "meta", twitter: "x", linkedin: "linkedin", threads: "threads" }
  const key = family[provider]
  if (!key) return "(in Meta's, above)"
  const units = f.sandbox_units_per_day[key]
  return units === undefined ? "" : `${int(units)}${key === "meta" ? " (Meta: IG + FB)" : ""}`
}

export function summaryLines(f: SimFigures): string[] {
  const s = f.snapshots
  return [
    `syncs: ${int(f.syncs.success)} success, ${int(f.syncs.partial)} partial, ${int(f.syncs.failed)} failed (${int(f.syncs.per_day)} a day)`,
    `first sync after publish: ${f.first_sync.posts} posts, p50 ${f.first_sync.delay_p50_min} min, p95 ${f.first_sync.delay_p95_min} min, max ${f.first_sync.delay_max_min} min`,
    `starvation: ${f.tolerance}`,
    `max budget used: ${f.max_budget_used_pct} % of a window`,
    `sandbox answers: ${Object.entries(f.sandbox_statuses).map(([k, v]) => `${k}: ${int(v)}`).join(", ")}`,
    `snapshots: ${int(s.rows_at_start)} rows at the start, ${int(s.rows_at_end)} at the end (${mb(s.table_bytes_start)} -> ${mb(s.table_bytes_end)} MB table and indexes on disk; rows ${s.avg_row_bytes} B of data)` +
      (s.history ? `; the seeded history window held ${int(s.history.rows_without_retention)} rows without retention, ${int(s.history.rows_kept)} with` : ""),
    `snapshots by day (inserted / pruned): ${s.days.map((d) => `${d.day}: +${int(d.inserted)} -${int(d.pruned)}`).join(", ")}`,
    `real time: ${f.real_s.total} s (${f.real_s.per_simulated_day} s a simulated day; jobs: due ${f.real_s.due} s, nightly ${f.real_s.nightly} s, prune ${f.real_s.prune} s; bookkeeping ${f.real_s.bookkeeping} s); ` +
      `${int(f.counts.steps)} steps, ${f.counts.nightly_runs} nightly sweeps, ${f.counts.prune_runs} prunes`,
  ]
}

export function formatText(f: SimFigures): string {
  const out: string[] = []
  for (const t of simTables(f)) {
    const widths = t.header.map((h, i) => Math.max(h.length, ...t.rows.map((r) => (r[i] ?? "").length)))
    const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ")
    out.push(t.title, line(t.header), widths.map((w) => "-".repeat(w)).join("  "), ...t.rows.map(line), "")
  }
  out.push(...summaryLines(f))
  return out.join("\n")
}

export function formatMarkdown(f: SimFigures): string {
  const out: string[] = []
  for (const t of simTables(f)) {
    out.push(`**${t.title}**`, "", `| ${t.header.join(" | ")} |`, `|${t.header.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`, ...t.rows.map((r) => `| ${r.join(" | ")} |`), "")
  }
  out.push(...summaryLines(f).map((l) => `- ${l}`))
  return out.join("\n")
}
