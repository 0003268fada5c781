/* eslint-disable no-console */
import { spawn } from "node:child_process"
import { randomBytes } from "node:crypto"
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import { Client } from "pg"
import { sandboxEnv, sandboxUrls } from "../sandbox/handle"
import type { SimConfig } from "./config"
import type { SimFigures } from "./figures"
import { formatMarkdown, formatText } from "./report"
import type { DayRecord } from "./run"
import { resolveHistoryDays, SIM_DEFAULT_START, SIM_PROVIDERS, type SimProvider } from "./workload"

const ROOT = path.join(__dirname, "..")
const RESULTS = path.join(ROOT, "sim", "results")
const MEDUSA_CLI = path.join(ROOT, "node_modules", "@medusajs", "cli", "cli.js")
/** Reads per X account and month ($50 at the default $0.005 a read); `--x-cap 0` runs without a cap. */
const DEFAULT_X_CAP = 10_000

interface Args {
  posts: number
  /** Accounts per platform. */
  accounts: number
  days: number
  seed: number
  json?: string
  stepMinutes: number
  start: "warm" | "cold"
  history: boolean
  historyDays?: number
  platforms: SimProvider[]
  xCap: number
  startAt: string
  keepDb: boolean
  /** A directory: the Medusa process writes a V8 CPU profile there. */
  profile?: string
}

