/* eslint-disable no-console */
import { spawn } from "node:child_process"
import { randomBytes } from "node:crypto"
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { Client } from "pg"
import { startSandbox } from "../sandbox/server"
import type { BenchConfig } from "./config"
import { computeFigures, type Settings } from "./figures"
import { checkTargets, formatMarkdownTable, formatTable } from "./report"
import type { RunResult } from "./results"
import { writeDocsBlock } from "./docs"
import { replaySpecPlan } from "./spec-plan"
import { buildWorkload } from "./workload"

const ROOT = path.join(__dirname, "..")
const RESULTS = path.join(ROOT, "bench", "results")
/**
 * V8 old-space cap of the measured process. Without a cap V8 lets a sync's garbage
 * pile up (about 730 MB RSS at 10,000 posts while the live heap stays near 120 MB).
 */
const DEFAULT_MAX_OLD_SPACE_MB = 384
const MEDUSA_CLI = path.join(ROOT, "node_modules", "@medusajs", "cli", "cli.js")

interface Args extends Settings {
  perPlatform: boolean
  keepDb: boolean
  specLatency: boolean
  redis: boolean
  heap: boolean
  /** A directory: the measured process writes a V8 CPU profile there. */
  profile?: string
  seedOrder: "time" | "account"
  writeDocs: boolean
  /** V8 old-space cap of the measured process, in MB (a deployment setting; unset = Node's default). */
  maxOldSpaceMb?: number
}

