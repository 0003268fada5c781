/* eslint-disable no-console */
import { writeFileSync } from "node:fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { readSocialsOptions } from "../src/modules/socials/utils/module-options"
import { resolveSnapshotRetention, type SnapshotRetentionOptions } from "../src/modules/socials/retention/policy"
import { startSandbox } from "../sandbox/server"
import { installVirtualClock } from "./clock"
import { readSimConfig } from "./config"
import { computeSimFigures } from "./figures"
import { runSimulation } from "./run"
import { seedSimulation } from "./seed"
import { buildSimWorkload } from "./workload"

/**
 * `medusa exec ./sim/exec.ts` (started by `npm run simulate`): the sandbox in this process
 * (rate limits on, no latency), the virtual clock, the seed, the run, the figures.
 */
export default async function simulate({ container }: ExecArgs) {
  const config = readSimConfig()
  const t0 = performance.now()
  const workload = buildSimWorkload(config.workload)
  const clock = installVirtualClock(workload.spec.start)
  const sandbox = await startSandbox({ port: config.sandboxPort, latencyMs: 0, jitterMs: 0, rateLimits: true, fixtures: workload.fixtures })
  sandbox.threads.setFixtures(workload.threads)
  try {
    const retention = resolveSnapshotRetention(readSocialsOptions().snapshotRetention as SnapshotRetentionOptions | false | undefined)
    const seeded = await seedSimulation(container, workload, { start: config.start, history: config.history, retention, stepMs: config.stepMs })
    const seedS = (performance.now() - t0) / 1000
    console.log(
      `sim: seeded ${workload.accounts.length} accounts, ${seeded.postIds.size} posts published before the start, ${seeded.pending.length} to publish during the run, ` +
        `${seeded.history.rowsKept} history snapshots (${seedS.toFixed(0)} s)`
    )
    const raw = await runSimulation(container, sandbox, clock, workload, seeded, { stepMs: config.stepMs, progress: (line) => console.log(`sim: ${line}`) })
    const figures = computeSimFigures(raw, seeded.history)
    writeFileSync(config.outFile, JSON.stringify({ figures, days: raw.days, seed_s: seedS, history_days: workload.spec.historyDays, accounts: workload.accounts.length }))
  } finally {
    clock.uninstall()
    await sandbox.stop()
  }
}
