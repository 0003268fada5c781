import { readFileSync } from "node:fs"
import type { SeedOrder, WorkloadSpec } from "./workload"

/** What the orchestrator hands to the `medusa exec` scripts (a JSON file named by BENCH_CONFIG). */
export interface BenchConfig {
  workload: WorkloadSpec
  seedOrder: SeedOrder
  /** Posts per workflow run (the admin route allows at most 500). */
  pageSize: number
  /** Also run one forced bulk sync per provider (for the per-platform rows). */
  perPlatform: boolean
  sandboxUrl: string
  /** Where run.ts writes its measurements. */
  outFile: string
}

export function readBenchConfig(): BenchConfig {
  const file = process.env.BENCH_CONFIG
  if (!file) throw new Error("BENCH_CONFIG is not set: run the benchmark with `npm run bench`")
  return JSON.parse(readFileSync(file, "utf8")) as BenchConfig
}
