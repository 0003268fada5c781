import { setTimeout as sleep } from "timers/promises"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { META_SEED_IDS } from "../../sandbox/meta/seed"
import { X_SEED_IDS } from "../../sandbox/x/seed"
import { LINKEDIN_SEED_IDS } from "../../sandbox/linkedin/seed"
import { AdminHeaders, loginAsNewAdmin } from "../helpers/admin"
import { useSandbox } from "../helpers/sandbox"
import { createPlatform, createPost, quietScheduler, send } from "./support/api"
import { postInconsistencies, readPostStates, withPg } from "./support/db"
import { watchUnhandledRejections } from "./support/process-watch"

/**
 * A token that expires while a bulk sync is in flight (the sandbox flips it while
 * the first requests are on the wire): that account's posts fail at once with a
 * reconnect message and the platform becomes `needs_reconnect`; the other accounts
 * finish; the failed posts keep their numbers; reconnecting makes it active again.
 */

const LATENCY_MS = 300
const sandbox = useSandbox({ latencyMs: LATENCY_MS })
quietScheduler()
const unhandled = watchUnhandledRejections()

const CASES = [
  // The Page token also reads the linked Instagram account: its posts name Instagram.
  { account: "meta", token: "meta-demo-token", label: "Facebook", reconnectMessage: /reconnect your (Facebook|Instagram) account/ },
  { account: "linkedin", token: "linkedin-demo-token", label: "LinkedIn", reconnectMessage: /reconnect your LinkedIn account/ },
] as const

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let admin: AdminHeaders

    beforeEach(async () => {
      admin = await loginAsNewAdmin(getContainer(), api)
      sandbox().reset({ fixtures: true })
    })

    afterEach(() => {
      expect(unhandled()).toEqual([])
    })

    it.each(CASES)("$label token expires mid-run: its posts fail fast, the platform needs a reconnect, the others finish", async ({ account, token, label, reconnectMessage }) => {
      const platforms = {
        meta: await createPlatform(api, admin, "facebook", "104000000000001", { access_token: "meta-demo-token" }),
        metaSecond: await createPlatform(api, admin, "facebook", "104000000000002", { access_token: "meta-second-token" }),
        x: await createPlatform(api, admin, "twitter", "1500000000000000001", { access_token: "x-demo-token", auth_type: "user_context" }),
        linkedin: await createPlatform(api, admin, "linkedin", "urn:li:organization:90000001", { access_token: "linkedin-demo-token" }),
      }
      const postsByAccount: Record<string, string[]> = {
        meta: [
          await createPost(api, admin, platforms.meta, { facebook_post_id: META_SEED_IDS.facebook.text }),
          await createPost(api, admin, platforms.meta, { facebook_post_id: META_SEED_IDS.facebook.photoNoShares }),
          await createPost(api, admin, platforms.meta, { instagram_media_id: META_SEED_IDS.instagram.image }, { media_type: "IMAGE" }),
        ],
        metaSecond: [await createPost(api, admin, platforms.metaSecond, { facebook_post_id: META_SEED_IDS.facebook.secondPagePost })],
        x: [await createPost(api, admin, platforms.x, { twitter_tweet_id: X_SEED_IDS.example })],
        linkedin: [
          await createPost(api, admin, platforms.linkedin, { linkedin_post_urn: LINKEDIN_SEED_IDS.example }),
          await createPost(api, admin, platforms.linkedin, { linkedin_post_urn: LINKEDIN_SEED_IDS.video }),
        ],
      }
      const allPosts = Object.values(postsByAccount).flat()
      const first = await send(api, "POST", "/admin/social-posts/sync-all-insights", { data: { force: true }, headers: admin.headers })
      expect((first.data.results as { status: string }[]).every((r) => r.status === "success"), JSON.stringify(first.data)).toBe(true)
      const before = await withPg(dbConfig.clientUrl, (pg) => readPostStates(pg, allPosts))

      // The bulk run starts; while its first requests are still in flight the token expires.
      sandbox().reset()
      const run = send(api, "POST", "/admin/social-posts/sync-all-insights", { data: { force: true }, headers: admin.headers })
      await sleep(LATENCY_MS / 3)
      const fixture = sandbox().fixtures.tokens.find((t) => t.token === token)!
      fixture.expires_at = Date.now() - 1_000
      const started = Date.now()
      const res = await run
      const elapsedMs = Date.now() - started + LATENCY_MS / 3

      expect(res.status).toBe(200)
      const results = res.data.results as { postId: string; status: string; error?: string; code?: string }[]
      for (const postId of postsByAccount[account]) {
        expect(results.find((r) => r.postId === postId)).toMatchObject({
          status: "failed",
          code: "token_expired",
          error: expect.stringMatching(reconnectMessage),
        })
      }
      for (const postId of allPosts.filter((id) => !postsByAccount[account].includes(id))) {
        expect(results.find((r) => r.postId === postId), postId).toMatchObject({ status: "success" })
      }

      // Fail fast: no retries with a dead token, so only the calls already under way reached the platform.
      const deadCalls = sandbox().stats().byToken[token]?.requests ?? 0
      const callsPerRun = account === "meta" ? 2 : 3
      expect(deadCalls).toBeLessThanOrEqual(callsPerRun)
      const deadEntries = sandbox()
        .log()
        .filter((e) => e.family === (account === "meta" ? "meta" : "linkedin"))
      expect(deadEntries.every((e) => e.status === 401 || e.status === 400 || e.status === 200)).toBe(true)

      const platform = await send(api, "GET", `/admin/social-platforms/${platforms[account]}`, { headers: admin.headers })
      expect(platform.data.social_platform).toMatchObject({ status: "needs_reconnect" })
      for (const other of Object.keys(platforms).filter((k) => k !== account)) {
        const p = await send(api, "GET", `/admin/social-platforms/${platforms[other as keyof typeof platforms]}`, { headers: admin.headers })
        expect(p.data.social_platform, other).toMatchObject({ status: "active" })
      }

      // The failed posts keep the numbers of the last good sync.
      const after = await withPg(dbConfig.clientUrl, (pg) => readPostStates(pg, allPosts))
      for (const state of after) {
        const previous = before.find((s) => s.id === state.id)!
        expect({ likes: state.likes, comments: state.comments }).toEqual({ likes: previous.likes, comments: previous.comments })
        expect(postInconsistencies(state)).toEqual([])
        if (postsByAccount[account].includes(state.id)) {
          expect(state.column_status).toBe("failed")
          expect(state.column_synced_at).toEqual(previous.column_synced_at)
        }
      }

      // A single-post sync now says the same, with a status the dashboard won't take for its own logout.
      const single = await send(api, "POST", `/admin/social-posts/${postsByAccount[account][0]}/sync-insights?force=true`, { headers: admin.headers })
      expect(single.status).toBe(422)
      expect(single.data).toMatchObject({ code: "token_expired", message: expect.stringMatching(/reconnect/) })

      // Reconnecting (a fresh token) makes the account active and syncable again.
      const renewed = `${token}-renewed`
      sandbox().addFixtures({ tokens: [{ ...fixture, token: renewed, expires_at: undefined }] })
      const reconnect = await send(api, "POST", `/admin/social-platforms/${platforms[account]}`, {
        data: { api_config: { access_token: renewed } },
        headers: admin.headers,
      })
      expect(reconnect.data.social_platform).toMatchObject({ status: "active" })
      const again = await send(api, "POST", `/admin/social-posts/${postsByAccount[account][0]}/sync-insights?force=true`, { headers: admin.headers })
      expect(again.status, JSON.stringify(again.data)).toBe(200)
      process.stdout.write(`[reliability] ${label} token expiry: ${deadCalls} call(s) with the dead token, run answered in ${elapsedMs} ms\n`)
    })
  },
})
