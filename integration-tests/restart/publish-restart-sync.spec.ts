import path from "path"
import { spawn } from "child_process"
import { Client } from "pg"
import { startSandbox, type SandboxHandle } from "../../sandbox/server"
import { META_SEED_IDS } from "../../sandbox/meta/seed"

/**
 * Sync after publish survives a restart: one Medusa process publishes a post and
 * exits before the post is due; a new process, started later, syncs it. Nothing
 * about the pending sync lives in memory.
 */
const ROOT = path.join(__dirname, "..", "..")
const DB = `socials_restart_${process.env.VITEST_POOL_ID ?? "1"}_${process.pid}`
const SERVER = "postgres://postgres@127.0.0.1:5432"

function medusa(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, "node_modules", ".bin", "medusa"), args, { cwd: ROOT, env })
    let output = ""
    child.stdout.on("data", (d) => (output += d))
    child.stderr.on("data", (d) => (output += d))
    child.on("exit", (code) => (code === 0 ? resolve(output) : reject(new Error(`medusa ${args.join(" ")} exited ${code}:\n${output}`))))
  })
}

describe("sync after publish across a restart", () => {
  let sandbox: SandboxHandle
  let env: NodeJS.ProcessEnv
  const admin = new Client({ connectionString: `${SERVER}/postgres` })

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 })
    await admin.connect()
    await admin.query(`drop database if exists "${DB}"`)
    await admin.query(`create database "${DB}"`)
    env = {
      ...process.env,
      ...sandbox.env,
      NODE_ENV: "development",
      DATABASE_URL: `${SERVER}/${DB}`,
      SOCIALS_PUBLISH_SYNC_DELAY_SECONDS: "2",
      RESTART_FB_POST_ID: META_SEED_IDS.facebook.text,
      MEDUSA_DISABLE_TELEMETRY: "true",
    }
    await medusa(["db:migrate"], env)
  })

  afterAll(async () => {
    await sandbox?.stop()
    await admin.query(`drop database if exists "${DB}" with (force)`)
    await admin.end()
  })

  it("the first process records the due time and exits; a later process syncs the post", async () => {
    await medusa(["exec", "./integration-tests/restart/scripts/publish-post.ts"], env)
    const db = new Client({ connectionString: `${SERVER}/${DB}` })
    await db.connect()
    try {
      const [pending] = (await db.query(`select id, next_sync_at, insights_sync_status from social_post`)).rows
      expect(pending.next_sync_at).not.toBeNull()
      expect(pending.insights_sync_status).toBeNull()
      expect(sandbox.stats().requests.meta).toBe(0)

      // Wait until due, then "restart": a brand-new process runs the due job once.
      const wait = new Date(pending.next_sync_at).getTime() - Date.now()
      await new Promise((r) => setTimeout(r, Math.max(0, wait) + 100))
      await medusa(["exec", "./integration-tests/restart/scripts/run-due-job.ts"], env)

      const [synced] = (await db.query(`select insights_sync_status, insights, next_sync_at from social_post where id = $1`, [pending.id])).rows
      expect(synced.insights_sync_status).toBe("success")
      expect(synced.insights.likes).toBeGreaterThan(0)
      expect(new Date(synced.next_sync_at).getTime()).toBeGreaterThan(Date.now() + 30 * 60_000)
      expect(sandbox.stats().requests.meta).toBe(1)
    } finally {
      await db.end()
    }
  })
})
