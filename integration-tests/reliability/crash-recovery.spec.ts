import { setTimeout as sleep } from "timers/promises"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { generateWorkload } from "../../sandbox/seed"
import { AdminHeaders, loginAsNewAdmin } from "../helpers/admin"
import { useSandbox } from "../helpers/sandbox"
import { createPlatform, createPost, quietScheduler } from "./support/api"
import { postInconsistencies, readPostStates, withPg } from "./support/db"
import { startMedusaExec } from "../helpers/medusa-exec"

/**
 * A Medusa process (`npx medusa exec` of a paged bulk sync) SIGKILLed in the middle
 * of its run against a slowed sandbox: every post is either fully synced (insights
 * JSON, bookkeeping columns and exactly one snapshot agree) or untouched; a second
 * run syncs exactly the rest (each post ends with one snapshot: nothing was synced
 * twice, nothing skipped).
 */

/** Separate Medusa processes boot in ~5 s each here, several times that on a loaded machine. */
const EXEC_TEST_TIMEOUT_MS = 240_000
const SCRIPT = "./integration-tests/reliability/fixtures/bulk-sync.ts"
const PER_FAMILY = 10
const POSTS = PER_FAMILY * 4
const sandbox = useSandbox({ latencyMs: 120 })
quietScheduler()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let admin: AdminHeaders

    beforeEach(async () => {
      admin = await loginAsNewAdmin(getContainer(), api)
      sandbox().reset({ fixtures: true })
    })

    it("leaves no post half-written when killed mid-run, and the next run completes the rest", async () => {
      const { accounts, ...fixtures } = generateWorkload({ seed: 8, instagram: PER_FAMILY, facebook: PER_FAMILY, x: PER_FAMILY, linkedin: PER_FAMILY })
      sandbox().addFixtures(fixtures)
      const page = accounts.meta.pages[0]
      const meta = await createPlatform(api, admin, "facebook", page.id, { access_token: page.token })
      const x = await createPlatform(api, admin, "twitter", accounts.x.users[0].id, { access_token: accounts.x.users[0].token, auth_type: "user_context" })
      const org = accounts.linkedin.organizations[0]
      const linkedin = await createPlatform(api, admin, "linkedin", org.urn, { access_token: org.token })
      const ids: string[] = []
      for (const m of fixtures.instagram) ids.push(await createPost(api, admin, meta, { instagram_media_id: m.id }, { media_type: m.media_product_type === "REELS" ? "REELS" : m.media_type }))
      for (const p of fixtures.facebook) ids.push(await createPost(api, admin, meta, { facebook_post_id: p.id }))
      for (const t of fixtures.tweets) ids.push(await createPost(api, admin, x, { twitter_tweet_id: t.id }))
      for (const l of fixtures.linkedin) ids.push(await createPost(api, admin, linkedin, { linkedin_post_urn: l.urn }))
      expect(ids).toHaveLength(POSTS)

      const states = () => withPg(dbConfig.clientUrl, (pg) => readPostStates(pg, ids))
      const syncedCount = async () => (await states()).filter((s) => s.column_status !== null).length

      // Run 1: killed once a few pages are in, while the next page is on the wire.
      let output = ""
      const first = startMedusaExec(SCRIPT, { databaseUrl: dbConfig.clientUrl, onOutput: (t) => (output += t) })
      const deadline = Date.now() + 90_000
      let before = 0
      while (Date.now() < deadline) {
        before = await syncedCount()
        if (before >= 8) {
          break
        }
        if (first.child.exitCode !== null) {
          throw new Error(`the bulk sync ended before it could be killed:\n${output}`)
        }
        await sleep(50)
      }
      expect(before, output).toBeGreaterThanOrEqual(8)
      first.child.kill("SIGKILL")
      const killed = await first.done
      expect(killed.signal).toBe("SIGKILL")

      // Was a page on the wire? (its "running" line printed, its result line not)
      const started = (output.match(/page \d+ running/g) ?? []).length
      const finished = (output.match(/page \d+: /g) ?? []).length
      const afterKill = await states()
      const done = afterKill.filter((s) => s.column_status !== null)
      expect(done.length).toBeGreaterThanOrEqual(before)
      expect(done.length, "the kill came too late to prove anything").toBeLessThan(POSTS)
      expect(afterKill.flatMap(postInconsistencies)).toEqual([])
      for (const state of afterKill) {
        expect(state.snapshots, state.id).toBe(state.column_status === null ? 0 : 1)
      }

      // Run 2: nothing holds the posts (locks died with the process); it syncs exactly the rest.
      const second = await startMedusaExec(SCRIPT, { databaseUrl: dbConfig.clientUrl }).done
      expect(second.code, second.output).toBe(0)
      expect(second.output).toContain(`[bulk-sync] done: ${POSTS - done.length} synced`)
      const final = await states()
      expect(final.flatMap(postInconsistencies)).toEqual([])
      for (const state of final) {
        expect(state.column_status, state.id).toBe("success")
        expect(state.snapshots, state.id).toBe(1)
      }
      process.stdout.write(
        `[reliability] crash: killed with ${done.length}/${POSTS} posts synced (${before} seen before the kill; ` +
          `${started - finished} page(s) in flight at the kill), ` +
          `second run synced the other ${POSTS - done.length}\n`
      )
    }, EXEC_TEST_TIMEOUT_MS)
  },
})
