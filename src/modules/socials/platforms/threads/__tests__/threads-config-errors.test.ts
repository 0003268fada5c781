import { headerLookup } from "../../http"
import { threadsConfigFrom, threadsConfigOf, THREADS_DEFAULT_BUDGET } from "../config"
import { threadsDefinition } from "../definition"
import { isThreadsAccountProblem, mapThreadsError, THREADS_THROTTLE_WAIT_MS } from "../errors"
import { resolveSocialsConfig } from "../../config"

const response = (status: number, error: Record<string, unknown>, headers: Record<string, string> = {}) => ({
  platform: "instagram" as const,
  status,
  body: { error: { type: "OAuthException", fbtrace_id: "x", ...error } },
  headers: headerLookup(headers),
  url: "https://graph.threads.net/v1.0/1",
  secrets: [],
})

describe("Threads config", () => {
  it("defaults: graph.threads.net, v1.0, the definition's budget", () => {
    expect(threadsConfigFrom({}, {})).toEqual({ threadsGraphApiUrl: "https://graph.threads.net", threadsApiVersion: "v1.0", budget: THREADS_DEFAULT_BUDGET })
  })

  it("environment fallbacks, options first, SOCIALS_BUDGETS' threads entry; bad values name their variable", () => {
    const env = { THREADS_GRAPH_API_URL: "https://graph.threads.com/", THREADS_API_VERSION: "v1.0", THREADS_APP_ID: "123", THREADS_APP_SECRET: "s3cret", SOCIALS_BUDGETS: '{"threads":{"limit":10,"windowMs":1000}}' }
    expect(threadsConfigFrom({ threadsApiVersion: "v2.0" }, env)).toEqual({
      threadsGraphApiUrl: "https://graph.threads.com",
      threadsApiVersion: "v2.0",
      threadsAppId: "123",
      threadsAppSecret: "s3cret",
      budget: { limit: 10, windowMs: 1000 },
    })
    expect(() => threadsConfigFrom({}, { THREADS_API_VERSION: "1" })).toThrow(/threadsApiVersion \(env THREADS_API_VERSION\)/)
  })

  it("a sync context without a Threads slice reads the environment", () => {
    expect(threadsConfigOf({ config: resolveSocialsConfig({}, {}) }).threadsGraphApiUrl).toMatch(/^https?:\/\//)
  })

  it("the definition draft names what the registry wires", () => {
    expect(threadsDefinition).toMatchObject({ id: "threads", label: "Threads", providers: ["threads"], postIdField: "threads_media_id", blockName: "threads_insights", defaultBudget: THREADS_DEFAULT_BUDGET })
    expect(threadsDefinition.isValidPostId("18050000000000001")).toBe(true)
    expect(threadsDefinition.isValidPostId("abc123")).toBe(false)
    expect(threadsDefinition.readUsage(headerLookup({ "x-app-usage": '{"call_count":91,"total_time":3,"total_cputime":2}' }))).toEqual([{ percent: 91, source: "x-app-usage" }])
  })
})

describe("Threads error mapping (Graph envelope)", () => {
  it("190/463 expired and 190/467 revoked: auth, in Threads' words", () => {
    const expired = mapThreadsError(response(400, { code: 190, error_subcode: 463, message: "Error validating access token: Session has expired" }))
    expect(expired).toMatchObject({ platform: "threads", kind: "auth", expired: true, message: "Access token expired: reconnect your Threads account" })
    expect(mapThreadsError(response(400, { code: 190, error_subcode: 467, message: "Invalid OAuth access token" })).message).toBe("Access token is invalid or was revoked: reconnect your Threads account")
  })

  it("throttles 4/17/613 wait the Threads window unless a header says otherwise", () => {
    for (const code of [4, 17, 613]) {
      expect(mapThreadsError(response(400, { code, message: `(#${code}) limit` }), 0)).toMatchObject({ kind: "rate_limit", retryAfterMs: THREADS_THROTTLE_WAIT_MS })
    }
    expect(mapThreadsError(response(429, { code: 4, message: "(#4) limit" }, { "retry-after": "30" }), 0).retryAfterMs).toBe(30_000)
  })

  it("100/33 not found; 10 naming a scope is a permission error; only threads_basic ends the account's run", () => {
    expect(mapThreadsError(response(400, { code: 100, error_subcode: 33, message: "Unsupported get request. Object with ID '1' does not exist" })).kind).toBe("not_found")
    const insights = mapThreadsError(response(403, { code: 10, message: "(#10) Requires threads_manage_insights permission" }))
    expect(insights).toMatchObject({ kind: "permission", permission: "threads_manage_insights", message: "Permission denied (threads_manage_insights)" })
    expect(isThreadsAccountProblem(insights)).toBe(false)
    expect(isThreadsAccountProblem(mapThreadsError(response(403, { code: 10, message: "(#10) Requires threads_basic permission" })))).toBe(true)
  })

  it("code 1/2 are transient server errors; code 12 (version) is version_unsupported", () => {
    expect(mapThreadsError(response(500, { code: 1, message: "An unknown error has occurred.", is_transient: true })).kind).toBe("server")
    expect(mapThreadsError(response(400, { code: 12, message: "(#12) Version v0.9 is not supported by the Threads API" })).kind).toBe("version_unsupported")
  })
})
