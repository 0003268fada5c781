/* eslint-disable no-console */
import { spawn, type ChildProcess } from "node:child_process"
import { randomBytes } from "node:crypto"
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, createWriteStream } from "node:fs"
import os from "node:os"
import path from "node:path"
import { startSandbox } from "../../sandbox/server"
import { ARTIFACTS, createDatabase, freePort, prepareServerCopy, ROOT } from "../../integration-tests/browser/support/medusa-app"
import type { BenchConfig } from "../config"
import { buildWorkload } from "../workload"

/**
 * `npm run bench:server`: a production build (`medusa build`, `medusa start` in a
 * copy of .medusa/server, as the browser tests run it) serving `--runs` consecutive
 * forced bulk syncs of `--posts` posts over HTTP (POST /admin/social-posts/sync-all-insights)
 * against the sandbox. Reads the server's RSS from /proc (VmRSS; VmHWM reset before
 * each run for its peak) and, through bench/server/gc-hook.js (preloaded with
 * --expose-gc, bench only), its memory after a forced full GC.
 */
const MEDUSA_CLI = path.join(ROOT, "node_modules", "@medusajs", "cli", "cli.js")
const GC_HOOK = path.join(__dirname, "gc-hook.js")

const mb = (kb: number) => Math.round(kb / 1024)

function procStatus(pid: number): { rss_mb: number; hwm_mb: number } {
  const text = readFileSync(`/proc/${pid}/status`, "utf8")
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? 0)
  return { rss_mb: mb(kb("VmRSS")), hwm_mb: mb(kb("VmHWM")) }
}

