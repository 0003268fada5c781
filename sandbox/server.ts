import http from "node:http"
import type { AddressInfo, Socket } from "node:net"
import { handleControl } from "./core/control"
import { FaultState } from "./core/faults"
import { FixtureStore } from "./core/fixture-store"
import { readBody, sendReply } from "./core/http-util"
import { FAMILIES, servePlatform, type PlatformServing } from "./core/platform-request"
import { StatsRecorder } from "./core/stats"
import { sandboxEnv, sandboxUrls, type SandboxHandle } from "./handle"
import { buildSeed } from "./seed"
import { ThreadsSandbox } from "./threads/sandbox"
import type { SandboxContext, SandboxFixtures, SandboxOptions } from "./types"

export type { SandboxHandle, SandboxUrls } from "./handle"

/** The running parts behind one sandbox: what the routes serve from and what the handle controls. */
interface SandboxParts extends PlatformServing {
  store: FixtureStore
  threads: ThreadsSandbox
  sockets: Set<Socket>
  initialFixtures(): Partial<SandboxFixtures>
  resetHandlerState(): void
}

export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const parts = createParts(options)
  const server = http.createServer((req, res) => route(parts, handle, req, res))
  const handle = createHandle(parts, server)
  server.on("connection", (socket) => {
    parts.sockets.add(socket)
    socket.on("close", () => parts.sockets.delete(socket))
  })
  const root = await listen(server, options)
  handle.url = root
  parts.ctx.baseUrl = root
  handle.urls = sandboxUrls(root)
  handle.env = sandboxEnv(root, handle.urls)
  return handle
}

function createParts(options: SandboxOptions): SandboxParts {
  const opts: SandboxContext["options"] = { ...options, rateLimits: options.rateLimits ?? true }
  const now = (): number => (opts.now ? opts.now() : Date.now())
  const initialFixtures = (): Partial<SandboxFixtures> =>
    options.fixtures ? structuredClone(options.fixtures) : buildSeed({ seed: options.seed ?? 1, now: now() })
  const store = new FixtureStore(initialFixtures())
  const stats = new StatsRecorder()
  let handlerState = new Map<string, unknown>()
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
  return {
    ctx,
    store,
    stats,
    faults: new FaultState(),
    // Threads keeps its own fixtures, tokens and log (sandbox/threads); mounted under /threads.
    threads: new ThreadsSandbox({ now, options: () => opts.threads }),
    pending: new Set(),
    sockets: new Set(),
    initialFixtures,
    resetHandlerState: () => {
      handlerState = new Map()
    },
  }
}

/** The control surface (also what /_control operates on); url, urls and env are filled in once listening. */
function createHandle(p: SandboxParts, server: http.Server): SandboxHandle {
  const { store, faults, stats, threads } = p
  return {
    url: "",
    urls: { meta: "", instagram: "", x: "", linkedin: "" },
    env: {},
    fixtures: store.fixtures,
    setFixtures: (partial) => store.replace(partial),
    addFixtures: (partial) => store.upsert(partial),
    setFaults: (f) => faults.set(f),
    faults: () => faults.current(),
    setOptions: (partial) => Object.assign(p.ctx.options, partial),
    stats: () => stats.snapshot(),
    log: (limit) => stats.entries(limit),
    threads,
    reset: (resetOpts) => {
      stats.reset()
      faults.clear()
      p.resetHandlerState()
      threads.reset(resetOpts)
      if (resetOpts?.fixtures) store.replace({ tokens: [], instagram: [], facebook: [], tweets: [], linkedin: [], ...p.initialFixtures() })
    },
    stop: async () => {
      for (const res of p.pending) res.destroy()
      for (const socket of p.sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

function route(p: SandboxParts, handle: SandboxHandle, req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = new URL(req.url ?? "/", "http://sandbox.local")
  dispatch(p, handle, req, res, url).catch((e: Error) => {
    if (!res.headersSent) sendReply(res, { status: 500, body: { error: e.message } })
    else res.destroy()
  })
}

/** The routing table: /_control, then /threads, then the families mounted by path prefix (/meta, /x, /linkedin). */
async function dispatch(p: SandboxParts, handle: SandboxHandle, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
  if (url.pathname === "/_control" || url.pathname.startsWith("/_control/")) {
    const body = await readBody(req)
    sendReply(res, handleControl(req.method ?? "GET", url.pathname, url.searchParams, body, handle))
    return
  }
  if (p.threads.matches(url)) return p.threads.serve(req, res, url, handle.url)
  const family = FAMILIES.find((f) => url.pathname === `/${f}` || url.pathname.startsWith(`/${f}/`))
  if (!family) {
    sendReply(res, { status: 404, body: { error: `no platform at ${url.pathname}; use /meta, /x, /linkedin or /_control` } })
    return
  }
  await servePlatform(p, family, req, res, url)
}

/** Listens and answers the root URL; a wildcard bind is still reached through loopback by the local code under test. */
async function listen(server: http.Server, options: SandboxOptions): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve())
  })
  const address = server.address() as AddressInfo
  const wildcard = address.address === "0.0.0.0" || address.address === "::"
  const host = wildcard ? "127.0.0.1" : address.family === "IPv6" ? `[${address.address}]` : address.address
  return `http://${host}:${address.port}`
}
