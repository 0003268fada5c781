import { setTimeout as sleep } from "timers/promises"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { META_SEED_IDS } from "../../sandbox/meta/seed"
import { X_SEED_IDS } from "../../sandbox/x/seed"
import { AdminHeaders, loginAsNewAdmin } from "../helpers/admin"
import { useSandbox } from "../helpers/sandbox"
import { createPlatform, createPost, quietScheduler, send } from "./support/api"
import { withPg } from "./support/db"

/**
 * One refresh per account at a time. X rotates refresh tokens (the sandbox takes
 * the used one off its holder), so two syncs that both refresh an expired token
 * leave the second with invalid_grant although a valid pair was just stored.
 * And a refusal of a token that is no longer the stored one (a reconnect saved
 * meanwhile) must not mark the account needs_reconnect.
 */

const LATENCY_MS = 250
/** Latency for the tests that act while a call is on the wire. */
const SLOW_PLATFORM_MS = 1_500
const sandbox = useSandbox({ latencyMs: LATENCY_MS })
quietScheduler()

const X_EXPIRED = "x-race-expired-token"
const X_REFRESH = "x-race-refresh-token"
const META_REVOKED = "meta-race-revoked-token"

beforeAll(() => {
  process.env.X_CLIENT_ID = "race-client"
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let admin: AdminHeaders

    beforeEach(async () => {
      admin = await loginAsNewAdmin(getContainer(), api)
      sandbox().reset({ fixtures: true })
      sandbox().setOptions({ latencyMs: LATENCY_MS })
      sandbox().addFixtures({
        tokens: [
          { token: X_EXPIRED, family: "x", account_id: "1500000000000000001", auth_type: "user_context", refresh_token: X_REFRESH, expires_at: Date.now() - 60_000 },
          { token: META_REVOKED, family: "meta", account_id: "104000000000001", revoked: true },
        ],
      })
    })

    /** Starts a request and resolves once its first platform call has reached the sandbox (not its answer). */
    async function onTheWire<T>(start: () => Promise<T>): Promise<{ running: Promise<T> }> {
      const before = sandbox().stats().requests.meta
      const running = start()
      for (const until = Date.now() + 10_000; sandbox().stats().requests.meta === before; ) {
        if (Date.now() > until) throw new Error("the sync never reached the platform")
        await sleep(20)
      }
      // Wrapped: an async function returning the promise itself would wait for its answer.
      return { running }
    }

    const sync = (postId: string) => send(api, "POST", `/admin/social-posts/${postId}/sync-insights?force=true`, { headers: admin.headers })
    const platformRow = (id: string) =>
      withPg(dbConfig.clientUrl, async (pg) => (await pg.query("select status, api_config from social_platform where id = $1", [id])).rows[0])

    it("two syncs that find the X token expired refresh it once; both succeed and the account stays active", async () => {
      const x = await createPlatform(api, admin, "twitter", "1500000000000000001", {
        access_token: X_EXPIRED,
        refresh_token: X_REFRESH,
        token_expires_at: new Date(Date.now() - 60_000).toISOString(),
        auth_type: "user_context",
      })
      // Two posts: the per-post lock would otherwise turn the second request away.
      const first = await createPost(api, admin, x, { twitter_tweet_id: X_SEED_IDS.example })
      const second = await createPost(api, admin, x, { twitter_tweet_id: X_SEED_IDS.photo })
      const before = (await platformRow(x)).api_config.access_token_encrypted

      const [a, b] = await Promise.all([sync(first), sync(second)])
      expect(a.status, JSON.stringify(a.data)).toBe(200)
      expect(b.status, JSON.stringify(b.data)).toBe(200)

      const refreshes = sandbox()
        .log()
        .filter((e) => e.family === "x" && e.path.endsWith("/oauth2/token"))
      expect(refreshes.map((e) => e.status)).toEqual([200])
      const row = await platformRow(x)
      expect(row.status).toBe("active")
      expect(row.api_config.access_token_encrypted).not.toBe(before)
      // Both syncs read with the one issued token.
      const issued = sandbox().fixtures.tokens.filter((t) => t.token.startsWith("x-at-"))
      expect(issued).toHaveLength(1)
      expect(sandbox().stats().byToken[issued[0].token]?.requests ?? 0).toBeGreaterThanOrEqual(2)

      // The stored pair is the rotated one: a later sync needs no refresh.
      sandbox().reset()
      expect((await sync(first)).status).toBe(200)
      expect(sandbox().log().filter((e) => e.path.endsWith("/oauth2/token"))).toEqual([])
    })

    it("a refusal of a token replaced while the sync was in flight does not mark the account needs_reconnect", async () => {
      const page = await createPlatform(api, admin, "facebook", "104000000000001", { access_token: META_REVOKED })
      const post = await createPost(api, admin, page, { facebook_post_id: META_SEED_IDS.facebook.text })

      // The sync starts with the revoked token; while its first call is on the wire the admin reconnects
      // (a slow platform, so the reconnect is saved before the refusal comes back, however slow the machine).
      sandbox().setOptions({ latencyMs: SLOW_PLATFORM_MS })
      const { running } = await onTheWire(() => sync(post))
      const reconnect = await send(api, "POST", `/admin/social-platforms/${page}`, {
        data: { api_config: { access_token: "meta-demo-token" } },
        headers: admin.headers,
      })
      expect(reconnect.status).toBe(200)
      const refused = await running
      expect(refused.status, JSON.stringify(refused.data)).toBe(422)
      expect(refused.data).toMatchObject({ code: "token_expired" })

      // The refused token is no longer the stored one: the account is not marked.
      expect((await platformRow(page)).status).toBe("active")
      const again = await sync(post)
      expect(again.status, JSON.stringify(again.data)).toBe(200)

      // The same refusal with the refused token still stored does mark it.
      await send(api, "POST", `/admin/social-platforms/${page}`, { data: { api_config: { access_token: META_REVOKED } }, headers: admin.headers })
      expect((await sync(post)).status).toBe(422)
      expect((await platformRow(page)).status).toBe("needs_reconnect")
    })

    it("a sync that succeeds with the stored token sets an account marked needs_reconnect meanwhile back to active", async () => {
      const page = await createPlatform(api, admin, "facebook", "104000000000001", { access_token: "meta-demo-token" })
      const post = await createPost(api, admin, page, { facebook_post_id: META_SEED_IDS.facebook.text })
      sandbox().setOptions({ latencyMs: SLOW_PLATFORM_MS })
      const { running } = await onTheWire(() => sync(post))
      // Another run's refusal of this very token marked it (a platform hiccup, a stale read)...
      await withPg(dbConfig.clientUrl, (pg) => pg.query("update social_platform set status = 'needs_reconnect' where id = $1", [page]))
      // ...but this sync's calls with it succeed.
      const done = await running
      expect(done.status, JSON.stringify(done.data)).toBe(200)
      expect((await platformRow(page)).status).toBe("active")
    })
  },
})
