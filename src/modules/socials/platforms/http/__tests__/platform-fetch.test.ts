import http from "node:http"
import type { AddressInfo } from "node:net"
import { PlatformApiError } from "../platform-api-error"
import { platformFetch, type PlatformHttpConfig } from "../platform-fetch"
import { InMemoryRateBudgetStore } from "../rate-budget"
import { createRequestCounter } from "../request-hooks"
import { DEFAULT_RETRY_POLICY } from "../retry-policy"

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, n: number) => void

/** A tiny scripted server: each request gets the next handler (the last one repeats). */
async function serve(handlers: Handler[]): Promise<{ url: string; hits: () => number; seen: string[]; close: () => Promise<void> }> {
  let n = 0
  const seen: string[] = []
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? ""}`)
    const handler = handlers[Math.min(n, handlers.length - 1)]
    n++
    handler(req, res, n)
  })
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    hits: () => n,
    seen,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections()
        server.close(() => r())
      }),
  }
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Handler => (_req, res) => {
  res.writeHead(status, { "content-type": "application/json", ...headers })
  res.end(typeof body === "string" ? body : JSON.stringify(body))
}

const TOKEN = "tok-super-secret-123456"
const fast: PlatformHttpConfig = {
  timeoutMs: 300,
  retry: { ...DEFAULT_RETRY_POLICY, baseDelayMs: 1, maxDelayMs: 5, maxWaitMs: 200 },
  secrets: () => [TOKEN],
}

describe("platformFetch over real HTTP", () => {
  let srv: Awaited<ReturnType<typeof serve>> | undefined
  afterEach(async () => {
    await srv?.close()
    srv = undefined
  })

  it("returns parsed JSON, headers and the attempt count", async () => {
    srv = await serve([json(200, { ok: 1 }, { "x-rate-limit-limit": "10", "x-rate-limit-remaining": "9" })])
    const res = await platformFetch({ platform: "twitter", method: "GET", url: `${srv.url}/a` }, fast)
    expect(res.data).toEqual({ ok: 1 })
    expect(res.attempts).toBe(1)
    expect(res.headers("X-Rate-Limit-Remaining")).toBe("9")
  })

  it("retries 503 then succeeds; counts every attempt through onRequest", async () => {
    srv = await serve([json(503, "down"), json(502, "down"), json(200, { ok: true })])
    const counter = createRequestCounter()
    const res = await platformFetch({ platform: "facebook", method: "GET", url: `${srv.url}/x?access_token=${TOKEN}`, operation: "t" }, { ...fast, onRequest: counter.onRequest })
    expect(res.data).toEqual({ ok: true })
    expect(counter.total()).toBe(3)
    expect(counter.requests().map((r) => r.attempt)).toEqual([0, 1, 2])
    expect(counter.requests()[0].url).not.toContain(TOKEN)
  })

  it("never retries 401/403/404/400", async () => {
    for (const status of [400, 401, 403, 404]) {
      srv = await serve([json(status, { title: "no" })])
      await expect(platformFetch({ platform: "twitter", method: "GET", url: `${srv.url}/` }, fast)).rejects.toBeInstanceOf(PlatformApiError)
      expect(srv.hits()).toBe(1)
      await srv.close()
      srv = undefined
    }
  })

  it("treats truncated JSON as retryable and recovers", async () => {
    srv = await serve([json(200, '{"data":[{"id":"1"'), json(200, { data: [] })])
    const res = await platformFetch({ platform: "twitter", method: "GET", url: `${srv.url}/` }, fast)
    expect(res.data).toEqual({ data: [] })
    expect(srv.hits()).toBe(2)
  })

  it("gives up on persistent malformed JSON with a mapped error", async () => {
    srv = await serve([json(200, "{oops")])
    const error = await platformFetch({ platform: "linkedin", method: "GET", url: `${srv.url}/` }, fast).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PlatformApiError)
    expect((error as PlatformApiError).kind).toBe("malformed_response")
    expect((error as PlatformApiError).message).toBe("LinkedIn returned an incomplete response")
    expect(srv.hits()).toBe(4)
  })

  it("times out a silent server with AbortController and retries", async () => {
    srv = await serve([() => undefined, json(200, { late: false })])
    const res = await platformFetch({ platform: "instagram", method: "GET", url: `${srv.url}/` }, { ...fast, timeoutMs: 100 })
    expect(res.data).toEqual({ late: false })
  })

  it("maps network failures (nothing listening) to a retryable network error", async () => {
    const dead = await serve([json(200, {})])
    const url = dead.url
    await dead.close()
    const error = await platformFetch({ platform: "twitter", method: "GET", url: `${url}/?access_token=${TOKEN}` }, fast).catch((e: unknown) => e)
    expect((error as PlatformApiError).kind).toBe("network")
    expect(JSON.stringify((error as PlatformApiError).url)).not.toContain(TOKEN)
  })

  it("honours a short Retry-After on 429", async () => {
    srv = await serve([json(429, { title: "Too Many Requests" }, { "retry-after": "0.05" }), json(200, { ok: 1 })])
    const sleeps: number[] = []
    const res = await platformFetch({ platform: "twitter", method: "GET", url: `${srv.url}/` }, { ...fast, sleep: async (ms) => void sleeps.push(ms) })
    expect(res.data).toEqual({ ok: 1 })
    expect(sleeps).toEqual([50])
  })

  it("fails fast with retryAfterMs when the platform asks for longer than maxWaitMs", async () => {
    const reset = Math.floor(Date.now() / 1000) + 900
    srv = await serve([json(429, { title: "Too Many Requests" }, { "x-rate-limit-limit": "300", "x-rate-limit-remaining": "0", "x-rate-limit-reset": String(reset) })])
    const started = Date.now()
    const error = (await platformFetch({ platform: "twitter", method: "GET", url: `${srv.url}/` }, fast).catch((e: unknown) => e)) as PlatformApiError
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(error.isRateLimit).toBe(true)
    expect(error.message).toBe("Rate limit exceeded")
    expect(error.retryAfterMs).toBeGreaterThan(800_000)
    expect(srv.hits()).toBe(1)
  })

  it("local budget: waits when it fits, fails with retryAfterMs when it does not", async () => {
    srv = await serve([json(200, { ok: 1 })])
    let now = 0
    const store = new InMemoryRateBudgetStore(() => now)
    const budgets = [{ key: "k", limit: 2, windowMs: 100_000 }]
    const cfg: PlatformHttpConfig = { ...fast, budgetStore: store, now: () => now, sleep: async (ms) => void (now += ms) }
    await platformFetch({ platform: "instagram", method: "GET", url: `${srv.url}/`, budgets, units: 2 }, cfg)
    const error = (await platformFetch({ platform: "instagram", method: "GET", url: `${srv.url}/`, budgets }, cfg).catch((e: unknown) => e)) as PlatformApiError
    expect(error.isRateLimit).toBe(true)
    expect(error.code).toBe("local_budget")
    expect(error.retryAfterMs).toBe(100_000)
    expect(srv.hits()).toBe(1)
    const roomy: PlatformHttpConfig = { ...cfg, retry: { ...DEFAULT_RETRY_POLICY, maxWaitMs: 200_000 } }
    await platformFetch({ platform: "instagram", method: "GET", url: `${srv.url}/`, budgets }, roomy)
    expect(srv.hits()).toBe(2)
  })

  it("usage headers at 90%+ stop the next calls on that budget before the platform throttles", async () => {
    srv = await serve([json(200, { ok: 1 }, { "x-business-use-case-usage": JSON.stringify({ "1": [{ type: "instagram", call_count: 95, total_time: 10, total_cputime: 10, estimated_time_to_regain_access: 0 }] }) })])
    const store = new InMemoryRateBudgetStore()
    const budgets = [{ key: "ig", limit: 200, windowMs: 3_600_000 }]
    const cfg: PlatformHttpConfig = { ...fast, budgetStore: store }
    const first = await platformFetch({ platform: "instagram", method: "GET", url: `${srv.url}/`, budgets }, cfg)
    expect(first.data).toEqual({ ok: 1 })
    const error = (await platformFetch({ platform: "instagram", method: "GET", url: `${srv.url}/`, budgets }, cfg).catch((e: unknown) => e)) as PlatformApiError
    expect(error.isRateLimit).toBe(true)
    expect(error.retryAfterMs).toBeGreaterThan(200)
    expect(srv.hits()).toBe(1)
  })

  it("a throttle with a wait it cannot sit out pauses the request's budgets until then (later calls never leave)", async () => {
    srv = await serve([json(429, { message: "throttled" }, { "retry-after": "3600" }), json(200, { ok: 1 })])
    const store = new InMemoryRateBudgetStore()
    const budgets = [{ key: "li", limit: 1_000, windowMs: 86_400_000 }]
    const cfg: PlatformHttpConfig = { ...fast, budgetStore: store }
    const first = (await platformFetch({ platform: "linkedin", method: "GET", url: `${srv.url}/`, budgets }, cfg).catch((e: unknown) => e)) as PlatformApiError
    expect(first.retryAfterMs).toBe(3_600_000)
    const second = (await platformFetch({ platform: "linkedin", method: "GET", url: `${srv.url}/`, budgets }, cfg).catch((e: unknown) => e)) as PlatformApiError
    expect(second.code).toBe("local_budget")
    expect(second.retryAfterMs).toBeGreaterThan(3_590_000)
    expect(srv.hits()).toBe(1)
  })

  it("sends method, headers and form bodies as given", async () => {
    let body = ""
    srv = await serve([
      (req, res) => {
        req.on("data", (c: Buffer) => (body += c.toString()))
        req.on("end", () => json(200, { ok: 1 })(req, res, 0))
      },
    ])
    await platformFetch({ platform: "facebook", method: "POST", url: `${srv.url}/v25.0/`, body: new URLSearchParams({ batch: "[]", access_token: TOKEN }), headers: { authorization: `Bearer ${TOKEN}` } }, fast)
    expect(srv.seen[0]).toContain("POST /v25.0/")
    expect(body).toContain("batch=%5B%5D")
  })
})
