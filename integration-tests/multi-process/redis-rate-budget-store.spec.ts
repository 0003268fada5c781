import Redis from "ioredis"
import { RedisRateBudgetStore } from "../../src/modules/socials/utils/redis-rate-budget-store"
import { claimRedisDb } from "./support/redis-db"

/**
 * The Redis rate budget on a real Redis, with two clients standing in for two
 * processes: booking is atomic across them, the window rolls, pauses are shared
 * and only ever extended.
 */
describe("RedisRateBudgetStore", () => {
  let redis: Awaited<ReturnType<typeof claimRedisDb>>
  let clients: Redis[] = []
  let stores: [RedisRateBudgetStore, RedisRateBudgetStore]
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

  beforeAll(async () => {
    redis = await claimRedisDb()
    clients = [new Redis(redis.url), new Redis(redis.url)]
    stores = [new RedisRateBudgetStore(clients[0]), new RedisRateBudgetStore(clients[1])]
  })

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.quit()))
    await redis?.release()
  })

  it("never books more than the limit, however many processes ask at once", async () => {
    const attempts = await Promise.all(Array.from({ length: 200 }, (_, i) => stores[i % 2].take("atomic", 1, 50, 60_000)))
    expect(attempts.filter((r) => r.ok)).toHaveLength(50)
    expect(attempts.filter((r) => !r.ok).every((r) => !r.ok && r.retryAfterMs > 0 && r.retryAfterMs <= 60_000)).toBe(true)
  })

  it("counts units (a batch of 40 is 40) and says when the oldest booking frees enough", async () => {
    expect(await stores[0].take("units", 40, 60, 60_000)).toEqual({ ok: true })
    const refused = await stores[1].take("units", 30, 60, 60_000)
    expect(refused.ok).toBe(false)
    expect(!refused.ok && refused.retryAfterMs).toBeGreaterThan(59_000)
    expect(await stores[1].take("units", 20, 60, 60_000)).toEqual({ ok: true })
    expect(await stores[0].take("units", 61, 60, 60_000)).toEqual({ ok: false, retryAfterMs: 60_000 })
  })

  it("remaining reads the units left and when the oldest booking returns, on Redis's clock, without booking", async () => {
    expect(await stores[0].remaining("left", 60, 60_000)).toEqual({ remaining: 60, returnsInMs: 60_000 })
    await stores[0].take("left", 40, 60, 60_000)
    await stores[1].take("left", 5, 60, 60_000)
    const read = await stores[1].remaining("left", 60, 60_000)
    expect(read.remaining).toBe(15)
    expect(read.returnsInMs).toBeGreaterThan(59_000)
    expect(read.returnsInMs).toBeLessThanOrEqual(60_000)
    expect((await stores[0].remaining("left", 60, 60_000)).remaining).toBe(15)
    await stores[0].pause?.("left", Date.now() + 5_000)
    const paused = await stores[1].remaining("left", 60, 60_000)
    expect(paused.remaining).toBe(0)
    expect(paused.returnsInMs).toBeGreaterThan(4_000)
  })

  it("rolls: a booking stops counting once it is older than the window", async () => {
    for (let i = 0; i < 3; i++) expect((await stores[i % 2].take("rolling", 1, 3, 400)).ok).toBe(true)
    const refused = await stores[0].take("rolling", 1, 3, 400)
    expect(refused.ok).toBe(false)
    await sleep(!refused.ok ? refused.retryAfterMs + 20 : 0)
    expect((await stores[1].take("rolling", 1, 3, 400)).ok).toBe(true)
    // Idle keys expire with their window.
    expect(await clients[0].pttl("socials:budget:rolling")).toBeGreaterThan(0)
    expect(await clients[0].pttl("socials:budget:rolling")).toBeLessThanOrEqual(400)
  })

  it("a pause set by one process holds for the other, and a shorter one never cuts it", async () => {
    await stores[0].pause?.("paused", Date.now() + 600)
    await stores[1].pause?.("paused", Date.now() + 50)
    const refused = await stores[1].take("paused", 1, 100, 60_000)
    expect(refused.ok).toBe(false)
    expect(!refused.ok && refused.retryAfterMs).toBeGreaterThan(400)
    await sleep(650)
    expect((await stores[1].take("paused", 1, 100, 60_000)).ok).toBe(true)
  })
})
