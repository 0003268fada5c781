import { readFileSync } from "node:fs"
import type { SimStart } from "./seed"
import type { SimWorkloadSpec } from "./workload"

/** What the orchestrator (sim/main.ts) hands to the `medusa exec` script (a JSON file named by SIM_CONFIG). */
export interface SimConfig {
  workload: SimWorkloadSpec
  start: SimStart
  history: boolean
  stepMs: number
  /** The sandbox listens here, inside the Medusa process (it must read the same virtual clock). */
  sandboxPort: number
  /** Where exec.ts writes its figures. */
  outFile: string
}

export function readSimConfig(): SimConfig {
  const file = process.env.SIM_CONFIG
  if (!file) throw new Error("SIM_CONFIG is not set: run the simulation with `npm run simulate`")
  return JSON.parse(readFileSync(file, "utf8")) as SimConfig
}
