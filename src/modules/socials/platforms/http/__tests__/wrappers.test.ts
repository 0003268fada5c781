import http from "node:http"
import type { AddressInfo } from "node:net"
import { createWaitClock, type AttemptOutcome, type SendAttempt } from "../attempt"
import type { PlatformDialect } from "../dialect"
import { PlatformApiError } from "../platform-api-error"
import { platformFetch } from "../platform-fetch"
import { InMemoryRateBudgetStore } from "../rate-budget"
import { createRequestCounter } from "../request-hooks"
import { withRetry } from "../retry"
import { DEFAULT_RETRY_POLICY, isNeverRetried } from "../retry-policy"
import { withThrottling } from "../throttle"
import type { UsageReading } from "../usage-headers"

const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 10, maxDelayMs: 40, maxWaitMs: 1_000 }
const err = (init: Partial<ConstructorParameters<typeof PlatformApiError>[0]>) => new PlatformApiError({ platform: "twitter", kind: "server", ...init })
const ok = (attempt: number, usage: UsageReading[] = []): AttemptOutcome => ({
  ok: true,
  response: { status: 200, data: { attempt }, headers: () => undefined, usage, attempts: attempt + 1 },
})
const failed = (error: PlatformApiError): AttemptOutcome => ({ ok: false, error, usage: [] })

/** A fake clock whose sleeps move time, and a scripted send that records its tries. */
function harness(script: ((attempt: number) => AttemptOutcome)[]) {
  let t = 1_000_000
  const sleeps: number[] = []
  const clock = createWaitClock(
    () => t,
    async (ms) => {
      sleeps.push(ms)
      t += ms
    }
  )
  const tries: number[] = []
  const send: SendAttempt = async (attempt) => {
    tries.push(attempt)
    return script[Math.min(tries.length - 1, script.length - 1)](attempt)
  }
  return { clock, sleeps, tries, send, now: () => t }
}

describe("withRetry alone (no budgets in sight)", () => {
  it("retries transient failures with backoff on the shared clock and returns the answer", async () => {
    const h = harness([() => failed(err({ status: 503 })), () => failed(err({ kind: "timeout" })), (a) => ok(a)])
    const outcome = await withRetry(h.send, policy, h.clock, () => 0)()
    expect(outcome.ok && outcome.response.data).toEqual({ attempt: 2 })
    expect(h.tries).toEqual([0, 1, 2])
    expect(h.sleeps).toEqual([5, 10])
    expect(h.clock.waitedMs).toBe(15)
  })

  it("never retries what the one rule says (kind or listed status), whatever the kind", async () => {
    for (const error of [err({ kind: "auth", status: 401 }), err({ kind: "not_found", status: 404 }), err({ kind: "server", status: 422 })]) {
      expect(isNeverRetried(policy, error)).toBe(true)
      const h = harness([() => failed(error)])
      const outcome = await withRetry(h.send, policy, h.clock)()
      expect(outcome.ok).toBe(false)
      expect(h.tries).toEqual([0])
    }
    expect(isNeverRetried(policy, err({ status: 503 }))).toBe(false)
  })

  it("sits out a short Retry-After, gives up with the wait attached when it is too long", async () => {
    const short = harness([() => failed(err({ kind: "rate_limit", status: 429, retryAfterMs: 300 })), (a) => ok(a)])
    expect((await withRetry(short.send, policy, short.clock)()).ok).toBe(true)
    expect(short.sleeps).toEqual([300])
    const long = harness([() => failed(err({ kind: "rate_limit", status: 429, retryAfterMs: 900_000 }))])
    const outcome = await withRetry(long.send, policy, long.clock)()
    expect(!outcome.ok && outcome.error.retryAfterMs).toBe(900_000)
    expect(long.tries).toEqual([0])
  })
})

