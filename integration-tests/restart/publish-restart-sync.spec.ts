import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Client } from "pg"
import { META_SEED_IDS } from "../../sandbox/meta/seed"
import { useSandbox } from "../helpers/sandbox"
import { runMedusaExec } from "../helpers/medusa-exec"

/**
 * Sync after publish survives a restart: one Medusa process publishes a post and
 * exits before the post is due; a new process, started later, syncs it. Nothing
 * about the pending sync lives in memory. The runner's own server only provides
 * the migrated database (its scheduler is off, so it never syncs behind the test).
 */
const EXEC_TEST_TIMEOUT_MS = 240_000
const sandbox = useSandbox()
beforeAll(() => {
  process.env.MEDUSA_WORKER_MODE = "server"
})

medusaIntegrationTestRunner({
  testSuite: ({ dbConfig }) => {
    // The exec processes run subscribers and jobs, as a worker would.
    const execEnv = () => ({
      MEDUSA_WORKER_MODE: "shared",
      SOCIALS_PUBLISH_SYNC_DELAY_SECONDS: "2",
      RESTART_FB_POST_ID: META_SEED_IDS.facebook.text,
      ...sandbox().env,
    })

    async function execOrFail(script: string) {
      const result = await runMedusaExec(script, { databaseUrl: dbConfig.clientUrl, env: execEnv() })
      if (result.code !== 0) {
        throw new Error(`medusa exec ${script} exited ${result.code}:\n${result.output}`)
      }
    }

    it(
      "the first process records the due time and exits; a later process syncs the post",
      async () => {
        await execOrFail("./integration-tests/restart/scripts/publish-post.ts")
        const db = new Client({ connectionString: dbConfig.clientUrl })
        await db.connect()
        try {
          const [pending] = (await db.query(`select id, next_sync_at, insights_sync_status from social_post`)).rows
          expect(pending.next_sync_at).not.toBeNull()
          expect(pending.insights_sync_status).toBeNull()
          expect(sandbox().stats().requests.meta).toBe(0)

          // Wait until due, then "restart": a brand-new process runs the due job once.
          const wait = new Date(pending.next_sync_at).getTime() - Date.now()
          await new Promise((r) => setTimeout(r, Math.max(0, wait) + 100))
          await execOrFail("./integration-tests/restart/scripts/run-due-job.ts")

          const [synced] = (
            await db.query(`select insights_sync_status, insights, next_sync_at from social_post where id = $1`, [pending.id])
          ).rows
          expect(synced.insights_sync_status).toBe("success")
          expect(synced.insights.likes).toBeGreaterThan(0)
          expect(new Date(synced.next_sync_at).getTime()).toBeGreaterThan(Date.now() + 30 * 60_000)
          expect(sandbox().stats().requests.meta).toBe(1)
        } finally {
          await db.end()
        }
      },
      EXEC_TEST_TIMEOUT_MS
    )
  },
})
