import { randomBytes } from "node:crypto"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { Client } from "pg"
import { startSandbox, type SandboxHandle } from "../../sandbox/server"
import { generateWorkload } from "../../sandbox/seed"
import { claimRedisDb, budgetKeys } from "./support/redis-db"
import { runMedusa, startMedusa, type MedusaProcess } from "./support/processes"
import type { MultiProcessSeed } from "./support/seed"

/**
 * Two Medusa processes (`medusa start`, one `server`, one `shared`) on one
 * PostgreSQL database and one Redis: bulk syncs started on both at the same time
 * never sync a post twice (Redis locks + the freshness window) and never spend
 * more than a rate budget together (the budget lives in Redis). Proven against
 * the sandbox's own counters and the snapshot rows.
 */
const SERVER = process.env.MULTI_PROCESS_PG_URL ?? "postgres://postgres@127.0.0.1:5432"
const DB = `socials_multiprocess_${process.pid}_${Date.now()}`
const X_POSTS = 200
const FB_POSTS_PER_CONNECTION = 40
/** Less than two connections' worth (2 x 40 units): only one of them can be paid for. */
const FACEBOOK_BUDGET = 60
const SEVEN_DAYS_MS = 7 * 86_400_000

type BulkResult = { success: number; failed: number; skipped: number; total: number; results: { postId: string; status: string; code?: string }[] }