function parseArgs(argv: string[]): Args {
  const flags = new Map<string, string>()
  argv.forEach((arg, i) => {
    if (!arg.startsWith("--")) return
    const [key, value] = arg.slice(2).split("=")
    if (value !== undefined) flags.set(key, value)
    else if (argv[i + 1] && !argv[i + 1].startsWith("--")) flags.set(key, argv[i + 1])
    else flags.set(key, "true")
  })
  const num = (key: string, fallback: number) => {
    const value = Number(flags.get(key) ?? fallback)
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${key} must be a non-negative number`)
    return value
  }
  const platforms = (flags.get("platforms") ?? SIM_PROVIDERS.join(",")).split(",").map((p) => (p === "x" ? "twitter" : p)) as SimProvider[]
  for (const p of platforms) if (!SIM_PROVIDERS.includes(p)) throw new Error(`--platforms: unknown platform ${p} (known: ${SIM_PROVIDERS.join(", ")})`)
  // --accounts is per platform; --accounts-total divides a total over the platforms (the issue's "50 accounts").
  const accounts = flags.has("accounts-total") ? Math.max(1, Math.round(num("accounts-total", 50) / platforms.length)) : num("accounts", Math.round(50 / platforms.length))
  return {
    posts: num("posts", 100_000),
    accounts: Math.max(1, accounts),
    days: num("days", 7),
    seed: num("seed", 1),
    json: flags.get("json"),
    stepMinutes: num("step-minutes", 1),
    start: flags.get("start") === "cold" ? "cold" : "warm",
    history: !flags.has("no-history"),
    historyDays: flags.has("history-days") ? num("history-days", 0) : undefined,
    platforms,
    xCap: num("x-cap", DEFAULT_X_CAP),
    startAt: flags.get("start-at") ?? SIM_DEFAULT_START,
    keepDb: flags.has("keep-db"),
    profile: flags.get("profile"),
  }
}

const serverUrl = () => process.env.SIM_PG_URL ?? process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432"

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: `${serverUrl()}/postgres` })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port
      server.close(() => resolve(port))
    })
  })
}

function medusa(args: string[], env: NodeJS.ProcessEnv, logFile: string, nodeArgs: string[] = []): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, MEDUSA_CLI, ...args], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] })
    const chunks: Buffer[] = []
    child.stdout.on("data", (b: Buffer) => {
      chunks.push(b)
      for (const line of b.toString().split("\n")) if (line.startsWith("sim:")) console.log(`  ${line}`)
    })
    child.stderr.on("data", (b: Buffer) => chunks.push(b))
    child.on("exit", (code) => {
      writeFileSync(logFile, Buffer.concat(chunks))
      if (code === 0) resolve()
      else reject(new Error(`medusa ${args.join(" ")} exited with ${code}; see ${logFile}\n${Buffer.concat(chunks).toString().slice(-3000)}`))
    })
  })
}

/**
 * `npm run simulate`: a throw-away database, `db:migrate`, then one `medusa exec` process that
 * holds Medusa, the sandbox and the virtual clock (sim/exec.ts). Prints the figures and writes
 * JSON like the benchmark's (sim/results/, and --json <file>).
 */
export async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv)
  const now = Date.now()
  const stamp = new Date(now).toISOString().replace(/[:.]/g, "-")
  const tmp = mkdtempSync(path.join(os.tmpdir(), "socials-sim-"))
  const database = `socials_sim_${process.pid}_${now}`
  const start = Date.parse(args.startAt)
  if (!Number.isFinite(start)) throw new Error(`--start-at: not a date: ${args.startAt}`)
  const workload = { posts: args.posts, accounts: args.accounts, days: args.days, seed: args.seed, start, providers: args.platforms, historyDays: args.historyDays }
  const historyDays = resolveHistoryDays(workload)
  console.log(
    `sim: ${args.posts} posts over ${args.accounts} accounts per platform (${args.accounts * args.platforms.length} in all: ${args.platforms.join(", ")}), ` +
      `published over ${historyDays.toFixed(0)} days before the start and on through ${args.days} simulated days from ${new Date(start).toISOString()}; ${args.start} start, due job every ${args.stepMinutes} min, X cap ${args.xCap || "none"}`
  )
  let finished = false
  const timings: Record<string, number> = {}
  const t = () => performance.now()
  try {
    let t0 = t()
    await adminQuery(`create database "${database}"`)
    const port = await freePort()
    const root = `http://127.0.0.1:${port}`
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...sandboxEnv(root, sandboxUrls(root)),
      DATABASE_URL: `${serverUrl()}/${database}`,
      SOCIALS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      MEDUSA_DISABLE_TELEMETRY: "true",
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
      SIM_CONFIG: path.join(tmp, "config.json"),
      // No real waiting: on the virtual clock a sleep inside a request would only cost real time.
      SOCIALS_MAX_WAIT_MS: "0",
      SOCIALS_RETRY_BASE_DELAY_MS: "5",
      ...(args.xCap ? { SOCIALS_X_MONTHLY_READ_CAP: String(args.xCap) } : {}),
    }
    if (!args.xCap) delete env.SOCIALS_X_MONTHLY_READ_CAP
    // The in-memory budget store is what the simulation reads budgets from (and Redis would run on real time).
    delete env.REDIS_URL
    const config: SimConfig = { workload, start: args.start, history: args.history, stepMs: args.stepMinutes * 60_000, sandboxPort: port, outFile: path.join(tmp, "out.json") }
    writeFileSync(env.SIM_CONFIG!, JSON.stringify(config))
    await medusa(["db:migrate"], env, path.join(tmp, "migrate.log"))
    timings.migrate_s = (t() - t0) / 1000
    t0 = t()
    await medusa(["exec", "./sim/exec.ts"], env, path.join(tmp, "exec.log"), args.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(args.profile)}`] : [])
    timings.simulate_s = (t() - t0) / 1000
    const out = JSON.parse(readFileSync(config.outFile, "utf8")) as { figures: SimFigures; days: DayRecord[]; seed_s: number; history_days: number; accounts: number }
    timings.seed_s = out.seed_s
    const f = out.figures
    const starved = f.classes.reduce((s, c) => s + c.starved, 0)
    const never = f.classes.reduce((s, c) => s + c.never_synced, 0)
    const command = `npm run simulate -- ${argv.join(" ")}`.trim()
    const result = {
      at: new Date(now).toISOString(),
      command,
      settings: { ...args, history_days: out.history_days, accounts_total: out.accounts, start_at: new Date(start).toISOString() },
      machine: { cpus: os.cpus().length, cpu_model: os.cpus()[0]?.model, memory_gb: Math.round(os.totalmem() / 1e9), node: process.version, platform: `${os.platform()} ${os.release()}`, load_avg_1m: Math.round(os.loadavg()[0] * 10) / 10 },
      // Headline keys at the top level, as the benchmark's, so runs can be compared.
      max_budget_used_pct: f.max_budget_used_pct,
      starved_due_times: starved,
      never_synced_within_horizon: never,
      syncs_per_day: f.syncs.per_day,
      failed_syncs: f.syncs.failed,
      requests_per_day: f.requests_per_day.total.requests,
      rate_limit_units_per_day: f.requests_per_day.total.units,
      x_reads_per_day: f.x?.reads_per_day ?? null,
      x_projected_month_reads: f.x?.projected_month_reads ?? null,
      x_projected_month_spend_usd: f.x?.projected_month_spend_usd ?? null,
      x_cap_respected: f.x?.cap_respected ?? null,
      snapshot_rows_per_day_without_retention: f.snapshots.per_day_without_retention.rows,
      snapshot_rows_per_day_with_retention: f.snapshots.per_day_with_retention.rows,
      real_s_per_simulated_day: f.real_s.per_simulated_day,
      figures: f,
      days: out.days,
      timings,
      markdown: formatMarkdown(f),
    }
    mkdirSync(RESULTS, { recursive: true })
    const files = [`${stamp}.json`, "latest.json", `latest-${args.posts}.json`].map((n) => path.join(RESULTS, n))
    if (args.json) files.push(path.resolve(args.json))
    for (const file of files) writeFileSync(file, JSON.stringify(result, null, 2))
    console.log("")
    console.log(formatText(f))
    console.log("")
    console.log(
      `headline: max_budget_used_pct ${result.max_budget_used_pct}, starved_due_times ${starved}, never_synced_within_horizon ${never}, failed_syncs ${result.failed_syncs}, ` +
        `x_cap_respected ${result.x_cap_respected}, requests_per_day ${result.requests_per_day}, snapshot rows/day ${result.snapshot_rows_per_day_without_retention} without retention, ${result.snapshot_rows_per_day_with_retention} with`
    )
    console.log(`\nwritten: ${files.map((f) => path.relative(process.cwd(), f)).join(", ")} (${Object.entries(timings).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(", ")})`)
    finished = true
  } finally {
    if (!args.keepDb) await adminQuery(`drop database if exists "${database}"`).catch((e: Error) => console.error(`could not drop ${database}: ${e.message}`))
    else console.log(`kept database ${database}`)
    if (finished) rmSync(tmp, { recursive: true, force: true })
    else console.error(`logs kept in ${tmp}`)
  }
}
