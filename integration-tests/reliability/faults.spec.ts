import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { META_SEED_IDS } from "../../sandbox/meta/seed"
import { X_SEED_IDS } from "../../sandbox/x/seed"
import { LINKEDIN_SEED_IDS } from "../../sandbox/linkedin/seed"
import type { SandboxFaults } from "../../sandbox/types"
import type SocialsModuleService from "../../src/modules/socials/service"
import type { RequestInfo } from "../../src/modules/socials/platforms/http/request-hooks"
import { AdminHeaders, loginAsNewAdmin } from "../helpers/admin"
import { useSandbox } from "../helpers/sandbox"
import { createPlatform, createPost, quietScheduler, send } from "./support/api"
import { postInconsistencies, readPostStates, withPg, type StoredPostState } from "./support/db"
import { watchUnhandledRejections } from "./support/process-watch"

/**
 * Platform faults over real HTTP (the sandbox's fault injection), during a bulk
 * sync of eight posts on three platforms that were synced fine once before:
 * retries stay bounded, every post ends success / partial / failed with a reason,
 * the numbers and comments of the good sync are never lost or zeroed, nothing
 * rejects unhandled, and the server keeps answering.
 */

const MAX_RETRIES = 3
const TIMEOUT_MS = 300
const sandbox = useSandbox()
quietScheduler()
const unhandled = watchUnhandledRejections()

beforeAll(() => {
  // Faults are provoked on purpose; keep each timed-out attempt short.
  process.env.SOCIALS_REQUEST_TIMEOUT_MS = String(TIMEOUT_MS)
  process.env.SOCIALS_MAX_RETRIES = String(MAX_RETRIES)
})

type Scenario = {
  name: string
  faults: SandboxFaults
  /** What every post must end as. */
  expect: "failed" | "synced"
  /** A word the failure reason must contain. */
  reason?: RegExp
}

