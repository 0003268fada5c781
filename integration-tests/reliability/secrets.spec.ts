import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { Method } from "axios"
import { Client } from "pg"
import { META_SEED_IDS } from "../../sandbox/meta/seed"
import { X_SEED_IDS } from "../../sandbox/x/seed"
import { LINKEDIN_SEED_IDS } from "../../sandbox/linkedin/seed"
import type SocialsModuleService from "../../src/modules/socials/service"
import { AdminHeaders, loginAsNewAdmin } from "../helpers/admin"
import { useSandbox } from "../helpers/sandbox"
import { createPlatform, createPost, quietScheduler, send, type RawResponse } from "./support/api"
import { captureLogs, type LogCapture } from "./support/process-watch"

/**
 * Tokens go in once (encrypted at rest) and never come out: not in any table
 * (including Medusa's workflow_execution, caught with a trigger so even a row
 * written and deleted a moment later counts), not in an API response, not in a
 * log line, not in sync_errors, not in an outgoing URL as logged (Meta's carry
 * none: the token goes in the Authorization header). Errors are provoked on
 * Meta's single-object GETs.
 */

const SECRETS = {
  meta: "EAAG-reliability-page-token-0c1d2e3f",
  metaRotated: "EAAG-reliability-rotated-token-2b3c4d",
  metaRevoked: "EAAG-reliability-revoked-token-9z8y7x",
  x: "x-reliability-user-token-4a5b6c",
  xRefresh: "x-reliability-refresh-7d8e9f",
  xClientSecret: "x-client-secret-reliability-5e6f70",
  linkedin: "li-reliability-org-token-1a2b3c",
}

const sandbox = useSandbox()
quietScheduler()

