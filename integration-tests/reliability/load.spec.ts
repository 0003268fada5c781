import { mkdirSync, writeFileSync } from "fs"
import path from "path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { META_SEED_IDS } from "../../sandbox/meta/seed"
import { X_SEED_IDS } from "../../sandbox/x/seed"
import { LINKEDIN_SEED_IDS } from "../../sandbox/linkedin/seed"
import { DEFAULT_BUDGETS } from "../../src/modules/socials/platforms/http/rate-budget"
import { AdminHeaders, loginAsNewAdmin } from "../helpers/admin"
import { useSandbox } from "../helpers/sandbox"
import { createPlatform, createPost, percentile, quietScheduler, send } from "./support/api"
import { postInconsistencies, readPostStates, withPg } from "./support/db"
import { watchUnhandledRejections } from "./support/process-watch"

/**
 * 50 concurrent single-post syncs over 10 posts (5 per post, shuffled) plus 3
 * concurrent bulk syncs, all in flight at once against a sandbox with latency: no
 * 5xx, every request answered (no deadlock), each post synced exactly once in the
 * freshness window (per-post locks + freshness; counted per post id in the sandbox's
 * request log and by snapshots), no platform budget exceeded. The
 * figures go to stdout and test-results/reliability-load.json (docs/reliability.md).
 */

const LATENCY_MS = 40
const sandbox = useSandbox({ latencyMs: LATENCY_MS, jitterMs: 20 })
quietScheduler()
const unhandled = watchUnhandledRejections()

