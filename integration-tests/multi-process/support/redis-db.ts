import { randomUUID } from "node:crypto"
import Redis from "ioredis"

const MARKER = "socials-multi-process-test:owner"

/**
 * A Redis logical database of its own: the first empty one from 15 down, claimed
 * with a marker key so a concurrent run picks another. `release()` flushes it
 * (everything in it was created by this test).
 */
export async function claimRedisDb(baseUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379"): Promise<{ url: string; db: number; release(): Promise<void> }> {
  const root = baseUrl.replace(/\/\d+$/, "")
  const owner = randomUUID()
  for (let db = 15; db >= 1; db--) {
    const client = new Redis(`${root}/${db}`, { lazyConnect: true, maxRetriesPerRequest: 1 })
    await client.connect()
    const empty = (await client.dbsize()) === 0
    const claimed = empty && (await client.set(MARKER, owner, "EX", 3600, "NX")) === "OK"
    if (!claimed) {
      await client.quit()
      continue
    }
    return {
      url: `${root}/${db}`,
      db,
      release: async () => {
        if ((await client.get(MARKER)) === owner) await client.flushdb()
        await client.quit()
      },
    }
  }
  throw new Error("no empty Redis database (1-15) to run the multi-process test in")
}

/** Keys of our rate budgets in that database: the budgets really live in Redis. */
export async function budgetKeys(url: string): Promise<string[]> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 })
  try {
    return await client.keys("socials:budget:*")
  } finally {
    await client.quit()
  }
}
