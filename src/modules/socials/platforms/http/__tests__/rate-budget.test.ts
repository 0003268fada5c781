import { budgetKey, InMemoryRateBudgetStore, pauseBudget, takeBudgets, type RateBudgetStore } from "../rate-budget"

describe("rate budgets", () => {
  it("books units in a rolling window and says when room frees up", async () => {
    let now = 0
    const store = new InMemoryRateBudgetStore(() => now)
    expect(await store.take("k", 150, 200, 3_600_000)).toEqual({ ok: true })
    now = 1_000
    expect(await store.take("k", 50, 200, 3_600_000)).toEqual({ ok: true })
    now = 2_000
    expect(await store.take("k", 1, 200, 3_600_000)).toEqual({ ok: false, retryAfterMs: 3_598_000 })
    now = 3_600_001
    expect(await store.take("k", 100, 200, 3_600_000)).toEqual({ ok: true })
    expect(store.used("k", 3_600_000)).toBe(150)
  })

  it("remaining reads what is left and when units return, without booking", async () => {
    let now = 0
    const store = new InMemoryRateBudgetStore(() => now)
    expect(await store.remaining("k", 200, 3_600_000)).toEqual({ remaining: 200, returnsInMs: 3_600_000 })
    await store.take("k", 150, 200, 3_600_000)
    now = 1_000
    await store.take("k", 30, 200, 3_600_000)
    now = 2_000
    expect(await store.remaining("k", 200, 3_600_000)).toEqual({ remaining: 20, returnsInMs: 3_598_000 })
    expect(await store.remaining("k", 200, 3_600_000)).toEqual({ remaining: 20, returnsInMs: 3_598_000 })
    now = 3_600_001
    expect(await store.remaining("k", 200, 3_600_000)).toEqual({ remaining: 170, returnsInMs: 1_000 - 1 })
    await store.pause("k", now + 5_000)
    expect(await store.remaining("k", 200, 3_600_000)).toEqual({ remaining: 0, returnsInMs: 5_000 })
  })

  it("a batch larger than the limit can never pass", async () => {
    const store = new InMemoryRateBudgetStore(() => 0)
    expect(await store.take("k", 51, 50, 1_000)).toEqual({ ok: false, retryAfterMs: 1_000 })
  })

  it("pauses refuse until their time", async () => {
    let now = 0
    const store = new InMemoryRateBudgetStore(() => now)
    await store.pause("k", 5_000)
    expect(await store.take("k", 1, 10, 1_000)).toEqual({ ok: false, retryAfterMs: 5_000 })
    now = 5_000
    expect(await store.take("k", 1, 10, 1_000)).toEqual({ ok: true })
  })

  it("stores without pause() still honour pauses in this process", async () => {
    const inner = new InMemoryRateBudgetStore(() => 0)
    const bare: RateBudgetStore = { take: (...args) => inner.take(...args) }
    await pauseBudget(bare, "k", 2_000)
    expect(await takeBudgets(bare, [{ key: "k", limit: 10, windowMs: 1_000 }], 1, 0)).toEqual({ ok: false, retryAfterMs: 2_000 })
  })

  it("keys are per platform and account, and never contain a raw token", () => {
    expect(budgetKey("instagram", { accountId: "178" })).toBe("socials:instagram:acct:178")
    const byToken = budgetKey("twitter", { accessToken: "very-secret-token" }, "search-recent")
    expect(byToken).not.toContain("very-secret-token")
    expect(byToken).toMatch(/^socials:twitter:tok:[0-9a-f]{16}:search-recent$/)
  })
})