const SCENARIOS: Scenario[] = [
  { name: "a 503 burst longer than the retries", faults: { status5xx: { count: 10_000, status: 503 } }, expect: "failed", reason: /temporarily unavailable/ },
  { name: "a 500 burst shorter than the retries", faults: { status5xx: { count: 2, status: 500 } }, expect: "synced" },
  { name: "timeouts on every call", faults: { timeout: { count: 10_000 } }, expect: "failed", reason: /did not answer in time/ },
  { name: "connection resets on every call", faults: { reset: { count: 10_000 } }, expect: "failed", reason: /Could not reach/ },
  { name: "one connection reset", faults: { reset: { count: 1 } }, expect: "synced" },
  { name: "truncated JSON on every call", faults: { malformed: { count: 10_000 } }, expect: "failed", reason: /incomplete response/ },
  { name: "slow answers within the timeout", faults: { slowMs: TIMEOUT_MS / 3 }, expect: "synced" },
  { name: "answers slower than the timeout", faults: { slowMs: TIMEOUT_MS * 2 }, expect: "failed", reason: /did not answer in time/ },
]

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let admin: AdminHeaders
    let posts: Record<string, string>
    let platforms: Record<string, string>
    const requests: RequestInfo[] = []

    beforeEach(async () => {
      admin = await loginAsNewAdmin(getContainer(), api)
      sandbox().reset({ fixtures: true })
      platforms = {
        meta: await createPlatform(api, admin, "facebook", "104000000000001", { access_token: "meta-demo-token" }),
        x: await createPlatform(api, admin, "twitter", "1500000000000000001", { access_token: "x-demo-token", auth_type: "user_context" }),
        linkedin: await createPlatform(api, admin, "linkedin", "urn:li:organization:90000001", { access_token: "linkedin-demo-token" }),
      }
      posts = {
        fbText: await createPost(api, admin, platforms.meta, { facebook_post_id: META_SEED_IDS.facebook.text }),
        fbVideo: await createPost(api, admin, platforms.meta, { facebook_post_id: META_SEED_IDS.facebook.video }, { media_type: "VIDEO" }),
        igImage: await createPost(api, admin, platforms.meta, { instagram_media_id: META_SEED_IDS.instagram.image }, { media_type: "IMAGE" }),
        igReel: await createPost(api, admin, platforms.meta, { instagram_media_id: META_SEED_IDS.instagram.reel }, { media_type: "REELS" }),
        tweet: await createPost(api, admin, platforms.x, { twitter_tweet_id: X_SEED_IDS.example }),
        tweetPhoto: await createPost(api, admin, platforms.x, { twitter_tweet_id: X_SEED_IDS.photo }),
        share: await createPost(api, admin, platforms.linkedin, { linkedin_post_urn: LINKEDIN_SEED_IDS.example }),
        video: await createPost(api, admin, platforms.linkedin, { linkedin_post_urn: LINKEDIN_SEED_IDS.video }),
      }
      requests.length = 0
      getContainer()
        .resolve<SocialsModuleService>("socials")
        .setRequestHook((info) => requests.push(info))
    })

    afterEach(() => {
      getContainer().resolve<SocialsModuleService>("socials").setRequestHook(undefined)
      sandbox().setFaults({})
      expect(unhandled()).toEqual([])
    })

    const bulkSync = () => send(api, "POST", "/admin/social-posts/sync-all-insights", { data: { force: true }, headers: admin.headers, timeoutMs: 60_000 })
    const stored = () => withPg(dbConfig.clientUrl, (pg) => readPostStates(pg, Object.values(posts)))
    const metricsOf = (s: StoredPostState) => ({ likes: s.likes, comments: s.comments, comment_ids: [...s.comment_ids].sort() })

    /** A good sync first: the numbers the faults must not destroy. */
    async function syncCleanly() {
      const res = await bulkSync()
      expect(res.status).toBe(200)
      const statuses = (res.data.results as { status: string }[]).map((r) => r.status)
      expect(statuses).toEqual(Array(8).fill("success"))
      const states = await stored()
      for (const state of states) {
        expect(state.likes, state.id).toBeGreaterThan(0)
      }
      return { states, requests: requests.length }
    }

    it.each(SCENARIOS)("$name: retries bounded, every post accounted for, nothing lost", async (scenario) => {
      const clean = await syncCleanly()
      requests.length = 0
      const sandboxBefore = sandbox().stats().requests.total

      sandbox().setFaults(scenario.faults)
      const started = Date.now()
      const res = await bulkSync()
      const elapsedMs = Date.now() - started
      sandbox().setFaults({})

      // The request itself is answered, with one result per post.
      expect(res.status, JSON.stringify(res.data).slice(0, 500)).toBe(200)
      const results = res.data.results as { postId: string; status: string; error?: string; code?: string }[]
      expect(results.map((r) => r.postId).sort()).toEqual(Object.values(posts).sort())

      const after = await stored()
      for (const state of after) {
        const result = results.find((r) => r.postId === state.id)!
        expect(["success", "partial", "failed"]).toContain(state.column_status)
        if (scenario.expect === "failed") {
          expect(result.status, `${state.id}: ${JSON.stringify(result)}`).toBe("failed")
          expect(result.error).toMatch(scenario.reason!)
          expect(result.code).toBeTruthy()
          expect(state.column_status).toBe("failed")
        } else {
          expect(result.status, `${state.id}: ${JSON.stringify(result)}`).toBe("success")
        }
        // The fixtures did not change: whatever happened, the stored numbers and comments are the good ones.
        const before = clean.states.find((s) => s.id === state.id)!
        expect(metricsOf(state), state.id).toEqual(metricsOf(before))
        if (scenario.expect === "failed") {
          expect(state.column_synced_at, "a failed sync keeps the time of the last good one").toEqual(before.column_synced_at)
          expect(state.snapshots).toBe(before.snapshots)
        } else {
          expect(state.snapshots).toBe(before.snapshots + 1)
        }
        expect(postInconsistencies(state)).toEqual([])
      }

      // Retries are bounded: no request retried more than the policy allows, no storm overall.
      expect(Math.max(...requests.map((r) => r.attempt))).toBeLessThanOrEqual(MAX_RETRIES)
      expect(requests.length).toBeLessThanOrEqual(clean.requests * (MAX_RETRIES + 1))
      expect(sandbox().stats().requests.total - sandboxBefore).toBeLessThanOrEqual(clean.requests * (MAX_RETRIES + 1) + 2)
      expect(elapsedMs).toBeLessThan(20_000)
      process.stdout.write(
        `[reliability] fault "${scenario.name}": ${requests.length} platform requests (clean run ${clean.requests}), ` +
          `max attempt ${Math.max(...requests.map((r) => r.attempt))}, ${elapsedMs} ms\n`
      )

      // The server keeps answering, and a single-post sync under the same fault answers with a reason, not a 500.
      expect((await send(api, "GET", "/health")).status).toBe(200)
      expect((await send(api, "GET", "/admin/social-posts", { headers: admin.headers })).status).toBe(200)
      if (scenario.expect === "failed") {
        sandbox().setFaults(scenario.faults)
        const single = await send(api, "POST", `/admin/social-posts/${posts.fbText}/sync-insights?force=true`, { headers: admin.headers })
        sandbox().setFaults({})
        expect(single.status).toBe(422)
        expect(single.data.message).toMatch(scenario.reason!)
      }
    })

    it("throttling mid bulk sync: the throttled account stops, keeps its numbers and says when to retry; the others finish", async () => {
      const clean = await syncCleanly()
      // A fresh rate window that lets a few Graph calls through, then throttles (per batch item).
      sandbox().reset()
      sandbox().setOptions({ meta: { callsPerHour: 3 } })
      requests.length = 0

      const res = await bulkSync()
      sandbox().setOptions({ meta: {} })
      expect(res.status).toBe(200)
      const results = res.data.results as { postId: string; status: string; error?: string; code?: string }[]
      const metaIds = [posts.fbText, posts.fbVideo, posts.igImage, posts.igReel]
      const metaResults = results.filter((r) => metaIds.includes(r.postId))
      const throttled = metaResults.filter((r) => r.code === "rate_limited")
      expect(throttled.length, JSON.stringify(metaResults)).toBeGreaterThan(0)
      for (const r of throttled) {
        expect(r).toMatchObject({ status: "failed", error: expect.stringMatching(/Rate limit exceeded/) })
      }
      expect(res.data.retry_after).toBeGreaterThan(0)
      // Other accounts are not held back.
      for (const r of results.filter((x) => !metaIds.includes(x.postId))) {
        expect(r.status, JSON.stringify(r)).toBe("success")
      }
      // Throttled posts keep the good numbers; the account is throttled, not disconnected.
      const after = await stored()
      for (const state of after) {
        const before = clean.states.find((s) => s.id === state.id)!
        expect(metricsOf(state), state.id).toEqual(metricsOf(before))
        expect(postInconsistencies(state)).toEqual([])
      }
      const platform = await send(api, "GET", `/admin/social-platforms/${platforms.meta}`, { headers: admin.headers })
      expect(platform.data.social_platform).toMatchObject({ status: "active" })
      // No retry storm against a throttling platform: each throttled call is not retried in-request.
      expect(requests.filter((r) => r.platform !== "twitter" && r.platform !== "linkedin").length).toBeLessThanOrEqual(clean.requests)
      process.stdout.write(`[reliability] throttling: ${throttled.length} of 4 Meta posts throttled, retry_after ${res.data.retry_after}s\n`)
    })
  },
})