/** Linux: writing 5 to clear_refs resets the peak RSS (VmHWM) to the current RSS. */
const resetPeak = (pid: number) => writeFileSync(`/proc/${pid}/clear_refs`, "5")

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv, log: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(log, { flags: "a" })
    const child = spawn(process.execPath, [MEDUSA_CLI, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] })
    child.stdout.pipe(out)
    child.stderr.pipe(out)
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`medusa ${args[0]} exited ${code}; see ${log}`))))
  })
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`${what}: no answer within ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** SIGUSR2 to the hook: full GC, then its memoryUsage in the report file. */
type GcMemory = { rss_mb: number; heap_mb: number; heap_total_mb: number; external_mb: number; array_buffers_mb: number }

async function memoryAfterGc(pid: number, report: string): Promise<GcMemory> {
  rmSync(report, { force: true })
  process.kill(pid, "SIGUSR2")
  const json = await waitFor("gc hook", () => (existsSync(report) ? (JSON.parse(readFileSync(report, "utf8")) as NodeJS.MemoryUsage) : undefined), 30_000)
  const m = (bytes: number) => Math.round(bytes / 1_048_576)
  // RSS beyond heapTotal + external is native memory (malloc arenas, code space, thread stacks).
  return { rss_mb: m(json.rss), heap_mb: m(json.heapUsed), heap_total_mb: m(json.heapTotal), external_mb: m(json.external), array_buffers_mb: m(json.arrayBuffers) }
}

function parseArgs(argv: string[]) {
  const value = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`)
    const n = Number(i >= 0 ? argv[i + 1] : fallback)
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number`)
    return n
  }
  return { runs: value("runs", 10), posts: Math.min(500, value("posts", 500)), maxOldSpaceMb: value("max-old-space", 0), latencyMs: value("latency", 100), jitterMs: value("jitter", 20) }
}

export async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv)
  const now = Date.now()
  const tmp = mkdtempSync(path.join(os.tmpdir(), "socials-bench-server-"))
  const log = path.join(tmp, "medusa.log")
  mkdirSync(ARTIFACTS, { recursive: true })
  const spec = { posts: args.posts, accounts: 10, seed: 1, now }
  const { accounts: _accounts, ...fixtures } = buildWorkload(spec)
  const sandbox = await startSandbox({ port: 0, latencyMs: args.latencyMs, jitterMs: args.jitterMs, rateLimits: false, seed: 1, fixtures })
  const copy = await prepareServerCopy()
  console.log(`bench:server: build ${copy.built ? `made in ${(copy.buildMs / 1000).toFixed(0)} s` : "up to date"}, copy in ${path.relative(ROOT, copy.dir)}`)
  const db = await createDatabase()
  let child: ChildProcess | undefined
  let done = false
  try {
    const port = await freePort()
    const url = `http://localhost:${port}`
    const configFile = path.join(tmp, "config.json")
    const config: BenchConfig = { workload: spec, seedOrder: "time", pageSize: args.posts, perPlatform: false, sandboxUrl: sandbox.url, outFile: path.join(tmp, "unused.json") }
    writeFileSync(configFile, JSON.stringify(config))
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...sandbox.env,
      NODE_ENV: "production",
      MEDUSA_DISABLE_TELEMETRY: "true",
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
      DATABASE_URL: db.url,
      JWT_SECRET: randomBytes(24).toString("hex"),
      COOKIE_SECRET: randomBytes(24).toString("hex"),
      SOCIALS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      ADMIN_CORS: url,
      AUTH_CORS: url,
      STORE_CORS: url,
      PORT: String(port),
      BENCH_CONFIG: configFile,
      // As in `npm run bench`: the sandbox's rate limits are off, so are our budgets.
      SOCIALS_BUDGETS: JSON.stringify(Object.fromEntries(["instagram", "facebook", "twitter", "linkedin"].map((p) => [p, { limit: 1e9, windowMs: 60_000 }]))),
    }
    delete env.REDIS_URL
    delete env.NODE_OPTIONS
    for (const key of Object.keys(env)) if (key.startsWith("VITEST")) delete env[key]
    await run(["db:migrate"], copy.dir, env, log)
    // Seeded from the sources (same migrations, same module): the server only reads the rows.
    await run(["exec", "./bench/seed.ts"], ROOT, { ...env, NODE_ENV: "development" }, log)
    const email = "bench@example.com"
    const password = randomBytes(12).toString("hex")
    await run(["user", "-e", email, "-p", password], copy.dir, env, log)

    const report = path.join(tmp, "gc.json")
    const nodeOptions = ["--expose-gc", `-r ${GC_HOOK}`, ...(args.maxOldSpaceMb ? [`--max-old-space-size=${args.maxOldSpaceMb}`] : [])].join(" ")
    const out = createWriteStream(log, { flags: "a" })
    child = spawn(process.execPath, [MEDUSA_CLI, "start", "--port", String(port)], { cwd: copy.dir, env: { ...env, NODE_OPTIONS: nodeOptions, BENCH_GC_REPORT: report }, stdio: ["ignore", "pipe", "pipe"] })
    child.stdout!.pipe(out)
    child.stderr!.pipe(out)
    await waitFor("medusa start /health", () => fetch(`${url}/health`).then((r) => (r.ok ? true : undefined), () => undefined), 120_000)
    const pid = Number(await waitFor("gc hook pid", () => (existsSync(`${report}.pid`) ? readFileSync(`${report}.pid`, "utf8") : undefined), 10_000))

    const auth = (await (await fetch(`${url}/auth/user/emailpass`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) })).json()) as { token?: string }
    if (!auth.token) throw new Error("admin login failed")
    const boot = procStatus(pid)
    const bootGc = await memoryAfterGc(pid, report)
    console.log(`bench:server: pid ${pid}, RSS after boot ${boot.rss_mb} MB; after a forced GC ${bootGc.rss_mb} MB (heap ${bootGc.heap_mb} MB)`)

    const runs: { run: number; ms: number; synced: number; failed: number; peak_rss_mb: number; rss_after_mb: number }[] = []
    for (let i = 1; i <= args.runs; i++) {
      resetPeak(pid)
      const start = performance.now()
      const res = await fetch(`${url}/admin/social-posts/sync-all-insights`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${auth.token}` },
        body: JSON.stringify({ limit: args.posts, force: true }),
      })
      const body = (await res.json()) as { success?: number; failed?: number; total?: number }
      if (!res.ok) throw new Error(`sync-all-insights answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`)
      const ms = performance.now() - start
      const status = procStatus(pid)
      const row = { run: i, ms: Math.round(ms), synced: body.success ?? 0, failed: body.failed ?? 0, peak_rss_mb: status.hwm_mb, rss_after_mb: status.rss_mb }
      runs.push(row)
      console.log(`bench:server: run ${i}: ${row.synced} synced, ${row.failed} failed in ${(ms / 1000).toFixed(1)} s; peak RSS ${row.peak_rss_mb} MB, after ${row.rss_after_mb} MB`)
    }
    const endGc = await memoryAfterGc(pid, report)
    const result = {
      at: new Date(now).toISOString(),
      settings: args,
      machine: { cpus: os.cpus().length, node: process.version, load_avg: os.loadavg().map((l) => Math.round(l * 100) / 100) },
      build: { built: copy.built, ms: copy.buildMs },
      rss_after_boot_mb: boot.rss_mb,
      after_boot_gc: bootGc,
      runs,
      after_runs_gc: endGc,
      // Growth across runs: after a full GC, the end against boot (what the runs left behind).
      retained_after_gc_mb: endGc.rss_mb - bootGc.rss_mb,
      retained_heap_after_gc_mb: endGc.heap_mb - bootGc.heap_mb,
      // Each run's peak over the RSS it started from (the first starts right after the boot GC).
      max_growth_in_one_run_mb: Math.max(...runs.map((r, i) => r.peak_rss_mb - (i === 0 ? bootGc.rss_mb : runs[i - 1].rss_after_mb))),
    }
    const results = path.join(ROOT, "bench", "results")
    mkdirSync(results, { recursive: true })
    writeFileSync(path.join(results, "latest-server.json"), JSON.stringify(result, null, 2))
    console.log(`bench:server: after boot + GC ${JSON.stringify(bootGc)}; after the runs + GC ${JSON.stringify(endGc)}`)
    console.log(`bench:server: after the runs and a forced GC ${endGc.rss_mb} MB RSS (heap ${endGc.heap_mb} MB): ${result.retained_after_gc_mb} MB RSS / ${result.retained_heap_after_gc_mb} MB heap over boot`)
    console.log(`bench:server: largest growth within one run ${result.max_growth_in_one_run_mb} MB; written bench/results/latest-server.json`)
    done = true
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once("exit", r))
      child.kill("SIGTERM")
      const timer = setTimeout(() => child!.kill("SIGKILL"), 5_000)
      await exited
      clearTimeout(timer)
    }
    await sandbox.stop()
    await db.drop().catch((e: Error) => console.error(`could not drop ${db.name}: ${e.message}`))
    copy.remove()
    if (done) rmSync(tmp, { recursive: true, force: true })
    else console.error(`logs kept in ${tmp}`)
  }
}
