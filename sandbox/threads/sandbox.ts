import type { IncomingMessage, ServerResponse } from "node:http"
import { lowerCaseHeaders, readBody, sendReply } from "../core/http-util"
import { redactQuery } from "../core/stats"
import { tokenOf } from "./auth"
import { handleThreadsRequest } from "./handler"
import { handleThreadsConnect, newThreadsConnectState } from "./oauth-connect"
import { ThreadsRateLimiter } from "./rate-limit"
import { seedThreads } from "./seed"
import type { ThreadsFixtures, ThreadsSandboxOptions } from "./types"

/** Path prefix of the Threads family on the sandbox host (like /meta, /x, /linkedin). */
export const THREADS_PREFIX = "/threads"

export interface ThreadsLogEntry {
  at: string
  method: string
  /** Path below the prefix, e.g. "/v1.0/18050000000000001/insights". */
  path: string
  /** Query with access_token redacted. */
  query: string
  status: number
  /** Where the request carried its token: a clean client sends it in the header, never the URL. */
  tokenIn: "header" | "query" | "none"
}

export interface ThreadsSandboxInit {
  now?: () => number
  /** Read on every request, so the core's setOptions({ threads }) takes effect at once. */
  options?: () => ThreadsSandboxOptions | undefined
  fixtures?: Partial<ThreadsFixtures>
}

/**
 * The Threads family's state and request entry point: its own fixtures, tokens, request log
 * and rate limiter. Mounted by the core server under /threads, or served alone by
 * startThreadsSandbox.
 */
export class ThreadsSandbox {
  readonly fixtures: ThreadsFixtures = { tokens: [], media: [] }
  private entries: ThreadsLogEntry[] = []
  private limiter: ThreadsRateLimiter
  private ownOptions: ThreadsSandboxOptions = {}
  private serverErrorsTaken = 0
  /** "Connect Threads" codes and short-lived tokens (oauth-connect.ts). */
  private connect = newThreadsConnectState()
  private readonly now: () => number
  private readonly initial: () => Partial<ThreadsFixtures>

  constructor(private readonly init: ThreadsSandboxInit = {}) {
    this.now = init.now ?? Date.now
    this.initial = () => (init.fixtures ? structuredClone(init.fixtures) : seedThreads(this.now()))
    this.limiter = new ThreadsRateLimiter(() => this.options())
    this.setFixtures(this.initial())
  }

  options(): ThreadsSandboxOptions {
    return this.init.options ? this.init.options() ?? {} : this.ownOptions
  }

  /** Standalone use only: mounted, the core's options.threads is the source. */
  setOptions(partial: ThreadsSandboxOptions): void {
    this.ownOptions = { ...this.ownOptions, ...partial }
    if (partial.serverErrors !== undefined) this.serverErrorsTaken = 0
  }

  setFixtures(partial: Partial<ThreadsFixtures>): void {
    if (partial.tokens) this.fixtures.tokens = [...partial.tokens]
    if (partial.media) this.fixtures.media = [...partial.media]
  }

  /** Upserts tokens by value and media by id. */
  addFixtures(partial: Partial<ThreadsFixtures>): void {
    for (const t of partial.tokens ?? []) upsert(this.fixtures.tokens, t, (x) => x.token)
    for (const m of partial.media ?? []) upsert(this.fixtures.media, m, (x) => x.id)
  }

  log(): ThreadsLogEntry[] {
    return [...this.entries]
  }

  /** Clears log, rate windows and armed errors; `fixtures: true` also restores the initial data. */
  reset(opts: { fixtures?: boolean } = {}): void {
    this.entries = []
    this.limiter = new ThreadsRateLimiter(() => this.options())
    this.serverErrorsTaken = 0
    this.connect = newThreadsConnectState()
    if (!this.init.options) this.ownOptions = {}
    if (opts.fixtures) this.setFixtures({ tokens: [], media: [], ...this.initial() })
  }

  matches(url: URL): boolean {
    return url.pathname === THREADS_PREFIX || url.pathname.startsWith(`${THREADS_PREFIX}/`)
  }

  /** Answers one HTTP request below THREADS_PREFIX; `origin` is the sandbox root URL. */
  async serve(req: IncomingMessage, res: ServerResponse, url: URL, origin: string): Promise<void> {
    const body = await readBody(req)
    const headers = lowerCaseHeaders(req)
    const path = url.pathname.slice(THREADS_PREFIX.length) || "/"
    const request = { method: req.method ?? "GET", path, query: url.searchParams, headers, body }
    const baseUrl = `${origin}${THREADS_PREFIX}`
    const reply =
      handleThreadsConnect(request, { fixtures: this.fixtures, now: this.now(), baseUrl, connect: this.connect }) ??
      handleThreadsRequest(
        { ...request, body: "" },
        { fixtures: this.fixtures, options: this.options(), limiter: this.limiter, now: this.now(), baseUrl, takeServerError: () => this.takeServerError() }
      )
    const tokenIn = url.searchParams.get("access_token") ? "query" : tokenOf(new URLSearchParams(), headers) ? "header" : "none"
    this.entries.push({ at: new Date().toISOString(), method: req.method ?? "GET", path, query: redactQuery(url.searchParams), status: reply.status, tokenIn })
    sendReply(res, reply)
  }

  private takeServerError(): boolean {
    const armed = this.options().serverErrors ?? 0
    if (this.serverErrorsTaken >= armed) return false
    this.serverErrorsTaken++
    return true
  }
}

function upsert<T>(list: T[], item: T, key: (x: T) => string): void {
  const at = list.findIndex((x) => key(x) === key(item))
  if (at >= 0) list[at] = item
  else list.push(item)
}
