import { THREADS_DEMO_TOKENS as T, THREADS_SEED_IDS as IDS } from "../../../../../../sandbox/threads/seed"
import { InMemoryRateBudgetStore } from "../../http"
import type { PlatformCredentials, SyncTarget } from "../../types"
import { THREADS_THROTTLE_WAIT_MS } from "../errors"
import { syncThreadsPosts } from "../sync"
import { threadsContext, useThreadsSandbox } from "./threads-sandbox-support"

const DAY = 86_400_000
const creds = (accessToken: string, extra: Partial<PlatformCredentials> = {}): PlatformCredentials => ({ accessToken, accountId: IDS.user, ...extra })
const target = (platformPostId: string, extra: Partial<SyncTarget> = {}): SyncTarget => ({ targetId: `post_${platformPostId}`, platformPostId, ...extra })
const inDays = (n: number) => new Date(Date.now() + n * DAY)

describe("Threads errors and throttling", () => {
  const sandbox = useThreadsSandbox()

  it("deleted, someone else's and unknown posts fail alone with 'Post not found'; a bad id costs no call", async () => {
    const ctx = threadsContext(sandbox, creds(T.user))
    const results = await syncThreadsPosts(ctx, [target(IDS.deleted), target(IDS.example), target(IDS.otherUsersPost), target(IDS.unknown), target("abc")])
    expect(results.map((r) => r.status)).toEqual(["failed", "success", "failed", "failed", "failed"])
    for (const i of [0, 2, 3]) {
      expect(results[i].errors[0]).toMatchObject({ section: "post", code: "not_found", message: "Post not found" })
      expect(results[i].fatal).toBeUndefined()
    }
    expect(results[4].errors[0].message).toBe("Invalid media ID")
    expect(ctx.counter.byOperation()["threads.media"]).toBe(4)
  })

  it("insights and replies scopes missing: those sections fail per post, naming the scope; the account goes on", async () => {
    const ctx = threadsContext(sandbox, creds(T.basicOnly))
    const results = await syncThreadsPosts(ctx, [target(IDS.example), target(IDS.manyReplies)])
    for (const r of results) {
      expect(r.fatal).toBeUndefined()
      expect(r.errors.map((e) => [e.section, e.message])).toEqual([
        ["insights", "Permission denied (threads_manage_insights)"],
        ["comments", "Permission denied (threads_read_replies)"],
      ])
    }
    expect(ctx.counter.byOperation()["threads.media"]).toBe(2)
  })

  it("threads_basic refused: an account problem, the first post's answer ends the run", async () => {
    sandbox.sandbox.addFixtures({ tokens: [{ token: "threads-no-scope", user_id: IDS.user, permissions: [] }] })
    const ctx = threadsContext(sandbox, creds("threads-no-scope"))
    const results = await syncThreadsPosts(ctx, [target(IDS.example), target(IDS.quiet), target(IDS.manyReplies)])
    expect(results.every((r) => r.status === "failed" && r.fatal?.kind === "permission")).toBe(true)
    expect(results[0].errors[0]).toMatchObject({ section: "post", message: "Permission denied (threads_basic): reconnect the Threads account and grant 'threads_basic'" })
    expect(ctx.counter.total()).toBe(1)
  })

  it("throttled (code 4): the account stops with retry_after, its budget pauses, the next run asks nothing", async () => {
    sandbox.sandbox.setOptions({ throttle: 4 })
    const budgetStore = new InMemoryRateBudgetStore()
    const ctx = threadsContext(sandbox, creds(T.user), { budgetStore })
    const before = Date.now()
    const results = await syncThreadsPosts(ctx, [target(IDS.example), target(IDS.quiet)])
    expect(results.map((r) => r.fatal?.kind)).toEqual(["rate_limit", "rate_limit"])
    expect(results[0].errors[0]).toMatchObject({ section: "account", code: "rate_limit", message: "Rate limit exceeded" })
    const retryAt = Date.parse(results[0].errors[0].retry_after ?? "")
    expect(retryAt).toBeGreaterThanOrEqual(before + THREADS_THROTTLE_WAIT_MS)
    expect(retryAt).toBeLessThan(Date.now() + THREADS_THROTTLE_WAIT_MS + 1_000)
    expect(sandbox.sandbox.log()).toHaveLength(1)

    sandbox.sandbox.setOptions({ throttle: undefined })
    const again = threadsContext(sandbox, creds(T.user), { budgetStore })
    const [later] = await syncThreadsPosts(again, [target(IDS.example)])
    expect(later.fatal?.kind).toBe("rate_limit")
    expect(again.counter.total()).toBe(0)
  })

  it("over the daily calls mid-run: posts already read keep their data, the rest fail with the throttle", async () => {
    sandbox.sandbox.setOptions({ callsPerDay: 4 })
    const results = await syncThreadsPosts(threadsContext(sandbox, creds(T.user), { config: { concurrency: 1 } }), [target(IDS.example), target(IDS.quiet), target(IDS.manyReplies)])
    expect(results[0].status).toBe("success")
    expect(results[1].errors.some((e) => e.code === "rate_limit" && e.retry_after)).toBe(true)
    expect(results[2].fatal?.kind).toBe("rate_limit")
  })

  it("X-App-Usage at the stop threshold pauses the account's budget before Threads throttles", async () => {
    sandbox.sandbox.setOptions({ appUsageHeader: true, callsPerDay: 10 })
    const ctx = threadsContext(sandbox, creds(T.user), { config: { concurrency: 1 } })
    const posts = [IDS.example, IDS.manyReplies, IDS.quiet, IDS.example, IDS.quiet].map((id) => target(id))
    const results = await syncThreadsPosts(ctx, posts)
    expect(results.slice(0, 3).map((r) => r.status)).toEqual(["success", "success", "success"])
    // Call 9 (the fourth post's media read) answered at 90 %: its other sections and the last post wait locally.
    expect(results[3].errors.map((e) => [e.section, e.code])).toEqual([["insights", "rate_limit"], ["comments", "rate_limit"]])
    expect(results[4].fatal).toMatchObject({ kind: "rate_limit", code: "local_budget" })
    expect(sandbox.sandbox.log()).toHaveLength(9)
    expect(sandbox.sandbox.log().every((e) => e.status === 200)).toBe(true)
  })

  it("a transient 500 (code 1) is retried and the post succeeds", async () => {
    sandbox.sandbox.setOptions({ serverErrors: 1 })
    const ctx = threadsContext(sandbox, creds(T.user))
    const [result] = await syncThreadsPosts(ctx, [target(IDS.quiet)])
    expect(result.status).toBe("success")
    expect(sandbox.sandbox.log()[0].status).toBe(500)
  })
})