type Timed = { kind: "single" | "bulk"; postId?: string; status: number; ms: number; data: Record<string, unknown> }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let admin: AdminHeaders

    beforeEach(async () => {
      admin = await loginAsNewAdmin(getContainer(), api)
      sandbox().reset({ fixtures: true })
    })

    it("50 single syncs over 10 posts + 3 bulk syncs at once: no 5xx, no deadlock, one platform sync per post, budgets kept", async () => {
      const meta = await createPlatform(api, admin, "facebook", "104000000000001", { access_token: "meta-demo-token" })
      const x = await createPlatform(api, admin, "twitter", "1500000000000000001", { access_token: "x-demo-token", auth_type: "user_context" })
      const linkedin = await createPlatform(api, admin, "linkedin", "urn:li:organization:90000001", { access_token: "linkedin-demo-token" })
      const platformPostIds: Record<string, string> = {}
      const add = async (platform: string, insights: Record<string, string>, extra: Record<string, unknown> = {}) => {
        const id = await createPost(api, admin, platform, insights, extra)
        platformPostIds[id] = Object.values(insights)[0]
        return id
      }
      const posts = [
        await add(meta, { facebook_post_id: META_SEED_IDS.facebook.text }),
        await add(meta, { facebook_post_id: META_SEED_IDS.facebook.video }, { media_type: "VIDEO" }),
        await add(meta, { instagram_media_id: META_SEED_IDS.instagram.image }, { media_type: "IMAGE" }),
        await add(meta, { instagram_media_id: META_SEED_IDS.instagram.reel }, { media_type: "REELS" }),
        await add(x, { twitter_tweet_id: X_SEED_IDS.example }),
        await add(x, { twitter_tweet_id: X_SEED_IDS.photo }),
        await add(x, { twitter_tweet_id: X_SEED_IDS.video }),
        await add(linkedin, { linkedin_post_urn: LINKEDIN_SEED_IDS.example }),
        await add(linkedin, { linkedin_post_urn: LINKEDIN_SEED_IDS.share }),
        await add(linkedin, { linkedin_post_urn: LINKEDIN_SEED_IDS.video }),
      ]
      sandbox().reset()

      const timed = async (kind: Timed["kind"], url: string, postId?: string, data?: unknown): Promise<Timed> => {
        const started = performance.now()
        const res = await send(api, "POST", url, { data, headers: admin.headers, timeoutMs: 60_000 })
        return { kind, postId, status: res.status, ms: performance.now() - started, data: res.data }
      }
      const singles = posts.flatMap((id) => Array.from({ length: 5 }, () => id))
      // Deterministic shuffle: the same interleaving every run.
      for (let i = singles.length - 1, seed = 7; i > 0; i--) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31
        const j = seed % (i + 1)
        ;[singles[i], singles[j]] = [singles[j], singles[i]]
      }
      const calls: (() => Promise<Timed>)[] = singles.map((id) => () => timed("single", `/admin/social-posts/${id}/sync-insights`, id))
      for (let b = 0; b < 3; b++) {
        calls.splice(10 + b * 20, 0, () => timed("bulk", "/admin/social-posts/sync-all-insights", undefined, { limit: 50 }))
      }

      const wallStarted = performance.now()
      const answered = await Promise.all(calls.map((call) => call()))
      const wallMs = performance.now() - wallStarted

      // Every request answered; none with a 5xx; singles either synced, found the post fresh, or found it busy.
      expect(answered).toHaveLength(53)
      const byStatus: Record<string, number> = {}
      for (const a of answered) {
        byStatus[`${a.kind} ${a.status}`] = (byStatus[`${a.kind} ${a.status}`] ?? 0) + 1
      }
      expect(answered.filter((a) => a.status >= 500), JSON.stringify(byStatus)).toEqual([])
      for (const a of answered) {
        if (a.kind === "bulk") {
          expect(a.status).toBe(200)
          expect(a.data.failed).toBe(0)
        } else {
          expect([200, 409], JSON.stringify(a.data)).toContain(a.status)
        }
      }
      expect(unhandled()).toEqual([])

      // Exactly one sync per post reached the platform: one snapshot each, and the per-post platform log agrees.
      const states = await withPg(dbConfig.clientUrl, (pg) => readPostStates(pg, posts))
      for (const state of states) {
        expect(state.column_status, state.id).toBe("success")
        expect(state.snapshots, state.id).toBe(1)
        expect(postInconsistencies(state)).toEqual([])
      }
      const log = sandbox().log()
      const decoded = (q: string) => decodeURIComponent(q.replace(/\+/g, " "))
      const lookupsPerPost: Record<string, number> = {}
      for (const [postId, platformId] of Object.entries(platformPostIds)) {
        if (/^\d{19}$/.test(platformId)) {
          // X: one /2/tweets lookup per sync, whatever the batch.
          lookupsPerPost[postId] = log.filter((e) => e.family === "x" && e.path === "/2/tweets" && decoded(e.query).split(/[=,&]/).includes(platformId)).length
        } else if (/^\d+(_\d+)?$/.test(platformId)) {
          // Meta: one object read per sync, alone (GET /vX/{id}?fields=) or as a Graph batch item ("{id}?fields=").
          lookupsPerPost[postId] = log.filter(
            (e) =>
              e.family === "meta" &&
              (e.items ?? [`${e.path.replace(/^\/v\d+\.\d+\//, "")}?${e.query}`]).some((item) => decoded(item).startsWith(`${platformId}?`))
          ).length
        } else if (platformId.startsWith("urn:li:")) {
          // LinkedIn: one share-statistics call per sync.
          lookupsPerPost[postId] = log.filter(
            (e) => e.family === "linkedin" && e.path.includes("organizationalEntityShareStatistics") && decoded(e.query).includes(platformId)
          ).length
        }
      }
      expect(Object.keys(lookupsPerPost)).toHaveLength(10)
      for (const [postId, count] of Object.entries(lookupsPerPost)) {
        expect(count, `${postId} (${platformPostIds[postId]}) reached the platform ${count} times`).toBe(1)
      }

      // Budgets: nothing throttled by a platform, and each token well inside both the plugin's and the platform's limits.
      const stats = sandbox().stats()
      expect(stats.byStatus["429"] ?? 0).toBe(0)
      expect(log.filter((e) => e.status !== 200)).toEqual([])
      const units = {
        meta: stats.byToken["meta-demo-token"]?.units ?? 0,
        x: stats.byToken["x-demo-token"]?.requests ?? 0,
        linkedin: stats.byToken["linkedin-demo-token"]?.units ?? 0,
      }
      expect(units.meta).toBeLessThanOrEqual(DEFAULT_BUDGETS.facebook.limit)
      expect(units.x).toBeLessThanOrEqual(DEFAULT_BUDGETS.twitter.limit)
      expect(units.linkedin).toBeLessThanOrEqual(DEFAULT_BUDGETS.linkedin.limit)
      const outcomes = answered.flatMap((a) => (a.kind === "bulk" ? (a.data.results as { code?: string }[]) : [a.data as { code?: string }]))
      expect(outcomes.filter((o) => o.code === "rate_limited")).toEqual([])

      // Figures.
      const latencies = (kind: Timed["kind"]) => answered.filter((a) => a.kind === kind).map((a) => a.ms).sort((a, b) => a - b)
      const summary = (kind: Timed["kind"]) => {
        const l = latencies(kind)
        return { count: l.length, p50: Math.round(percentile(l, 50)), p95: Math.round(percentile(l, 95)), max: Math.round(l[l.length - 1]) }
      }
      const all = answered.map((a) => a.ms).sort((a, b) => a - b)
      const figures = {
        at: new Date().toISOString(),
        sandbox_latency_ms: `${LATENCY_MS} + 0..20 jitter`,
        requests: answered.length,
        wall_ms: Math.round(wallMs),
        statuses: byStatus,
        single_outcomes: {
          synced: answered.filter((a) => a.kind === "single" && a.status === 200 && /synced successfully/.test(String(a.data.message))).length,
          fresh: answered.filter((a) => a.kind === "single" && a.status === 200 && /fresh/.test(String(a.data.message))).length,
          busy: answered.filter((a) => a.kind === "single" && a.status === 409).length,
        },
        bulk_synced: answered.filter((a) => a.kind === "bulk").map((a) => a.data.success),
        latency_ms: { all: { p50: Math.round(percentile(all, 50)), p95: Math.round(percentile(all, 95)), max: Math.round(all[all.length - 1]) }, single: summary("single"), bulk: summary("bulk") },
        platform_calls: { total: stats.requests.total, meta: stats.requests.meta, x: stats.requests.x, linkedin: stats.requests.linkedin },
        platform_units: { meta: stats.units.meta, x: stats.units.x, linkedin: stats.units.linkedin },
        per_post_platform_syncs: lookupsPerPost,
        snapshots_per_post: Object.fromEntries(states.map((s) => [s.id, s.snapshots])),
      }
      const out = path.join(process.cwd(), "test-results")
      mkdirSync(out, { recursive: true })
      writeFileSync(path.join(out, "reliability-load.json"), JSON.stringify(figures, null, 2))
      process.stdout.write(`[reliability] load: ${JSON.stringify(figures)}\n`)
    })
  },
})
