import { writeFileSync } from "node:fs"
import path from "node:path"
import v8 from "node:v8"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SOCIALS_MODULE } from "../src/modules/socials"
import type SocialsModuleService from "../src/modules/socials/service"
import { createRequestCounter } from "../src/modules/socials/platforms/http/request-hooks"
import type { SyncCursor } from "../src/modules/socials/services/select-posts"
import { syncAllPostInsightsWorkflow } from "../src/workflows/sync-all-post-insights"
import { readBenchConfig } from "./config"
import { countQueries, maxRssMb, percentile, recordPlatformFetches, sampleRss, type FetchRecord, type QueryTally } from "./measure"
import type { PhaseResult, RunResult } from "./results"
import { POST_ID_KEY, PROVIDERS, type Provider } from "./workload"

/** The part of the shared knex instance the benchmark uses. */
type Knex = {
  raw(sql: string, bindings?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>
  on(event: "query", listener: (data: { sql?: string }) => void): unknown
}

/**
 * `medusa exec ./bench/run.ts`: forced bulk syncs through the same workflow the
 * admin route runs, one page (`pageSize` posts) per run, measured from inside the
 * Medusa process. First all providers together (the headline), then optionally
 * each provider alone, with the sync state reset in between.
 */
export default async function runBench({ container }: ExecArgs) {
  const config = readBenchConfig()
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const socials = container.resolve<SocialsModuleService>(SOCIALS_MODULE)
  const baselineRssMb = process.memoryUsage.rss() / 1_048_576

  const fetches = recordPlatformFetches(config.sandboxUrl)
  const queries = countQueries(knex)
  const requests = createRequestCounter()
  socials.setRequestHook(requests.onRequest)
  const persist = timePersistence(socials, queries.batch)
  countXMeter(socials, queries.xMeterCall)
  const control = (path: string, method = "GET") =>
    fetches.original(`${config.sandboxUrl}/_control/${path}`, { method }).then((r) => r.json() as Promise<Record<string, unknown>>)

  const platforms = await socials.listSocialPlatforms({}, { select: ["id", "provider"], take: 10_000 })
  const phases: { name: string; providers: Provider[] }[] = [{ name: "total", providers: PROVIDERS }]
  if (config.perPlatform) phases.push(...PROVIDERS.map((p) => ({ name: p, providers: [p] })))

  // A long-lived worker has its code loaded and optimised: warm this process up with
  // a few posts of each provider (not measured), then start every phase from scratch.
  for (const provider of PROVIDERS) {
    const others = platforms.filter((p) => p.provider !== provider).map((p) => p.id)
    await syncAllPostInsightsWorkflow(container).run({ input: { limit: WARMUP_POSTS, force: true, exclude_platform_ids: others } })
  }
  // The sync's overhead is measured from here: the process booted, its code loaded and warm.
  const afterWarmupRssMb = process.memoryUsage.rss() / 1_048_576
  const afterWarmupMaxRssMb = maxRssMb()

  const results: PhaseResult[] = []
  for (const phase of phases) {
    await resetSyncState(knex)
    await control("reset", "POST")
    requests.reset()
    fetches.records.length = 0
    const exclude = platforms.filter((p) => !phase.providers.includes(p.provider as Provider)).map((p) => p.id)
    const rss = sampleRss()
    queries.take()
    persist.take()
    const { pageOfPost, ...measured } = await runPages(container, config.pageSize, exclude, queries.take, fetches.records)
    rss.stop()
    const sandbox = await control("stats")
    results.push({
      name: phase.name,
      providers: phase.providers,
      ...measured,
      hook: { requests: requests.total(), units: requests.units(), byPlatform: requests.byPlatform(), byOperation: requests.byOperation() },
      fetches: fetches.records.length,
      // What a platform request really took here (sandbox latency + its process + ours): above the sandbox's mean, the machine is loaded.
      request_mean_ms: fetches.records.reduce((sum, r) => sum + (r.end - r.start), 0) / Math.max(1, fetches.records.length),
      sandbox,
      latency: await postLatencies(knex, measured.pages, fetches.records, pageOfPost),
      persist: persist.take(),
      peak_rss_mb: rss.peakMb(),
      max_rss_mb: maxRssMb(),
    })
    // eslint-disable-next-line no-console
    console.log(`bench: ${phase.name}: ${measured.outcomes.synced} posts in ${(measured.wall_ms / 1000).toFixed(1)} s, ${requests.total()} requests`)
  }
  fetches.restore()
  socials.setRequestHook(undefined)
  const out: RunResult = { baseline_rss_mb: baselineRssMb, after_warmup_rss_mb: afterWarmupRssMb, after_warmup_max_rss_mb: afterWarmupMaxRssMb, phases: results }
  writeFileSync(config.outFile, JSON.stringify(out, null, 2))
}

/** Posts per provider synced once before measuring. */
const WARMUP_POSTS = 20

type PageRecord = PhaseResult["pages"][number]

/** With `--heap` the process runs with --expose-gc: after each page (outside its timing), the live heap. */
const collect = (globalThis as { gc?: () => void }).gc

async function runPages(container: ExecArgs["container"], pageSize: number, exclude: string[], takeQueries: () => QueryTally, fetched: FetchRecord[]) {
  // Like the scheduled sweep: keyset pages in sync order; posts synced by this run fall out of it.
  const syncedBefore = new Date().toISOString()
  let after: SyncCursor | undefined
  const pages: PageRecord[] = []
  const pageOfPost = new Map<string, number>()
  const outcomes = { synced: 0, success: 0, failed: 0, skipped: 0 }
  const codes: Record<string, number> = {}
  for (let page = 0; page < 10_000; page++) {
    takeQueries()
    const firstRequest = fetched.length
    const cpu = process.cpuUsage()
    const start = performance.now()
    const { result } = await syncAllPostInsightsWorkflow(container).run({
      input: { limit: pageSize, force: true, stale_only: true, synced_before: syncedBefore, after, exclude_platform_ids: exclude },
    })
    const end = performance.now()
    const used = process.cpuUsage(cpu)
    const memory = process.memoryUsage()
    const record: PageRecord = {
      start,
      end,
      posts: result.total,
      queries: takeQueries(),
      rss_mb: memory.rss / 1_048_576,
      heap_mb: memory.heapUsed / 1_048_576,
      // This process's CPU time during the page (JSON, merging, ORM, pg driver): local work the time bound counts as zero.
      cpu_ms: (used.user + used.system) / 1000,
      requests: requestsByFamily(fetched.slice(firstRequest)),
    }
    if (collect) {
      collect()
      record.live_heap_mb = process.memoryUsage().heapUsed / 1_048_576
    }
    writeHeapSnapshotAt(page)
    pages.push(record)
    for (const r of result.results) {
      pageOfPost.set(r.postId, page)
      outcomes[r.status] += 1
      if (r.code) codes[r.code] = (codes[r.code] ?? 0) + 1
    }
    if (!result.next_cursor || result.total < pageSize) break
    after = result.next_cursor
  }
  outcomes.synced = outcomes.success
  return { wall_ms: pages.reduce((sum, p) => sum + (p.end - p.start), 0), pages, outcomes, codes, pageOfPost }
}

/**
 * BENCH_HEAP_SNAPSHOTS=<dir> (with --heap): a V8 heap snapshot after the 5th and every 50th page, to
 * compare what stays alive from page to page (what a leak holds) in Chrome's DevTools or a script.
 */
function writeHeapSnapshotAt(page: number) {
  const dir = process.env.BENCH_HEAP_SNAPSHOTS
  if (!dir || !collect || (page !== 4 && (page + 1) % 50 !== 0)) return
  v8.writeHeapSnapshot(path.join(dir, `page-${String(page + 1).padStart(4, "0")}.heapsnapshot`))
}

function requestsByFamily(records: FetchRecord[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const r of records) out[r.family] = (out[r.family] ?? 0) + 1
  return out
}

/**
 * Per post: from the start of its page (the workflow run) to the last platform
 * answer that carried its id, and to the commit of its page.
 */
async function postLatencies(knex: Knex, pages: PageRecord[], records: FetchRecord[], pageOfPost: Map<string, number>) {
  const { rows } = await knex.raw(
    `select id, coalesce(${Object.values(POST_ID_KEY).map((k) => `insights->>'${k}'`).join(", ")}) as platform_post_id from social_post where deleted_at is null`
  )
  const postByPlatformId = new Map<string, string>()
  for (const row of rows) postByPlatformId.set(String(row.platform_post_id), String(row.id))
  const lastAnswer = new Map<string, number>()
  for (const record of records) {
    for (const candidate of record.candidates) {
      const postId = postByPlatformId.get(candidate)
      if (postId) lastAnswer.set(postId, Math.max(lastAnswer.get(postId) ?? 0, record.end))
    }
  }
  const fetched: number[] = []
  const committed: number[] = []
  for (const [postId, page] of pageOfPost) {
    const p = pages[page]
    committed.push(p.end - p.start)
    const answered = lastAnswer.get(postId)
    if (answered !== undefined) fetched.push(answered - p.start)
  }
  return {
    fetched_p50_ms: percentile(fetched, 50),
    fetched_p95_ms: percentile(fetched, 95),
    committed_p50_ms: percentile(committed, 50),
    committed_p95_ms: percentile(committed, 95),
  }
}

/** Time spent saving batches (the module's one-transaction write), to tell database time from waiting on platforms. */
function timePersistence(socials: SocialsModuleService, asBatch: <T>(posts: number, work: () => Promise<T>) => Promise<T>): { take(): { calls: number; ms: number } } {
  const original = socials.persistInsightsSync.bind(socials)
  let calls = 0
  let ms = 0
  socials.persistInsightsSync = async (...args: Parameters<SocialsModuleService["persistInsightsSync"]>) => {
    const start = performance.now()
    try {
      return await asBatch(args[0].length, () => original(...args))
    } finally {
      calls++
      ms += performance.now() - start
    }
  }
  return {
    take: () => {
      const out = { calls, ms: Math.round(ms) }
      calls = 0
      ms = 0
      return out
    },
  }
}

/** The X read counter's statements (per X request, not per post) are tallied apart from the page's own. */
function countXMeter(socials: SocialsModuleService, asCall: <T>(work: () => Promise<T>) => Promise<T>): void {
  const original = socials.xReadCounters.bind(socials)
  socials.xReadCounters = () => {
    const store = original()
    return {
      reads: (...args) => asCall(() => store.reads(...args)),
      reserve: (...args) => asCall(() => store.reserve(...args)),
      adjust: (...args) => asCall(() => store.adjust(...args)),
    }
  }
}

/** Back to "never synced": only the platform post ids stay in `insights`; snapshots go. */
async function resetSyncState(knex: Knex): Promise<void> {
  await knex.raw(
    `update social_post set insights = (select coalesce(jsonb_object_agg(key, value), '{}'::jsonb) from jsonb_each(insights) where key = any(?)),
       insights_synced_at = null, insights_sync_status = null, next_sync_at = null`,
    [Object.values(POST_ID_KEY)]
  )
  await knex.raw(`delete from social_post_insights_snapshot`)
  await knex.raw(`update social_platform set status = 'active'`)
}