describe("Threads long-lived tokens", () => {
  const sandbox = useThreadsSandbox()

  it("a token in its last week is renewed first (th_refresh_token), used, and saved without a refresh token", async () => {
    const ctx = threadsContext(sandbox, creds(T.expiring, { tokenExpiresAt: inDays(2) }))
    const [result] = await syncThreadsPosts(ctx, [target(IDS.example)])
    expect(result.status).toBe("success")
    expect(ctx.refreshed).toHaveLength(1)
    const fresh = ctx.refreshed[0]
    expect(fresh.accessToken).not.toBe(T.expiring)
    expect(fresh.refreshToken).toBeUndefined()
    expect(fresh.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 59 * DAY)
    const log = sandbox.sandbox.log()
    expect(log[0].path).toBe("/refresh_access_token")
    expect(log.slice(1).every((e) => e.tokenIn === "header")).toBe(true)
    expect(sandbox.sandbox.fixtures.tokens.find((t) => t.token === fresh.accessToken)).toBeTruthy()
  })

  it("a token with weeks left is used as it is", async () => {
    const ctx = threadsContext(sandbox, creds(T.user, { tokenExpiresAt: inDays(30) }))
    await syncThreadsPosts(ctx, [target(IDS.quiet)])
    expect(ctx.refreshed).toEqual([])
    expect(ctx.counter.byOperation()["threads.token_refresh"]).toBeUndefined()
  })

  it("a renewal refused while the token still works keeps the token (and saves nothing)", async () => {
    sandbox.sandbox.addFixtures({ tokens: [{ token: "threads-young-short", user_id: IDS.user, issued_at: Date.now() - 3_600_000, expires_at: Date.now() + 3 * DAY }] })
    const ctx = threadsContext(sandbox, creds("threads-young-short", { tokenExpiresAt: inDays(3) }))
    const [result] = await syncThreadsPosts(ctx, [target(IDS.quiet)])
    expect(result.status).toBe("success")
    expect(ctx.refreshed).toEqual([])
    expect(ctx.warnings.join(" ")).toContain("stays in use")
  })

  it("an expired token: the renewal is refused, the account needs reconnecting, no API call is made", async () => {
    const ctx = threadsContext(sandbox, creds(T.expired, { tokenExpiresAt: inDays(-1) }))
    const results = await syncThreadsPosts(ctx, [target(IDS.example), target(IDS.quiet)])
    expect(results.every((r) => r.fatal?.kind === "auth" && r.fatal.code === "refresh_failed")).toBe(true)
    expect(results[0].errors[0]).toMatchObject({ section: "account", code: "auth" })
    expect(results[0].errors[0].message).toContain("reconnect your Threads account")
    expect(sandbox.sandbox.log().map((e) => e.path)).toEqual(["/refresh_access_token"])
  })

  it("expiry unknown: Threads' 190/463 triggers one renewal, which is refused: reconnect", async () => {
    const ctx = threadsContext(sandbox, creds(T.expired))
    const [result] = await syncThreadsPosts(ctx, [target(IDS.example)])
    expect(result.fatal).toMatchObject({ kind: "auth", code: "refresh_failed" })
    expect(sandbox.sandbox.log().map((e) => e.path)).toEqual([`/v1.0/${IDS.example}`, "/refresh_access_token"])
  })

  it("a revoked token with time left: the refused renewal keeps it and Threads' own answer says why", async () => {
    const ctx = threadsContext(sandbox, creds(T.revoked, { tokenExpiresAt: inDays(30) }))
    const [result] = await syncThreadsPosts(ctx, [target(IDS.example)])
    expect(result.fatal).toMatchObject({ kind: "auth", code: 190, subcode: 467 })
    expect(result.errors[0].message).toBe("Access token is invalid or was revoked: reconnect your Threads account")
  })

  it("no URL, log line, error or result carries a token", async () => {
    const tokens = [T.expiring, T.expired]
    const ok = threadsContext(sandbox, creds(T.expiring, { tokenExpiresAt: inDays(2) }))
    const bad = threadsContext(sandbox, creds(T.expired))
    const outcome = JSON.stringify([await syncThreadsPosts(ok, [target(IDS.example), target(IDS.deleted)]), await syncThreadsPosts(bad, [target(IDS.example)])])
    const fresh = ok.refreshed[0].accessToken
    const urls = [...ok.counter.requests(), ...bad.counter.requests()].map((r) => r.url)
    expect(urls.some((u) => u.includes("refresh_access_token"))).toBe(true)
    for (const secret of [...tokens, fresh]) {
      expect(outcome).not.toContain(secret)
      expect(urls.join(" ")).not.toContain(secret)
      expect(ok.warnings.join(" ") + bad.warnings.join(" ")).not.toContain(secret)
      expect(JSON.stringify(sandbox.sandbox.log())).not.toContain(secret)
    }
    expect(sandbox.sandbox.log().filter((e) => e.tokenIn === "query").every((e) => e.path === "/refresh_access_token")).toBe(true)
  })
})
