/**
 * `npm run sandbox`: serves the seeded data set until Ctrl-C and prints the env lines to paste
 * into the app's .env.
 *
 * Env / flags (flags win):
 *   SANDBOX_PORT / --port=4010        0 picks a free port
 *   SANDBOX_HOST / --host=127.0.0.1
 *   SANDBOX_LATENCY_MS / --latency=0  added to every platform response
 *   SANDBOX_JITTER_MS / --jitter=0    random extra 0..N ms
 *   SANDBOX_SEED / --seed=1           deterministic data set
 *   SANDBOX_RATE_LIMITS=off / --no-rate-limits
 *   --workload=N                      also load N posts per family (generateWorkload)
 */
import { DEMO_TOKENS, generateWorkload, startSandbox } from "./index"

function flag(name: string): string | undefined {
  const prefix = `--${name}=`
  const hit = process.argv.slice(2).find((a) => a === `--${name}` || a.startsWith(prefix))
  if (!hit) return undefined
  return hit.startsWith(prefix) ? hit.slice(prefix.length) : "true"
}

function numberSetting(name: string, envName: string, fallback: number): number {
  const raw = flag(name) ?? process.env[envName]
  if (raw === undefined || raw === "") return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0) {
    console.error(`sandbox: ${name} must be a non-negative number, got "${raw}"`)
    process.exit(2)
  }
  return value
}

async function main(): Promise<void> {
  const rateLimitsOff = flag("no-rate-limits") !== undefined || /^(off|false|0)$/i.test(process.env.SANDBOX_RATE_LIMITS ?? "")
  const seed = numberSetting("seed", "SANDBOX_SEED", 1)
  const sandbox = await startSandbox({
    port: numberSetting("port", "SANDBOX_PORT", 4010),
    host: flag("host") ?? process.env.SANDBOX_HOST ?? "127.0.0.1",
    latencyMs: numberSetting("latency", "SANDBOX_LATENCY_MS", 0),
    jitterMs: numberSetting("jitter", "SANDBOX_JITTER_MS", 0),
    seed,
    rateLimits: !rateLimitsOff,
  })
  const workload = numberSetting("workload", "SANDBOX_WORKLOAD", 0)
  if (workload > 0) {
    const { accounts: _accounts, ...fixtures } = generateWorkload({ seed, instagram: workload, facebook: workload, x: workload, linkedin: workload })
    sandbox.addFixtures(fixtures)
  }

  const lines = [
    "# Platform sandbox is running. Paste into .env:",
    ...Object.entries(sandbox.env).map(([k, v]) => `${k}=${v}`),
    "",
    "# Demo tokens:",
    `#   Facebook Page + linked Instagram: ${DEMO_TOKENS.meta}`,
    `#   Instagram (Instagram Login):      ${DEMO_TOKENS.instagram}`,
    `#   X:                                ${DEMO_TOKENS.x}`,
    `#   LinkedIn:                         ${DEMO_TOKENS.linkedin}`,
    "",
    `# Control: ${sandbox.url}/_control/stats | /_control/log | POST /_control/reset | POST /_control/fixtures | POST /_control/faults`,
    `# Rate limits ${rateLimitsOff ? "OFF" : "on"}; seed ${seed}${workload ? `; +${workload} workload posts per family` : ""}. Ctrl-C to stop.`,
  ]
  console.log(lines.join("\n"))

  const shutdown = (): void => {
    sandbox.stop().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  }
  process.on("SIGINT", shutdown)
  process.on("SIGTERM", shutdown)
}

main().catch((e: Error) => {
  console.error(`sandbox: ${e.message}`)
  process.exit(1)
})