describe("withThrottling alone (no retries)", () => {
  const budgets = [{ key: "b", limit: 2, windowMs: 10_000 }]
  const refuse = (retryAfterMs: number) => err({ kind: "rate_limit", code: "local_budget", retryAfterMs })

  it("books units before each try; waits while it fits, refuses without sending when not", async () => {
    const h = harness([(a) => ok(a)])
    const store = new InMemoryRateBudgetStore(h.now)
    const throttled = withThrottling(h.send, { store, budgets, units: 1, maxWaitMs: 20_000, clock: h.clock, refuse })
    await throttled(0)
    await throttled(0)
    expect((await throttled(0)).ok).toBe(true)
    expect(h.sleeps).toEqual([10_000])
    const strict = withThrottling(h.send, { store, budgets, units: 2, maxWaitMs: 1_000, clock: createWaitClock(h.now, async () => undefined), refuse })
    const refused = await strict(0)
    expect(!refused.ok && refused.error.code).toBe("local_budget")
    expect(h.tries.length).toBe(3)
  })

  const roomy = [{ key: "b", limit: 100, windowMs: 10_000 }]

  it("brakes the budgets when the answer's usage is near the limit (the next try never leaves)", async () => {
    const h = harness([(a) => ok(a, [{ percent: 95, retryAfterMs: 60_000, source: "x-rate-limit" }])])
    const throttled = withThrottling(h.send, { store: new InMemoryRateBudgetStore(h.now), budgets: roomy, units: 1, maxWaitMs: 0, clock: h.clock, refuse })
    expect((await throttled(0)).ok).toBe(true)
    const braked = await throttled(0)
    expect(!braked.ok && braked.error.retryAfterMs).toBe(60_000)
    expect(h.tries.length).toBe(1)
  })

  it("pauses the budgets for as long as a throttle said; a throttle without a wait pauses nothing", async () => {
    const h = harness([() => failed(err({ kind: "rate_limit", status: 429 })), () => failed(err({ kind: "rate_limit", status: 429, retryAfterMs: 120_000 }))])
    const throttled = withThrottling(h.send, { store: new InMemoryRateBudgetStore(h.now), budgets: roomy, units: 1, maxWaitMs: 0, clock: h.clock, refuse })
    await throttled(0)
    await throttled(0)
    const paused = await throttled(0)
    expect(!paused.ok && paused.error.code).toBe("local_budget")
    expect(!paused.ok && paused.error.retryAfterMs).toBe(120_000)
    expect(h.tries.length).toBe(2)
  })

  it("composed inside retry: a short throttle is slept once on the shared clock, then the call goes through", async () => {
    const h = harness([() => failed(err({ kind: "rate_limit", status: 429, retryAfterMs: 200 })), (a) => ok(a)])
    const throttled = withThrottling(h.send, { store: new InMemoryRateBudgetStore(h.now), budgets: roomy, units: 1, maxWaitMs: policy.maxWaitMs, clock: h.clock, refuse })
    const outcome = await withRetry(throttled, policy, h.clock)()
    expect(outcome.ok).toBe(true)
    expect(h.sleeps).toEqual([200])
    expect(h.tries).toEqual([0, 1])
  })

  it("passes through untouched without a store or budgets", async () => {
    const h = harness([(a) => ok(a)])
    expect(withThrottling(h.send, { units: 1, maxWaitMs: 0, clock: h.clock, refuse })).toBe(h.send)
  })
})

describe("platformFetch speaks the dialect its client hands in", () => {
  let server: http.Server | undefined
  afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())))

  async function serve(status: number, headers: Record<string, string>, body: unknown): Promise<string> {
    server = http.createServer((_req, res) => {
      res.writeHead(status, { "content-type": "application/json", ...headers })
      res.end(JSON.stringify(body))
    })
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r))
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  }

  const graphUsage = { "x-app-usage": JSON.stringify({ call_count: 97, total_time: 1, total_cputime: 1 }) }
  const quiet: PlatformDialect = { mapError: (r) => err({ platform: r.platform, kind: "not_found", status: r.status, code: "dialect" }), readUsage: () => [], secretParams: ["session_key"] }

  it("reads usage with the dialect's reader only: Graph headers on a dialect that has none brake nothing", async () => {
    const url = await serve(200, graphUsage, { ok: 1 })
    const store = new InMemoryRateBudgetStore()
    const budgets = [{ key: "q", limit: 100, windowMs: 60_000 }]
    const config = { timeoutMs: 500, budgetStore: store, dialect: quiet }
    const first = await platformFetch({ platform: "linkedin", method: "GET", url, budgets }, config)
    expect(first.usage).toEqual([])
    expect((await platformFetch({ platform: "linkedin", method: "GET", url, budgets }, config)).data).toEqual({ ok: 1 })
  })

  it("maps errors with the dialect and redacts the dialect's own secret parameters", async () => {
    const url = await serve(404, {}, { error: "gone" })
    const counter = createRequestCounter()
    const error = (await platformFetch({ platform: "linkedin", method: "GET", url: `${url}/p?session_key=abcdefghij&x=1` }, { timeoutMs: 500, dialect: quiet, onRequest: counter.onRequest }).catch((e: unknown) => e)) as PlatformApiError
    expect(error.code).toBe("dialect")
    expect(counter.requests()[0].url).toContain("session_key=[REDACTED]")
    expect(counter.requests()[0].url).toContain("x=1")
  })
})
