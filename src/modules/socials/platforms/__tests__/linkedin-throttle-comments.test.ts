import { randomUUID } from "node:crypto"
import Redis from "ioredis"
import { LINKEDIN_DEMO_TOKENS, LINKEDIN_SEED_IDS } from "../../../../../sandbox/linkedin/seed"
import { mergeWithPrevious } from "../../insights/merge"
import { RedisRateBudgetStore } from "../../utils/redis-rate-budget-store"
import { InMemoryRateBudgetStore, type RateBudgetStore } from "../http"
import { syncLinkedInPosts } from "../linkedin/sync"
import type { PlatformCredentials, SyncTarget } from "../types"
import { contextFor, sandboxStats, useSandbox } from "./sandbox-support"

const ORG = "urn:li:organization:90000001"
const ids = LINKEDIN_SEED_IDS
const creds: PlatformCredentials = { accessToken: LINKEDIN_DEMO_TOKENS.member, accountId: ORG }
const target = (platformPostId: string, extra: Partial<SyncTarget> = {}): SyncTarget => ({ targetId: `post_${platformPostId}`, platformPostId, ...extra })

const nextUtcMidnight = (): number => {
  const d = new Date()
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1)
}

describe("LinkedIn: daily throttles pause the account across runs", () => {
  const sandbox = useSandbox((s) => {
    s.setOptions({ rateLimits: true, linkedin: {} })
  })
  let redis: Redis | undefined
  afterAll(async () => {
    await redis?.quit()
  })

  it("a 429 without Retry-After whose body does not say DAY (serviceErrorCode 101) waits until midnight UTC, with no quick retries", async () => {
    sandbox.setOptions({ linkedin: { dailyMemberLimit: 0, throttleBody: "code-101" } })
    const [result] = await syncLinkedInPosts(contextFor(sandbox, creds), [target(ids.example)])
    expect(result).toMatchObject({ status: "failed", errors: [expect.objectContaining({ code: "rate_limit" })] })
    expect(Math.abs(Date.parse(result.errors[0].retry_after ?? "") - nextUtcMidnight())).toBeLessThan(2_000)
    expect((await sandboxStats(sandbox)).requests.linkedin).toBe(1)
  })

  const stores: [string, () => RateBudgetStore][] = [
    ["in memory", () => new InMemoryRateBudgetStore()],
    [
      "Redis",
      () => {
        redis ??= new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: 1 })
        return new RedisRateBudgetStore(redis, `socials:test:${randomUUID()}:`)
      },
    ],
  ]
  for (const [name, makeStore] of stores) {
    it(`a pause set by one run is honoured by the next run over the same store (${name})`, async () => {
      sandbox.setOptions({ linkedin: { dailyMemberLimit: 0 } })
      const store = makeStore()
      const [first] = await syncLinkedInPosts(contextFor(sandbox, creds, { budgetStore: store }), [target(ids.example)])
      expect(first.fatal?.isRateLimit).toBe(true)
      expect((await sandboxStats(sandbox)).requests.linkedin).toBe(1)

      // A fresh context (the next run, or another process) over the same store: nothing is sent.
      sandbox.setOptions({ linkedin: {} })
      const next = contextFor(sandbox, creds, { budgetStore: store })
      const [second] = await syncLinkedInPosts(next, [target(ids.example)])
      expect(second.status).toBe("failed")
      expect(second.errors[0].code).toBe("rate_limit")
      expect(Math.abs(Date.parse(second.errors[0].retry_after ?? "") - nextUtcMidnight())).toBeLessThan(2_000)
      expect((await sandboxStats(sandbox)).requests.linkedin).toBe(1)
      expect(next.counter.total()).toBe(0)
    })
  }
})

describe("LinkedIn comments: the newest whatever the order, deletions go", () => {
  const sandbox = useSandbox((s) => {
    s.setOptions({ rateLimits: true, linkedin: {} })
  })
  const newestIds = (n: number): string[] => {
    const post = sandbox.fixtures.linkedin.find((p) => p.urn === ids.manyComments)
    return [...(post?.comments ?? [])].sort((a, b) => b.created_at - a.created_at).slice(0, n).map((c) => c.id)
  }

  for (const order of ["oldest-first", "unordered"] as const) {
    it(`keeps the newest 100 of 130 when LinkedIn lists them ${order}`, async () => {
      sandbox.setOptions({ linkedin: { commentsOrder: order } })
      const ctx = contextFor(sandbox, creds)
      const [result] = await syncLinkedInPosts(ctx, [target(ids.manyComments)])
      expect(result.insights?.comments_data?.map((c) => c.id)).toEqual(newestIds(100))
      expect(result.commentsComplete).toBe(true)
      expect(ctx.counter.byOperation()["linkedin.comments"]).toBe(2)
    })
  }

  it("a comment deleted on LinkedIn disappears from comments_data after the next sync", async () => {
    const [first] = await syncLinkedInPosts(contextFor(sandbox, creds), [target(ids.manyComments)])
    const stored = mergeWithPrevious(undefined, first)
    const gone = newestIds(3)[2]
    expect(stored.comments_data?.map((c) => c.id)).toContain(gone)
    const post = sandbox.fixtures.linkedin.find((p) => p.urn === ids.manyComments)
    if (post) post.comments = post.comments.filter((c) => c.id !== gone)

    const [second] = await syncLinkedInPosts(contextFor(sandbox, creds), [target(ids.manyComments, { previousComments: stored.comments_data, previousCommentCount: stored.comments })])
    const merged = mergeWithPrevious(stored, second)
    expect(merged.comments_data?.map((c) => c.id)).not.toContain(gone)
    expect(merged.comments_data?.map((c) => c.id)).toEqual(newestIds(100))
  })
})
