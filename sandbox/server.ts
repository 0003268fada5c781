import http from "node:http"
import type { AddressInfo, Socket } from "node:net"
import { handleControl } from "./core/control"
import { FaultState, serverErrorBody } from "./core/faults"
import { FixtureStore } from "./core/fixture-store"
import { extractToken, lowerCaseHeaders, readBody, sendReply, serializeBody, sleep } from "./core/http-util"
import { StatsRecorder, redactQuery } from "./core/stats"
import { handleLinkedInRequest } from "./linkedin/handler"
import { handleMetaRequest } from "./meta/handler"
import { buildSeed } from "./seed"
import { ThreadsSandbox } from "./threads/sandbox"
import { handleXRequest } from "./x/handler"
import type {
  PlatformFamily,
  PlatformHandler,
  SandboxContext,
  SandboxFaults,
  SandboxFixtures,
  SandboxLogEntry,
  SandboxOptions,
  SandboxReply,
  SandboxStats,
} from "./types"

const HANDLERS: Record<PlatformFamily, PlatformHandler> = {
  meta: handleMetaRequest,
  x: handleXRequest,
  linkedin: handleLinkedInRequest,
}

const FAMILIES: PlatformFamily[] = ["meta", "x", "linkedin"]

export interface SandboxUrls {
  meta: string
  instagram: string
  x: string
  linkedin: string
}

/** What startSandbox resolves to; also what the /_control routes operate on. */
export interface SandboxHandle {
  /** Root URL, e.g. "http://127.0.0.1:4010". */
  url: string
  urls: SandboxUrls
  /** Ready to merge into process.env of the code under test. */
  env: Record<string, string>
  /** Live fixtures: edits are seen by the next request. */
  fixtures: SandboxFixtures
  /** Replaces the collections present in `partial` (the others are kept). */
  setFixtures(partial: Partial<SandboxFixtures>): void
  /** Upserts by id / urn / token. */
  addFixtures(partial: Partial<SandboxFixtures>): void
  /** Replaces the armed faults (pass {} to disarm). */
  setFaults(faults: SandboxFaults): void
  faults(): SandboxFaults
  /** Changes options at run time (rateLimits, latency, meta knobs...). */
  setOptions(partial: Partial<SandboxOptions>): void
  stats(): SandboxStats
  log(limit?: number): SandboxLogEntry[]
  /** The Threads family (its own fixtures, tokens and request log), mounted under /threads. */
  threads: ThreadsSandbox
  /** Clears counters, log, faults and handler state; `fixtures: true` also restores the initial data set. */
  reset(opts?: { fixtures?: boolean }): void
  stop(): Promise<void>
}