function parseArgs(argv: string[]): Args {
  const flags = new Map<string, string>()
  for (const arg of argv) {
    const [key, value] = arg.replace(/^--/, "").split("=")
    flags.set(key, value ?? "true")
  }
  // `--posts 10000` as well as `--posts=10000`
  argv.forEach((arg, i) => {
    if (arg.startsWith("--") && !arg.includes("=") && argv[i + 1] && !argv[i + 1].startsWith("--")) flags.set(arg.slice(2), argv[i + 1])
  })
  const num = (key: string, fallback: number) => {
    const value = Number(flags.get(key) ?? fallback)
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${key} must be a non-negative number`)
    return value
  }
  return {
    posts: num("posts", 1_000),
    accounts: num("accounts", 10),
    seed: num("seed", 1),
    latencyMs: num("latency", 100),
    jitterMs: num("jitter", 20),
    concurrency: num("concurrency", Number(process.env.SOCIALS_SYNC_CONCURRENCY ?? 5)),
    pageSize: num("page-size", 500),
    commentsLimit: Number(process.env.SOCIALS_COMMENTS_LIMIT ?? 100),
    perPlatform: flags.get("per-platform") !== "false" && !flags.has("no-per-platform"),
    keepDb: flags.has("keep-db"),
    specLatency: flags.has("spec-latency"),
    redis: flags.has("redis"),
    heap: flags.has("heap"),
    profile: flags.get("profile"),
    seedOrder: flags.get("order") === "account" ? "account" : "time",
    writeDocs: flags.has("write-docs"),
    // The worker setting docs/deployment.md recommends; --max-old-space=0 runs with Node's default.
    maxOldSpaceMb: num("max-old-space", DEFAULT_MAX_OLD_SPACE_MB) || undefined,
  }
}

function medusa(args: string[], env: NodeJS.ProcessEnv, logFile: string, nodeArgs: string[] = []): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, MEDUSA_CLI, ...args], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] })
    const chunks: Buffer[] = []
    child.stdout.on("data", (b: Buffer) => {
      chunks.push(b)
      for (const line of b.toString().split("\n")) if (line.startsWith("bench:")) console.log(`  ${line}`)
    })
    child.stderr.on("data", (b: Buffer) => chunks.push(b))
    child.on("exit", (code) => {
      writeFileSync(logFile, Buffer.concat(chunks))
      if (code === 0) resolve()
      else reject(new Error(`medusa ${args.join(" ")} exited with ${code}; see ${logFile}\n${Buffer.concat(chunks).toString().slice(-3000)}`))
    })
  })
}

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: `${serverUrl()}/postgres` })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

const serverUrl = () => process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432"

export async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv)
  const now = Date.now()
  const stamp = new Date(now).toISOString().replace(/[:.]/g, "-")
  const tmp = mkdtempSync(path.join(os.tmpdir(), "socials-bench-"))
  const database = `socials_bench_${process.pid}_${now}`
  const timings: Record<string, number> = {}
  let finished = false
  const t = () => performance.now()

  console.log(
    `bench: ${args.posts} posts over ${args.accounts} accounts (created in ${args.seedOrder} order), latency ${args.latencyMs}+0..${args.jitterMs} ms, ` +
      `concurrency ${args.concurrency}, pages of ${args.pageSize}`
  )
  let t0 = t()
  const { accounts, ...fixtures } = buildWorkload({ posts: args.posts, accounts: args.accounts, seed: args.seed, now })
  const workload = { ...fixtures, accounts }
  const sandbox = await startSandbox({ port: 0, latencyMs: args.latencyMs, jitterMs: args.jitterMs, rateLimits: false, seed: args.seed, fixtures })
  timings.workload_s = (t() - t0) / 1000

  try {
    t0 = t()
    await adminQuery(`create database "${database}"`)
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...sandbox.env,
      DATABASE_URL: `${serverUrl()}/${database}`,
      SOCIALS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      SOCIALS_SYNC_CONCURRENCY: String(args.concurrency),
      MEDUSA_DISABLE_TELEMETRY: "true",
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
      BENCH_CONFIG: path.join(tmp, "config.json"),
      // The sandbox's rate limits are off; our own call budgets (200 calls an hour per
      // Meta account by default) would stop a 10,000-post run, so they are lifted too.
      SOCIALS_BUDGETS: JSON.stringify(Object.fromEntries(["instagram", "facebook", "twitter", "linkedin"].map((p) => [p, { limit: 1e9, windowMs: 60_000 }]))),
      ...(args.heap ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --expose-gc`.trim() } : {}),
    }
    if (!args.redis) delete env.REDIS_URL
    const config: BenchConfig = {
      workload: { posts: args.posts, accounts: args.accounts, seed: args.seed, now },
      seedOrder: args.seedOrder,
      pageSize: args.pageSize,
      perPlatform: args.perPlatform,
      sandboxUrl: sandbox.url,
      outFile: path.join(tmp, "run.json"),
    }
    writeFileSync(config.outFile.replace("run.json", "config.json"), JSON.stringify(config))
    await medusa(["db:migrate"], env, path.join(tmp, "migrate.log"))
    timings.migrate_s = (t() - t0) / 1000
    t0 = t()
    await medusa(["exec", "./bench/seed.ts"], env, path.join(tmp, "seed.log"))
    timings.seed_s = (t() - t0) / 1000
    t0 = t()
    const nodeArgs = [
      ...(args.profile ? ["--cpu-prof", `--cpu-prof-dir=${args.profile}`] : []),
      ...(args.maxOldSpaceMb ? [`--max-old-space-size=${args.maxOldSpaceMb}`] : []),
    ]
    await medusa(["exec", "./bench/run.ts"], env, path.join(tmp, "run.log"), nodeArgs)
    timings.run_s = (t() - t0) / 1000
    const run = JSON.parse(readFileSync(config.outFile, "utf8")) as RunResult

    t0 = t()
    if (!args.specLatency) sandbox.setOptions({ latencyMs: 0, jitterMs: 0 })
    sandbox.reset()
    const spec = await replaySpecPlan(workload, sandbox.urls)
    timings.spec_plan_s = (t() - t0) / 1000

    const figures = computeFigures(workload, run, spec, args)
    const total = figures.rows.total
    if (!total) throw new Error("the run produced no total phase")
    const targets = checkTargets(figures, args.posts)
    const result = {
      at: new Date(now).toISOString(),
      settings: args,
      // The machine may be shared: its load at the end of the run says how far to trust the times.
      machine: { cpus: os.cpus().length, cpu_model: os.cpus()[0]?.model, memory_gb: Math.round(os.totalmem() / 1e9), node: process.version, platform: `${os.platform()} ${os.release()}`, load_avg_1m: Math.round(os.loadavg()[0] * 10) / 10 },
      requests_ratio: total.requests_ratio,
      time_ratio: total.time_ratio,
      sync_overhead_rss_mb: total.sync_overhead_rss_mb,
      peak_rss_mb: total.peak_rss_mb,
      rate_limit_units_per_post: Math.round((total.rate_limit_units / Math.max(1, total.posts)) * 1000) / 1000,
      spec_plan_requests_ratio: Math.round((figures.spec_plan.requests.total / Math.max(1, total.http_requests)) * 100) / 100,
      baseline_rss_mb: Math.round(run.baseline_rss_mb),
      after_warmup_rss_mb: Math.round(run.after_warmup_rss_mb),
      targets,
      figures,
      phases: run.phases.map((p) => ({ name: p.name, wall_ms: Math.round(p.wall_ms), outcomes: p.outcomes, codes: p.codes, hook: p.hook, fetches: p.fetches, request_mean_ms: p.request_mean_ms, sandbox: p.sandbox, latency: p.latency, persist: p.persist, pages: p.pages })),
      timings,
      markdown_table: formatMarkdownTable(figures),
    }
    mkdirSync(RESULTS, { recursive: true })
    for (const name of [`${stamp}.json`, "latest.json", `latest-${args.posts}.json`]) writeFileSync(path.join(RESULTS, name), JSON.stringify(result, null, 2))

    console.log("")
    console.log(formatTable(figures))
    console.log("")
    const sp = figures.spec_plan
    console.log(
      `spec plan (sequential replay${args.specLatency ? "" : " at 0 ms, time estimated"}): ${sp.requests.total} requests ` +
        `(IG ${sp.requests.instagram}, FB ${sp.requests.facebook}, X ${sp.requests.twitter}, LinkedIn ${sp.requests.linkedin}), ` +
        `~${sp.estimated_sequential_s} s at ${args.latencyMs + args.jitterMs / 2} ms each; spec_plan_requests_ratio ${result.spec_plan_requests_ratio}`
    )
    console.log(
      `headline: requests_ratio ${result.requests_ratio}, time_ratio ${result.time_ratio}, ` +
        `sync_overhead_rss_mb ${result.sync_overhead_rss_mb} (over ${result.after_warmup_rss_mb} after boot and warm-up), peak_rss_mb ${result.peak_rss_mb} (after boot ${result.baseline_rss_mb}), ` +
        `rate_limit_units_per_post ${result.rate_limit_units_per_post}, spec_plan_requests_ratio ${result.spec_plan_requests_ratio}`
    )
    for (const c of targets) console.log(`  [${c.met === "n/a" ? "n/a" : c.met ? "met" : "MISSED"}] ${c.target}: ${c.value}`)
    if (args.writeDocs) {
      const m = result.machine
      const written = writeDocsBlock(path.join(ROOT, "docs", "performance.md"), {
        posts: args.posts,
        at: result.at.slice(0, 16).replace("T", " ") + " UTC",
        machine: `${m.cpus} cores (${m.cpu_model}), ${m.memory_gb} GB, Node ${m.node}, ${m.platform}, load average ${m.load_avg_1m} at the end`,
        settings:
          `${args.accounts} accounts, posts created in ${args.seedOrder} order, latency ${args.latencyMs} ms + 0..${args.jitterMs} ms jitter, ` +
          `concurrency ${args.concurrency}, pages of ${args.pageSize}, measured process --max-old-space-size=${args.maxOldSpaceMb ?? "default"}`,
        table: formatMarkdownTable(figures),
        headline:
          `Headline: \`requests_ratio\` ${result.requests_ratio}, \`time_ratio\` ${result.time_ratio}, ` +
          `\`sync_overhead_rss_mb\` ${result.sync_overhead_rss_mb} (over ${result.after_warmup_rss_mb} MB after boot and warm-up), \`peak_rss_mb\` ${result.peak_rss_mb} ` +
          `(${result.baseline_rss_mb} after boot), \`rate_limit_units_per_post\` ${result.rate_limit_units_per_post}, \`spec_plan_requests_ratio\` ${result.spec_plan_requests_ratio}.`,
        specPlan:
          `Spec call plan for the same posts: ${sp.requests.total} requests (Instagram ${sp.requests.instagram}, Facebook ${sp.requests.facebook}, ` +
          `X ${sp.requests.twitter}, LinkedIn ${sp.requests.linkedin}); sequential at this latency that is about ${sp.estimated_sequential_s} s.`,
        targets,
      })
      console.log(written ? `docs/performance.md: figures for ${args.posts} posts updated` : `docs/performance.md has no bench:${args.posts} block: not updated`)
    }
    finished = true
    console.log(`\nwritten: bench/results/${stamp}.json, bench/results/latest.json (phases: ${Object.entries(timings).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(", ")})`)
  } finally {
    await sandbox.stop()
    if (!args.keepDb) await adminQuery(`drop database if exists "${database}"`).catch((e: Error) => console.error(`could not drop ${database}: ${e.message}`))
    else console.log(`kept database ${database}`)
    // Logs of a failed run stay for a look.
    if (finished) rmSync(tmp, { recursive: true, force: true })
    else console.error(`logs kept in ${tmp}`)
  }
}