describe("several Medusa processes on one PostgreSQL and Redis", () => {
  const workload = generateWorkload({ seed: 11, accounts: 1, x: X_POSTS, facebook: 2 * FB_POSTS_PER_CONNECTION })
  const { accounts, ...fixtures } = workload
  const page = accounts.meta.pages[0]
  const xUser = accounts.x.users[0]
  let sandbox: SandboxHandle
  let redis: Awaited<ReturnType<typeof claimRedisDb>>
  let processes: MedusaProcess[] = []
  let platformIds: Record<string, string> = {}
  let headers: Record<string, string> = {}
  const tmp = mkdtempSync(path.join(os.tmpdir(), "socials-multi-process-"))
  const db = new Client({ connectionString: `${SERVER}/${DB}` })

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, latencyMs: 100, rateLimits: false, fixtures })
    redis = await claimRedisDb()
    const admin = new Client({ connectionString: `${SERVER}/postgres` })
    await admin.connect()
    await admin.query(`create database "${DB}"`)
    await admin.end()

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...sandbox.env,
      NODE_ENV: "development",
      DATABASE_URL: `${SERVER}/${DB}`,
      REDIS_URL: redis.url,
      SOCIALS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      JWT_SECRET: randomBytes(16).toString("hex"),
      COOKIE_SECRET: randomBytes(16).toString("hex"),
      SOCIALS_BUDGETS: JSON.stringify({ facebook: { limit: FACEBOOK_BUDGET, windowMs: 3_600_000 } }),
      SOCIALS_MAX_WAIT_MS: "200",
      SOCIALS_RETRY_BASE_DELAY_MS: "5",
      DISABLE_MEDUSA_ADMIN: "true",
      MEDUSA_DISABLE_TELEMETRY: "true",
      LOG_LEVEL: "warn",
    }
    await runMedusa(["db:migrate"], env)

    const seed: MultiProcessSeed = {
      admin: { email: "multi@example.com", password: randomBytes(12).toString("hex") },
      platforms: [
        { key: "x", name: "X", provider: "twitter", account_id: xUser.id, access_token: xUser.token, auth_type: "user_context" },
        // One Page connected twice: two sets of posts that share the Page's rate budget.
        { key: "fb1", name: "Page (first connection)", provider: "facebook", account_id: page.id, access_token: page.token },
        { key: "fb2", name: "Page (second connection)", provider: "facebook", account_id: page.id, access_token: page.token },
      ],
      posts: [
        ...fixtures.tweets.map((t) => ({ platformKey: "x", insights: { twitter_tweet_id: t.id }, media_type: "TEXT" as const, posted_at: t.created_at })),
        ...fixtures.facebook.map((p, i) => ({
          platformKey: i < FB_POSTS_PER_CONNECTION ? "fb1" : "fb2",
          insights: { facebook_post_id: p.id },
          media_type: "IMAGE" as const,
          posted_at: p.created_time,
        })),
      ],
    }
    const seedFile = path.join(tmp, "seed.json")
    writeFileSync(seedFile, JSON.stringify(seed))
    const output = await runMedusa(["exec", "./integration-tests/multi-process/support/seed.ts"], { ...env, MULTI_PROCESS_SEED: seedFile })
    platformIds = JSON.parse(/MULTI_PROCESS_PLATFORMS=(.*)/.exec(output)?.[1] ?? "{}") as Record<string, string>

    processes = await Promise.all([
      startMedusa("server", { ...env, MEDUSA_WORKER_MODE: "server" }),
      startMedusa("shared", { ...env, MEDUSA_WORKER_MODE: "shared" }),
    ])
    const login = await fetch(`${processes[0].url}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: seed.admin.email, password: seed.admin.password }),
    })
    headers = { authorization: `Bearer ${((await login.json()) as { token: string }).token}`, "content-type": "application/json" }
    await db.connect()
  }, 240_000)

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()))
    await db.end().catch(() => undefined)
    await sandbox?.stop()
    await redis?.release()
    const admin = new Client({ connectionString: `${SERVER}/postgres` })
    await admin.connect()
    await admin.query(`drop database if exists "${DB}" with (force)`)
    await admin.end()
    rmSync(tmp, { recursive: true, force: true })
  }, 60_000)

  const bulkSync = async (target: MedusaProcess, platformId: string): Promise<BulkResult> => {
    const res = await fetch(`${target.url}/admin/social-posts/sync-all-insights`, {
      method: "POST",
      headers,
      body: JSON.stringify({ platform_id: platformId, limit: 500 }),
    })
    expect(res.status).toBe(200)
    return (await res.json()) as BulkResult
  }

  it("two processes syncing the same posts at once sync each post exactly once", async () => {
    sandbox.reset()
    const [onServer, onShared] = await Promise.all(processes.map((p) => bulkSync(p, platformIds.x)))
    // Once more on both, still inside the freshness window: nothing new is fetched.
    const again = await Promise.all(processes.map((p) => bulkSync(p, platformIds.x)))

    const first = [...onServer.results, ...onShared.results]
    expect(onServer.success + onShared.success).toBe(X_POSTS)
    // The second process met the first one's locks (held in Redis) rather than syncing the posts again.
    expect(first.filter((r) => r.code === "sync_in_progress").length).toBeGreaterThan(0)
    const skipCodes = new Set(first.filter((r) => r.status === "skipped").map((r) => r.code))
    expect([...skipCodes].filter((c) => c !== "sync_in_progress" && c !== "fresh")).toEqual([])
    expect(again.map((r) => r.success)).toEqual([0, 0])
    // (Each process may still meet the other's short-lived locks while it checks freshness.)
    expect(again.flatMap((r) => r.results.map((o) => o.code)).filter((c) => c !== "fresh" && c !== "sync_in_progress")).toEqual([])

    // The platform read every post once (X bills each post read) and every reply once. Only posts younger
    // than 7 days get a reply search on a first sync (search/recent sees the last 7 days only).
    const recent = (iso: string): boolean => Date.parse(iso) > Date.now() - SEVEN_DAYS_MS
    const expectedReads = fixtures.tweets.reduce((sum, t) => sum + 1 + (recent(t.created_at) ? t.replies.filter((r) => recent(r.created_at)).length : 0), 0)
    expect(sandbox.stats().units.x).toBe(expectedReads)
    const { rows } = await db.query(
      `select p.id, count(s.id)::int as snapshots from social_post p left join social_post_insights_snapshot s on s.post_id = p.id
        where p.platform_id = $1 group by p.id`,
      [platformIds.x]
    )
    expect(rows).toHaveLength(X_POSTS)
    expect(rows.filter((r: { snapshots: number }) => r.snapshots !== 1)).toEqual([])
  })

  it("two processes spending one account's rate budget never exceed it together", async () => {
    sandbox.reset()
    // Each process syncs one connection of the same Page: 40 Graph units each, 60 allowed per hour.
    const [first, second] = await Promise.all([bulkSync(processes[0], platformIds.fb1), bulkSync(processes[1], platformIds.fb2)])

    expect(sandbox.stats().byToken[page.token]?.units ?? 0).toBeLessThanOrEqual(FACEBOOK_BUDGET)
    expect(sandbox.stats().units.meta).toBe(FB_POSTS_PER_CONNECTION)
    expect(first.success + second.success).toBe(FB_POSTS_PER_CONNECTION)
    const refused = [...first.results, ...second.results].filter((r) => r.status === "failed")
    expect(refused).toHaveLength(FB_POSTS_PER_CONNECTION)
    expect(new Set(refused.map((r) => r.code))).toEqual(new Set(["rate_limited"]))
    expect(await budgetKeys(redis.url)).toContain(`socials:budget:socials:facebook:acct:${page.id}`)
  })
})
