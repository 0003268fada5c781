import { AsyncLocalStorage } from "node:async_hooks"

/**
 * Instruments the Medusa process the benchmark runs in: platform HTTP requests
 * (with their start / end and the platform post ids they carry), database round
 * trips and resident memory. Nothing here changes what the sync code does.
 */

export type Family = "meta" | "x" | "linkedin"

export interface FetchRecord {
  family: Family
  start: number
  end: number
  status: number
  /** Things that look like platform post ids in the URL or body; matched against real ids later. */
  candidates: string[]
}

/** Instagram / Facebook / X ids and LinkedIn URNs (plain or percent-encoded) as the workload makes them. */
const ID_PATTERNS = [/\b\d{15}_\d{15}\b/g, /\b\d{17,19}\b/g, /urn(?::|%3A)li(?::|%3A)(?:share|ugcPost)(?::|%3A)\d+/gi]

function candidatesIn(text: string): string[] {
  const found = new Set<string>()
  for (const pattern of ID_PATTERNS) {
    // A copy, not the match: V8 makes a match a slice that keeps the whole request text alive,
    // so every record held its request body and the bench's own records grew the measured heap.
    for (const match of text.matchAll(pattern)) found.add(Buffer.from(match[0].replace(/%3A/gi, ":"), "latin1").toString("latin1"))
  }
  return [...found]
}

function bodyText(body: unknown): string {
  if (typeof body === "string") return body
  if (body instanceof URLSearchParams) return body.toString()
  return ""
}

/**
 * Wraps the global fetch (platformFetch looks it up at call time) and records every
 * request to the sandbox's platform paths; control calls are left out.
 */
export function recordPlatformFetches(sandboxUrl: string): { records: FetchRecord[]; restore(): void; original: typeof fetch } {
  const original = globalThis.fetch
  const records: FetchRecord[] = []
  const familyOf = (url: string): Family | undefined => {
    if (!url.startsWith(sandboxUrl)) return undefined
    const path = url.slice(sandboxUrl.length)
    if (path.startsWith("/meta")) return "meta"
    if (path.startsWith("/x")) return "x"
    if (path.startsWith("/linkedin")) return "linkedin"
    return undefined
  }
  const wrapped: typeof fetch = async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.toString() : input.url
    const family = familyOf(url)
    if (!family) return original(input, init)
    const start = performance.now()
    const response = await original(input, init)
    // The caller reads the body next; the answer has arrived once headers are in (the sandbox sends it whole).
    records.push({ family, start, end: performance.now(), status: response.status, candidates: candidatesIn(decodeSafe(url) + " " + decodeSafe(bodyText(init?.body))) })
    return response
  }
  globalThis.fetch = wrapped
  return { records, original, restore: () => void (globalThis.fetch = original) }
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "))
  } catch {
    return text
  }
}

/** What one page (workflow run) sent to PostgreSQL. */
export type QueryTally = {
  total: number
  byKind: Record<string, number>
  /** Statements outside the saving of batches (selecting and loading the page's posts). */
  outsideBatches: number
  /** Each saved batch (one account's posts in a page, one transaction): its posts and its statements, BEGIN/COMMIT included. */
  batches: { posts: number; statements: number }[]
  /** Calls of the X read counter (book, settle; one per X request each) and their statements. */
  xMeter: { calls: number; statements: number }
}

export interface QueryEmitter {
  on(event: "query", listener: (data: { sql?: string }) => void): unknown
}

/**
 * Counts statements sent to PostgreSQL through the shared knex instance (every
 * module's MikroORM uses it as its connection), BEGIN / COMMIT included. Work run
 * through `batch()` is attributed to that batch (AsyncLocalStorage follows it
 * through every await). `take()` returns what was sent since the previous `take()`.
 */
export function countQueries(knex: QueryEmitter): {
  take(): QueryTally
  batch<T>(posts: number, work: () => Promise<T>): Promise<T>
  xMeterCall<T>(work: () => Promise<T>): Promise<T>
} {
  const scope = new AsyncLocalStorage<{ posts: number; statements: number }>()
  const empty = (): QueryTally => ({ total: 0, byKind: {}, outsideBatches: 0, batches: [], xMeter: { calls: 0, statements: 0 } })
  let tally = empty()
  knex.on("query", (data) => {
    tally.total++
    const kind = (data.sql ?? "").trim().split(/\s+/)[0]?.replace(/;$/, "").toLowerCase() || "unknown"
    tally.byKind[kind] = (tally.byKind[kind] ?? 0) + 1
    const batch = scope.getStore()
    if (batch) batch.statements++
    else tally.outsideBatches++
  })
  return {
    take: () => {
      const out = tally
      tally = empty()
      return out
    },
    xMeterCall: async (work) => {
      const record = { posts: 0, statements: 0 }
      try {
        return await scope.run(record, work)
      } finally {
        tally.xMeter.calls++
        tally.xMeter.statements += record.statements
      }
    },
    batch: async (posts, work) => {
      const record = { posts, statements: 0 }
      try {
        return await scope.run(record, work)
      } finally {
        tally.batches.push(record)
      }
    },
  }
}

/** Samples RSS every `everyMs`; the kernel's high-water mark (maxRSS) catches what sampling misses. */
export function sampleRss(everyMs = 25): { peakMb(): number; stop(): void } {
  let peak = process.memoryUsage.rss()
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss())
  }, everyMs)
  timer.unref()
  return {
    peakMb: () => Math.max(peak, process.memoryUsage.rss()) / 1_048_576,
    stop: () => clearInterval(timer),
  }
}

export const maxRssMb = (): number => (process.resourceUsage().maxRSS * 1024) / 1_048_576

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]
}