beforeAll(() => {
  process.env.X_CLIENT_ID = "reliability-client"
  process.env.X_CLIENT_SECRET = SECRETS.xClientSecret
  // Timeouts are provoked on purpose; keep each one short.
  process.env.SOCIALS_REQUEST_TIMEOUT_MS = "300"
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let admin: AdminHeaders
    let logs: LogCapture
    const responses: string[] = []
    const hookUrls: string[] = []
    let workflowWrites: number

    beforeAll(async () => {
      // Every write to workflow_execution, kept even if the row is deleted when the workflow ends.
      const pg = new Client({ connectionString: dbConfig.clientUrl })
      await pg.connect()
      await pg.query(`
        create table reliability_workflow_audit (op text, row_text text);
        create function reliability_workflow_audit_fn() returns trigger language plpgsql as $$
          begin insert into reliability_workflow_audit values (TG_OP, NEW::text); return NEW; end $$;
        create trigger reliability_workflow_audit_trg after insert or update on workflow_execution
          for each row execute function reliability_workflow_audit_fn();`)
      await pg.end()
    })

    beforeEach(async () => {
      admin = await loginAsNewAdmin(getContainer(), api)
      sandbox().reset({ fixtures: true })
      const past = Date.now() - 60_000
      sandbox().addFixtures({
        tokens: [
          { token: SECRETS.meta, family: "meta", account_id: "104000000000001", linked_account_ids: ["17841400000000001"] },
          { token: SECRETS.metaRotated, family: "meta", account_id: "104000000000001", linked_account_ids: ["17841400000000001"] },
          { token: SECRETS.metaRevoked, family: "meta", account_id: "104000000000001", revoked: true },
          // Expired: the plugin must refresh it (and store the new pair, encrypted).
          { token: SECRETS.x, family: "x", account_id: "1500000000000000001", auth_type: "user_context", refresh_token: SECRETS.xRefresh, expires_at: past },
          { token: SECRETS.linkedin, family: "linkedin", account_id: "urn:li:organization:90000001" },
        ],
      })
      logs = captureLogs(getContainer())
      getContainer()
        .resolve<SocialsModuleService>("socials")
        .setRequestHook((info) => hookUrls.push(info.url))
    })

    afterEach(() => {
      logs.stop()
      getContainer().resolve<SocialsModuleService>("socials").setRequestHook(undefined)
    })

    const call = async (method: Method, url: string, data?: unknown): Promise<RawResponse> => {
      const res = await send(api, method, url, { data, headers: admin.headers })
      responses.push(`${method} ${url} -> ${res.status} ${JSON.stringify(res.data)}`)
      return res
    }

    it("never stores, returns or logs a token, even when platform calls fail", async () => {
      const meta = await createPlatform(api, admin, "facebook", "104000000000001", { access_token: SECRETS.meta })
      const x = await createPlatform(api, admin, "twitter", "1500000000000000001", {
        access_token: SECRETS.x,
        refresh_token: SECRETS.xRefresh,
        token_expires_at: new Date(Date.now() - 60_000).toISOString(),
        auth_type: "user_context",
      })
      const linkedin = await createPlatform(api, admin, "linkedin", "urn:li:organization:90000001", { access_token: SECRETS.linkedin })
      const revoked = await createPlatform(api, admin, "facebook", "104000000000001", { access_token: SECRETS.metaRevoked }, "revoked page")

      const fb = await createPost(api, admin, meta, { facebook_post_id: META_SEED_IDS.facebook.text })
      const ig = await createPost(api, admin, meta, { instagram_media_id: META_SEED_IDS.instagram.image })
      const tweet = await createPost(api, admin, x, { twitter_tweet_id: X_SEED_IDS.example })
      const share = await createPost(api, admin, linkedin, { linkedin_post_urn: LINKEDIN_SEED_IDS.example })
      const dead = await createPost(api, admin, revoked, { facebook_post_id: META_SEED_IDS.facebook.text })

      // Happy paths, the X refresh included.
      for (const id of [fb, ig, tweet, share]) {
        const res = await call("POST", `/admin/social-posts/${id}/sync-insights?force=true`)
        expect(res.status, JSON.stringify(res.data)).toBe(200)
      }
      const refusedByPlatform = await call("POST", `/admin/social-posts/${dead}/sync-insights?force=true`)
      expect(refusedByPlatform.status).toBe(422)
      expect(refusedByPlatform.data.message).toMatch(/reconnect/)

      // Faults on single-object Graph GETs, whose URL holds ?access_token=.
      for (const faults of [
        { status5xx: { count: 20, status: 500 as const } },
        { status5xx: { count: 20, status: 503 as const } },
        { reset: { count: 20 } },
        { malformed: { count: 20 } },
        { timeout: { count: 4 } },
      ]) {
        sandbox().setFaults({ ...faults, family: "meta" })
        const res = await call("POST", `/admin/social-posts/${fb}/sync-insights?force=true`)
        expect(res.status, JSON.stringify(faults)).toBeGreaterThanOrEqual(400)
        expect(res.status).toBeLessThan(500)
        sandbox().setFaults({})
      }

      // A reconnect with a new token, then everything else an admin can read.
      const rotated = await call("POST", `/admin/social-platforms/${meta}`, { api_config: { access_token: SECRETS.metaRotated } })
      expect(rotated.status).toBe(200)
      await call("POST", `/admin/social-posts/${fb}/sync-insights?force=true`)
      const bulk = await call("POST", "/admin/social-posts/sync-all-insights", { force: true })
      expect(bulk.status).toBe(200)
      await call("GET", "/admin/social-platforms")
      await call("GET", "/admin/social-posts?limit=200")
      for (const id of [meta, x, linkedin, revoked]) {
        await call("GET", `/admin/social-platforms/${id}`)
      }
      for (const id of [fb, ig, tweet, share, dead]) {
        await call("GET", `/admin/social-posts/${id}`)
        await call("GET", `/admin/social-posts/${id}/insights-snapshots`)
      }
      await getContainer().resolve("logger").info("reliability: log capture is live")

      // The X refresh issued a new pair; those are secrets too.
      const issued = sandbox()
        .fixtures.tokens.filter((t) => t.token.startsWith("x-at-"))
        .flatMap((t) => [t.token, t.refresh_token ?? ""])
        .filter(Boolean)
      expect(issued.length).toBeGreaterThan(0)
      const secrets = [...Object.values(SECRETS), ...issued, process.env.SOCIALS_ENCRYPTION_KEY ?? ""]
      const pattern = new RegExp(secrets.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"))

      // 1. The database: the plugin's tables, the workflow engine's, then every table.
      const pg = new Client({ connectionString: dbConfig.clientUrl })
      await pg.connect()
      try {
        const { rows: stored } = await pg.query("select api_config::text as api_config from social_platform")
        expect(stored.length).toBe(4)
        for (const row of stored) {
          expect(row.api_config).toMatch(/"access_token_encrypted": "v2:/)
        }
        // Medusa persists a workflow execution only for async / idempotent / retained workflows;
        // the audit table holds whatever was written, even transiently (none today).
        const { rows: trigger } = await pg.query("select count(*)::int as n from pg_trigger where tgname = 'reliability_workflow_audit_trg'")
        expect(trigger[0].n).toBe(1)
        const { rows: audit } = await pg.query("select count(*)::int as n from reliability_workflow_audit")
        workflowWrites = audit[0].n
        // The audit is live: a write to workflow_execution (here a marked one of ours) lands in it, so
        // the scan below, which covers the audit table too, would see a token the engine ever wrote.
        await pg.query(
          `insert into workflow_execution (id, workflow_id, transaction_id, run_id, execution, context, state)
           values ('reliability-canary', 'reliability-canary', 'reliability-canary', 'reliability-canary', '{"marker":"reliability-canary"}', '{}', 'done')`
        )
        await pg.query("delete from workflow_execution where id = 'reliability-canary'")
        const { rows: canary } = await pg.query("select count(*)::int as n from reliability_workflow_audit where row_text like '%reliability-canary%'")
        expect(canary[0].n).toBe(1)
        const { rows: afterCanary } = await pg.query("select count(*)::int as n from reliability_workflow_audit")
        expect(afterCanary[0].n).toBe(workflowWrites + 1)
        const leaks: string[] = []
        const { rows: tables } = await pg.query(
          "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'"
        )
        for (const { table_name } of tables) {
          const { rows } = await pg.query(`select t::text as row from "${table_name}" t where t::text ~ $1 limit 3`, [pattern.source])
          for (const row of rows) {
            leaks.push(`${table_name}: ${String(row.row).slice(0, 300)}`)
          }
        }
        expect(leaks).toEqual([])
      } finally {
        await pg.end()
      }

      // 2. API responses, sync_errors included.
      expect(responses.length).toBeGreaterThan(20)
      expect(responses.filter((r) => pattern.test(r))).toEqual([])
      const syncErrors = responses.filter((r) => r.includes("sync_errors"))
      expect(syncErrors.length).toBeGreaterThan(0)

      // 3. Log lines (Medusa's logger and raw stdout/stderr) and outgoing URLs as the plugin reports them.
      expect(logs.lines.some((l) => l.includes("log capture is live"))).toBe(true)
      expect(logs.lines.some((l) => /needs to be reconnected/.test(l))).toBe(true)
      expect(logs.lines.filter((l) => pattern.test(l))).toEqual([])
      expect(hookUrls.length).toBeGreaterThan(10)
      expect(hookUrls.filter((u) => pattern.test(u))).toEqual([])
      // Meta calls send the token in the Authorization header: no Graph URL carries it, not even redacted.
      const graphUrls = hookUrls.filter((u) => u.startsWith(sandbox().urls.meta))
      expect(graphUrls.length).toBeGreaterThan(5)
      expect(graphUrls.filter((u) => /[?&]access_token=/.test(u))).toEqual([])

      // 4. The sandbox did receive the real tokens (so the absence above means something).
      const used = Object.keys(sandbox().stats().byToken)
      expect(used).toEqual(expect.arrayContaining([SECRETS.meta, SECRETS.metaRotated, SECRETS.linkedin, issued[0]]))
    })
  },
})