export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const opts: SandboxContext["options"] = { ...options, rateLimits: options.rateLimits ?? true }
  const now = (): number => (opts.now ? opts.now() : Date.now())
  const initialFixtures = (): Partial<SandboxFixtures> =>
    options.fixtures ? structuredClone(options.fixtures) : buildSeed({ seed: options.seed ?? 1, now: now() })

  const store = new FixtureStore(initialFixtures())
  const faults = new FaultState()
  const stats = new StatsRecorder()
  // Threads keeps its own fixtures, tokens and log (sandbox/threads); mounted under /threads.
  const threads = new ThreadsSandbox({ now, options: () => opts.threads })
  let handlerState = new Map<string, unknown>()
  const pending = new Set<http.ServerResponse>()
  const sockets = new Set<Socket>()

  const ctx: SandboxContext = {
    fixtures: store.fixtures,
    options: opts,
    now,
    baseUrl: "",
    findToken: (token) => (token ? store.findToken(token) : undefined),
    recordUnits: (family, token, units) => stats.units(family, token, units),
    state<T>(key: string, init: () => T): T {
      if (!handlerState.has(key)) handlerState.set(key, init())
      return handlerState.get(key) as T
    },
    lookup: (kind, key) => store.lookup(kind, key),
  }

  const handle: SandboxHandle = {
    url: "",
    urls: { meta: "", instagram: "", x: "", linkedin: "" },
    env: {},
    fixtures: store.fixtures,
    setFixtures: (partial) => store.replace(partial),
    addFixtures: (partial) => store.upsert(partial),
    setFaults: (f) => faults.set(f),
    faults: () => faults.current(),
    setOptions: (partial) => Object.assign(opts, partial),
    stats: () => stats.snapshot(),
    log: (limit) => stats.entries(limit),
    threads,
    reset: (resetOpts) => {
      stats.reset()
      faults.clear()
      handlerState = new Map()
      threads.reset(resetOpts)
      if (resetOpts?.fixtures) store.replace({ tokens: [], instagram: [], facebook: [], tweets: [], linkedin: [], ...initialFixtures() })
    },
    stop: async () => {
      for (const res of pending) res.destroy()
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }

  async function handlePlatform(family: PlatformFamily, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const started = Date.now()
    const body = await readBody(req)
    const headers = lowerCaseHeaders(req)
    const token = extractToken(url.searchParams, headers, body)
    stats.request(family, token, ctx.findToken(token)?.family)
    const path = url.pathname.slice(family.length + 1) || "/"
    const entry: SandboxLogEntry = {
      at: new Date(started).toISOString(),
      method: req.method ?? "GET",
      family,
      path,
      query: redactQuery(url.searchParams),
      status: 0,
      ms: 0,
      ...batchItemsOf(family, req.method, body),
    }
    const finish = (status: SandboxLogEntry["status"]): void => {
      entry.status = status
      entry.ms = Date.now() - started
      stats.finish(entry)
    }

    const jitter = opts.jitterMs ? Math.random() * opts.jitterMs : 0
    await sleep((opts.latencyMs ?? 0) + jitter + faults.slowMs(family))

    const fault = faults.take(family)
    if (fault) {
      stats.fault(fault.kind)
      entry.fault = fault.kind
    }
    if (fault?.kind === "reset") {
      finish("reset")
      req.socket.destroy()
      return
    }
    if (fault?.kind === "timeout") {
      // Never answered: the client's own timeout is what ends it (or stop()).
      finish("timeout")
      pending.add(res)
      res.on("close", () => pending.delete(res))
      return
    }
    if (fault?.kind === "status5xx") {
      const status = fault.status ?? 500
      sendReply(res, { status, body: serverErrorBody(family, status) })
      finish(status)
      return
    }

    let reply: SandboxReply
    try {
      reply = await HANDLERS[family]({ method: req.method ?? "GET", path, query: url.searchParams, rawQuery: url.search.slice(1), headers, body }, ctx)
    } catch (e) {
      reply = { status: 500, body: serverErrorBody(family, 500), headers: { "x-sandbox-error": String((e as Error).message).slice(0, 200) } }
    }
    if (fault?.kind === "malformed") {
      const text = serializeBody(reply.body)
      // Cut mid-document so JSON.parse fails the way a dropped proxy stream does.
      const cut = text.slice(0, Math.max(1, Math.floor(text.length / 2)))
      sendReply(res, { ...reply, status: 200 }, cut)
      finish(200)
      return
    }
    sendReply(res, reply)
    finish(reply.status)
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://sandbox.local")
    const family = FAMILIES.find((f) => url.pathname === `/${f}` || url.pathname.startsWith(`/${f}/`))
    const run = async (): Promise<void> => {
      if (url.pathname === "/_control" || url.pathname.startsWith("/_control/")) {
        const body = await readBody(req)
        sendReply(res, handleControl(req.method ?? "GET", url.pathname, url.searchParams, body, handle))
        return
      }
      if (threads.matches(url)) return threads.serve(req, res, url, handle.url)
      if (!family) {
        sendReply(res, { status: 404, body: { error: `no platform at ${url.pathname}; use /meta, /x, /linkedin or /_control` } })
        return
      }
      await handlePlatform(family, req, res, url)
    }
    run().catch((e: Error) => {
      if (!res.headersSent) sendReply(res, { status: 500, body: { error: e.message } })
      else res.destroy()
    })
  })
  server.on("connection", (socket) => {
    sockets.add(socket)
    socket.on("close", () => sockets.delete(socket))
  })

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve())
  })
  const address = server.address() as AddressInfo
  // A wildcard bind is still reached through loopback by the local code under test.
  const wildcard = address.address === "0.0.0.0" || address.address === "::"
  const host = wildcard ? "127.0.0.1" : address.family === "IPv6" ? `[${address.address}]` : address.address
  handle.url = `http://${host}:${address.port}`
  ctx.baseUrl = handle.url
  handle.urls = {
    meta: `${handle.url}/meta`,
    instagram: `${handle.url}/meta`,
    x: `${handle.url}/x`,
    linkedin: `${handle.url}/linkedin`,
  }
  handle.env = {
    META_GRAPH_API_URL: handle.urls.meta,
    INSTAGRAM_GRAPH_API_URL: handle.urls.instagram,
    X_API_URL: handle.urls.x,
    LINKEDIN_API_URL: handle.urls.linkedin,
    THREADS_GRAPH_API_URL: `${handle.url}/threads`,
    // Authorization pages (Allow / Deny) of "Connect account"; credentials: SANDBOX_OAUTH_APPS.
    META_OAUTH_DIALOG_URL: handle.urls.meta,
    X_OAUTH_AUTHORIZE_URL: `${handle.urls.x}/i/oauth2/authorize`,
    LINKEDIN_OAUTH_URL: `${handle.urls.linkedin}/oauth/v2`,
    THREADS_OAUTH_URL: `${handle.url}/threads/oauth/authorize`,
  }
  return handle
}

/** Meta Batch API sub-requests, so the log shows which objects a batch call read. */
function batchItemsOf(family: PlatformFamily, method: string | undefined, body: string): { items?: string[] } {
  if (family !== "meta" || method !== "POST" || !body) return {}
  try {
    const batch = JSON.parse(new URLSearchParams(body).get("batch") ?? "[]") as { relative_url?: string }[]
    return Array.isArray(batch) ? { items: batch.map((b) => String(b.relative_url ?? "").replace(/access_token=[^&]*/g, "access_token=REDACTED")) } : {}
  } catch {
    return {}
  }
}
