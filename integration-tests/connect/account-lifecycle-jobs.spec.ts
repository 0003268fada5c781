import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { vi } from "vitest"
import { SANDBOX_OAUTH_APPS } from "../../sandbox/core/consent-page"
import { LINKEDIN_DEMO_TOKENS } from "../../sandbox/linkedin/seed"
import { META_DEMO_TOKENS, META_SEED_IDS } from "../../sandbox/meta/seed"
import { THREADS_DEMO_TOKENS, THREADS_SEED_IDS } from "../../sandbox/threads/seed"
import type { InstagramMediaFixture, TweetFixture } from "../../sandbox/types"
import { X_DEMO_TOKENS } from "../../sandbox/x/seed"
import discoverNewPostsJob from "../../src/jobs/discover-new-posts"
import refreshPlatformTokensJob from "../../src/jobs/refresh-platform-tokens"
import { budgetKey, pauseBudget } from "../../src/modules/socials/platforms/http/rate-budget"
import type SocialsModuleService from "../../src/modules/socials/service"
import type { StoredApiConfig } from "../../src/modules/socials/utils/api-config"
import { monthOf } from "../../src/modules/socials/x-spend/month"
import { AdminHeaders, loginAsNewAdmin } from "../helpers/admin"
import { useSandbox } from "../helpers/sandbox"

// The jobs under test are run by the tests; their schedules (and the due sync, whose X
// lookups would be billed reads too) must not fire on their own meanwhile: once a day,
// twelve hours from now. (Not a yearly cron: the in-memory scheduler's setTimeout
// overflows past 24.8 days and fires at once.)
const later = new Date(Date.now() + 12 * 3_600_000)
const NEVER_IN_A_TEST = `${later.getMinutes()} ${later.getHours()} * * *`
Object.assign(process.env, {
  SOCIALS_DISCOVERY_CRON: NEVER_IN_A_TEST,
  SOCIALS_TOKEN_LIFECYCLE_CRON: NEVER_IN_A_TEST,
  SOCIALS_DUE_SYNC_CRON: NEVER_IN_A_TEST,
  SOCIALS_SYNC_CRON: NEVER_IN_A_TEST,
  SOCIALS_X_MONTHLY_READ_CAP: "1000",
  // X renews with its rotating refresh token; LinkedIn (no partner credentials) cannot renew.
  X_CLIENT_ID: SANDBOX_OAUTH_APPS.x.clientId,
})
delete process.env.X_CLIENT_SECRET
delete process.env.LINKEDIN_CLIENT_ID
delete process.env.LINKEDIN_CLIENT_SECRET
delete process.env.SOCIALS_X_PRICE_PER_READ

const sandbox = useSandbox()
const DAY_MS = 86_400_000
const X_USER = "1500000000000000001"
const LI_ORG = "urn:li:organization:90000001"
const [IG1, IG2] = META_SEED_IDS.instagramUsers
const [, PAGE2] = META_SEED_IDS.pages

/** A post published just now on X: its id is above every seed id, as snowflakes grow with time. */
const newTweet = (n: number, at = new Date()): TweetFixture => ({
  id: String(1990000000000000000n + BigInt(n)),
  author_id: X_USER,
  text: `fresh post ${n}`,
  created_at: at.toISOString(),
  public_metrics: { retweet_count: 0, reply_count: 0, like_count: 0, quote_count: 0, bookmark_count: 0, impression_count: 0 },
  replies: [],
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    const socials = () => getContainer().resolve<SocialsModuleService>("socials")
    const feed = () => getContainer().resolve(Modules.NOTIFICATION).listNotifications({ channel: "feed" }, { take: 100 })
    const platform = async (provider: string, account_id: string, api_config: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      (await api.post("/admin/social-platforms", { name: `${provider} ${account_id}`, provider, account_id, api_config, ...extra }, admin)).data.social_platform.id as string
    const importAll = (id: string) => api.post(`/admin/social-platforms/${id}/import-posts`, { limit: 500 }, admin)
    const posts = (id: string) => socials().listSocialPosts({ platform_id: id }, { take: 1000 })
    const row = async (id: string) => (await socials().listSocialPlatforms({ id }, { take: 1 }))[0]
    const xReads = (id: string) => socials().xReadCounters().reads(id, monthOf(Date.now()))
    const timelineCalls = () => sandbox().log().filter((e) => e.path === `/2/users/${X_USER}/tweets`)
    /** Every token the sandbox knows (Meta, X, LinkedIn and Threads), to check none leaks. */
    const allTokens = () => [...sandbox().fixtures.tokens.flatMap((t) => [t.token, t.refresh_token]), ...sandbox().threads.fixtures.tokens.map((t) => t.token)].filter((t): t is string => !!t)

    /** Everything the app logs while `run` runs (the job, the workflows, the notification provider). */
    async function logsOf(run: () => Promise<unknown>): Promise<string[]> {
      const logger = getContainer().resolve(ContainerRegistrationKeys.LOGGER) as unknown as Record<string, (...args: unknown[]) => unknown>
      const spies = ["info", "warn", "error", "debug", "log"].filter((m) => typeof logger[m] === "function").map((m) => vi.spyOn(logger, m as never))
      try {
        await run()
        return spies.flatMap((s) => s.mock.calls.map((args) => args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === "string" ? a : JSON.stringify(a))).join(" ")))
      } finally {
        spies.forEach((s) => s.mockRestore())
      }
    }

    beforeEach(async () => {
      admin = await loginAsNewAdmin(getContainer(), api)
      sandbox().reset({ fixtures: true })
    })

    describe("discovery of new posts", () => {
      it("imports only what was published since each account's newest known post (X by since_id: only the new post is read and billed); a second run imports nothing", async () => {
        const x = await platform("twitter", X_USER, { access_token: X_DEMO_TOKENS.user, auth_type: "user_context" })
        const th = await platform("threads", THREADS_SEED_IDS.user, { access_token: THREADS_DEMO_TOKENS.user })
        const ig = await platform("instagram", IG1, { access_token: META_DEMO_TOKENS.page })
        for (const id of [x, th, ig]) await importAll(id)
        const before = { x: (await posts(x)).length, th: (await posts(th)).length, ig: (await posts(ig)).length }
        const knownXIds = (await posts(x)).map((p) => BigInt((p.insights as { twitter_tweet_id: string }).twitter_tweet_id))
        const newestKnownX = knownXIds.reduce((a, b) => (b > a ? b : a)).toString()
        const readsBefore = await xReads(x)
        const unitsBefore = sandbox().stats().units.x
        const importCalls = timelineCalls().length

        // Published on each platform after the import.
        sandbox().addFixtures({ tweets: [newTweet(1)] })
        const igSeed = sandbox().fixtures.instagram.find((m) => m.owner_id === IG1 && m.media_product_type === "FEED")!
        const igNew: InstagramMediaFixture = { ...structuredClone(igSeed), id: "17990000000000001", caption: "fresh on instagram", permalink: "https://www.instagram.com/p/FreshIg1/", timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, "+0000"), comments: [] }
        sandbox().addFixtures({ instagram: [igNew] })
        const thSeed = sandbox().threads.fixtures.media.find((m) => m.owner_id === THREADS_SEED_IDS.user && m.media_type === "TEXT_POST")!
        sandbox().threads.addFixtures({ media: [{ ...structuredClone(thSeed), id: "18099000000000001", shortcode: "FreshTh1", permalink: "https://www.threads.net/@sandbox/post/FreshTh1", text: "fresh on threads", timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, "+0000"), replies: [] }] })
        const threadsCallsBefore = sandbox().threads.log().length

        await discoverNewPostsJob(getContainer())

        const xPosts = await posts(x)
        expect(xPosts).toHaveLength(before.x + 1)
        const fresh = xPosts.find((p) => (p.insights as { twitter_tweet_id: string }).twitter_tweet_id === newTweet(1).id)!
        // A new post is due for its first sync, as an import schedules it.
        expect(fresh).toMatchObject({ status: "posted", caption: "fresh post 1", posted_at: expect.any(Date), next_sync_at: expect.any(Date) })
        expect(new Date(fresh.next_sync_at!).getTime()).toBeLessThanOrEqual(Date.now())
        expect(fresh.insights_synced_at).toBeNull()
        // X was asked only for posts newer than the newest known one: one post read, one billed, one counted.
        const discoveryCalls = () => timelineCalls().slice(importCalls)
        expect(discoveryCalls()).toHaveLength(1)
        expect(new URLSearchParams(discoveryCalls()[0].query).get("since_id")).toBe(newestKnownX)
        expect(sandbox().stats().units.x - unitsBefore).toBe(1)
        expect((await xReads(x)) - readsBefore).toBe(1)

        expect(await posts(ig)).toHaveLength(before.ig + 1)
        expect((await posts(ig)).find((p) => (p.insights as { instagram_media_id: string }).instagram_media_id === igNew.id)).toMatchObject({ caption: "fresh on instagram", status: "posted" })
        expect(await posts(th)).toHaveLength(before.th + 1)
        const threadsListing = sandbox().threads.log().slice(threadsCallsBefore).filter((c) => c.path === "/v1.0/me/threads")
        expect(threadsListing.length).toBeGreaterThan(0)
        // Threads filters by time on its side too (Unix seconds), so older pages are not read.
        expect(Number(new URLSearchParams(threadsListing[0].query).get("since"))).toBeGreaterThan(1688540400)

        // Nothing new: nothing imported, nothing billed, and X asked from the post just imported.
        await discoverNewPostsJob(getContainer())
        expect(await posts(x)).toHaveLength(before.x + 1)
        expect(await posts(ig)).toHaveLength(before.ig + 1)
        expect(await posts(th)).toHaveLength(before.th + 1)
        expect(discoveryCalls()).toHaveLength(2)
        expect(new URLSearchParams(discoveryCalls()[1].query).get("since_id")).toBe(newTweet(1).id)
        expect(sandbox().stats().units.x - unitsBefore).toBe(1)
        expect((await xReads(x)) - readsBefore).toBe(1)
      })

      it("an admin save of the account's metadata keeps discovery's place: the next run still asks X only for posts after the newest one seen", async () => {
        const x = await platform("twitter", X_USER, { access_token: X_DEMO_TOKENS.user, auth_type: "user_context" })
        await importAll(x)
        sandbox().addFixtures({ tweets: [newTweet(30)] })
        await discoverNewPostsJob(getContainer())
        const state = ((await row(x)).metadata as Record<string, unknown>).socials_discovery
        expect(state).toMatchObject({ since_id: newTweet(30).id })

        await api.post(`/admin/social-platforms/${x}`, { metadata: { note: "main account" } }, admin)
        expect((await row(x)).metadata).toEqual({ note: "main account", socials_discovery: state })
        // Clearing the merchant's metadata clears only theirs.
        await api.post(`/admin/social-platforms/${x}`, { metadata: null }, admin)
        expect((await row(x)).metadata).toEqual({ socials_discovery: state })
        // Nothing of the merchant's left to clear: the plugin's state stays as it is.
        await api.post(`/admin/social-platforms/${x}`, { metadata: null }, admin)
        expect((await row(x)).metadata).toEqual({ socials_discovery: state })

        const callsBefore = timelineCalls().length
        await discoverNewPostsJob(getContainer())
        const next = timelineCalls().slice(callsBefore)
        expect(next).toHaveLength(1)
        expect(new URLSearchParams(next[0].query).get("since_id")).toBe(newTweet(30).id)
      })

      it("more new posts than one run takes (SOCIALS_DISCOVERY_LIMIT): the next run resumes where it stopped, over the same boundary; none missed, none read twice", async () => {
        const x = await platform("twitter", X_USER, { access_token: X_DEMO_TOKENS.user, auth_type: "user_context" })
        await importAll(x)
        const known = (await posts(x)).length
        const unitsBefore = sandbox().stats().units.x
        const callsBefore = timelineCalls().length
        sandbox().addFixtures({ tweets: [1, 2, 3, 4, 5, 6, 7].map((n) => newTweet(10 + n, new Date(Date.now() + n * 1_000))) })
        process.env.SOCIALS_DISCOVERY_LIMIT = "5"
        try {
          await discoverNewPostsJob(getContainer())
          expect(await posts(x)).toHaveLength(known + 5)
          const state = ((await row(x)).metadata as Record<string, { cursor?: string }>).socials_discovery
          expect(state.cursor).toEqual(expect.any(String))
          await discoverNewPostsJob(getContainer())
          expect(await posts(x)).toHaveLength(known + 7)
          expect(((await row(x)).metadata as Record<string, { cursor?: string; since_id?: string }>).socials_discovery).toMatchObject({ since_id: newTweet(17).id })
          expect(((await row(x)).metadata as Record<string, { cursor?: string }>).socials_discovery.cursor).toBeUndefined()
          await discoverNewPostsJob(getContainer())
        } finally {
          delete process.env.SOCIALS_DISCOVERY_LIMIT
        }
        expect(await posts(x)).toHaveLength(known + 7)
        const ids = (await posts(x)).map((p) => (p.insights as { twitter_tweet_id: string }).twitter_tweet_id)
        expect(new Set(ids).size).toBe(ids.length)
        // Seven new posts, seven billed reads, over the three runs.
        expect(sandbox().stats().units.x - unitsBefore).toBe(7)
        const calls = timelineCalls().slice(callsBefore).map((c) => new URLSearchParams(c.query))
        expect(calls.map((q) => q.get("max_results"))).toEqual(["5", "5", "5"])
        expect(calls[1].get("pagination_token")).toEqual(expect.any(String))
        expect(calls[0].get("since_id")).toBe(calls[1].get("since_id"))
        expect(calls[2].get("since_id")).toBe(newTweet(17).id)
      })

      it("an account never imported starts at its connection: later posts come in by themselves, its back catalogue is left to the merchant's import", async () => {
        const x = await platform("twitter", X_USER, { access_token: X_DEMO_TOKENS.user, auth_type: "user_context" })
        const connectedAt = new Date((await row(x)).created_at)
        sandbox().addFixtures({ tweets: [newTweet(2, new Date(connectedAt.getTime() + 1_000))] })

        await discoverNewPostsJob(getContainer())

        const stored = await posts(x)
        expect(stored.map((p) => (p.insights as { twitter_tweet_id: string }).twitter_tweet_id)).toEqual([newTweet(2).id])
        const [call] = timelineCalls()
        expect(new URLSearchParams(call.query).get("start_time")).toBe(new Date(Math.floor(connectedAt.getTime() / 1000) * 1000).toISOString().replace(".000Z", "Z"))
        expect(sandbox().stats().units.x).toBe(1)
      })

      it("an account out of budget, at its X read cap, needing reconnect or refused is skipped or marked; the others still import; the skipped one is picked up next run", async () => {
        const th = await platform("threads", THREADS_SEED_IDS.user, { access_token: THREADS_DEMO_TOKENS.user })
        await importAll(th)
        const thBefore = (await posts(th)).length
        // The second Page's Graph budget is used up for the hour.
        const fb = await platform("facebook", PAGE2, { access_token: META_DEMO_TOKENS.secondPage })
        await pauseBudget(socials().budgetStore, budgetKey("facebook", { accountId: PAGE2 }), Date.now() + 60 * 60_000)
        // X: this month's reads are at the cap (SOCIALS_X_MONTHLY_READ_CAP=1000).
        const x = await platform("twitter", X_USER, { access_token: X_DEMO_TOKENS.user, auth_type: "user_context" })
        expect(await socials().xReadCounters().reserve(x, monthOf(Date.now()), 1000, 1000)).toBe(1000)
        const li = await platform("linkedin", LI_ORG, { access_token: LINKEDIN_DEMO_TOKENS.member }, { status: "needs_reconnect" })
        const revoked = await platform("instagram", IG2, { access_token: META_DEMO_TOKENS.revoked })

        const connectedAt = new Date((await row(x)).created_at)
        sandbox().addFixtures({ tweets: [newTweet(3, new Date(connectedAt.getTime() + 1_000))] })
        const thSeed = sandbox().threads.fixtures.media.find((m) => m.owner_id === THREADS_SEED_IDS.user && m.media_type === "TEXT_POST")!
        sandbox().threads.addFixtures({ media: [{ ...structuredClone(thSeed), id: "18099000000000002", shortcode: "FreshTh2", text: "new on threads", timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, "+0000"), replies: [] }] })

        const logs = await logsOf(() => discoverNewPostsJob(getContainer()))

        // Threads (processed whatever its place in the list) got its new post.
        expect(await posts(th)).toHaveLength(thBefore + 1)
        // Nothing was asked of the Page without budget, of X at its cap, or of the account that needs reconnecting.
        const byToken = sandbox().stats().byToken
        expect(byToken[META_DEMO_TOKENS.secondPage]?.requests ?? 0, "calls without budget").toBe(0)
        expect(timelineCalls(), "X calls at the cap").toHaveLength(0)
        expect(byToken[LINKEDIN_DEMO_TOKENS.member]?.requests ?? 0, "calls of the account to reconnect").toBe(0)
        expect(await posts(fb), "posts of the account without budget").toHaveLength(0)
        expect(await posts(li), "posts of the account to reconnect").toHaveLength(0)
        // The refused token marks its account; the run went on.
        expect((await row(revoked)).status).toBe("needs_reconnect")
        expect((await row(x)).status).toBe("active")
        expect(logs.join("\n")).toMatch(/discovery of X platform .* skipped: .*monthly read cap/)
        for (const token of allTokens()) expect(logs.join("\n")).not.toContain(token)

        // The month turns (the reads are given back): the next run imports X's post, once.
        await socials().xReadCounters().adjust(x, monthOf(Date.now()), -1000)
        await discoverNewPostsJob(getContainer())
        expect((await posts(x)).map((p) => (p.insights as { twitter_tweet_id: string }).twitter_tweet_id)).toEqual([newTweet(3).id])
        expect(await posts(th)).toHaveLength(thBefore + 1)
        expect(await xReads(x)).toBe(1)
      })
    })

    describe("token lifecycle", () => {
      it("renews a Threads token nearing expiry through th_refresh_token (stored sealed, expiry moved by 60 days) and X with its rotating refresh token; a far expiry is left alone; no notice", async () => {
        const expiring = sandbox().threads.fixtures.tokens.find((t) => t.token === THREADS_DEMO_TOKENS.expiring)!
        const th = await platform("threads", THREADS_SEED_IDS.user, { access_token: THREADS_DEMO_TOKENS.expiring, token_expires_at: new Date(expiring.expires_at!).toISOString() })
        const farToken = sandbox().threads.fixtures.tokens.find((t) => t.token === THREADS_DEMO_TOKENS.user)!
        const far = await platform("threads", "99000000000000001", { access_token: THREADS_DEMO_TOKENS.user, token_expires_at: new Date(farToken.expires_at!).toISOString() })
        const x = await platform("twitter", X_USER, {
          access_token: X_DEMO_TOKENS.user,
          refresh_token: X_DEMO_TOKENS.refresh,
          token_expires_at: new Date(Date.now() + 3_600_000).toISOString(),
          auth_type: "user_context",
        })
        const sealedBefore = ((await row(th)).api_config as StoredApiConfig).access_token_encrypted

        const logs = await logsOf(() => refreshPlatformTokensJob(getContainer()))

        const refreshCalls = sandbox().threads.log().filter((c) => c.path === "/refresh_access_token")
        expect(refreshCalls).toHaveLength(1)
        expect(new URLSearchParams(refreshCalls[0].query).get("grant_type")).toBe("th_refresh_token")
        const stored = (await row(th)).api_config as StoredApiConfig
        expect(stored.access_token_encrypted).not.toBe(sealedBefore)
        const issued = sandbox().threads.fixtures.tokens.at(-1)!
        expect(JSON.stringify(stored)).not.toContain(issued.token)
        expect(socials().openApiConfig(stored, th).accessToken).toBe(issued.token)
        expect(Date.parse(stored.token_expires_at!)).toBeGreaterThan(Date.now() + 59 * DAY_MS)
        expect((await row(th)).status).toBe("active")
        // 30 days left: not touched.
        expect(socials().openApiConfig((await row(far)).api_config as StoredApiConfig, far).accessToken).toBe(THREADS_DEMO_TOKENS.user)

        const xStored = socials().openApiConfig((await row(x)).api_config as StoredApiConfig, x)
        expect(xStored.accessToken).not.toBe(X_DEMO_TOKENS.user)
        expect(xStored.refreshToken).not.toBe(X_DEMO_TOKENS.refresh)
        expect(sandbox().fixtures.tokens.find((t) => t.token === xStored.accessToken)?.refresh_token).toBe(xStored.refreshToken)

        expect(await feed()).toEqual([])
        for (const token of [...allTokens(), issued.token, xStored.accessToken!, xStored.refreshToken!]) expect(logs.join("\n")).not.toContain(token)

        // The next day's run: the Threads token is far from expiry now, no second renewal.
        await refreshPlatformTokensJob(getContainer())
        expect(sandbox().threads.log().filter((c) => c.path === "/refresh_access_token")).toHaveLength(1)
      })

      it("one notice 7 days before a token that cannot be renewed expires (not one a day), one when an account needs reconnecting, one when a renewal is refused; a reconnect starts over; no token in notices or logs", async () => {
        const li = await platform("linkedin", LI_ORG, { access_token: LINKEDIN_DEMO_TOKENS.member, token_expires_at: new Date(Date.now() + 6 * DAY_MS).toISOString() })
        const liLater = await platform("linkedin", "urn:li:organization:90000002", { access_token: "linkedin-second-token", token_expires_at: new Date(Date.now() + 20 * DAY_MS).toISOString() })
        const fb = await platform("facebook", META_SEED_IDS.pages[0], { access_token: META_DEMO_TOKENS.page })
        const ig = await platform("instagram", IG1, { access_token: META_DEMO_TOKENS.page }, { status: "needs_reconnect" })
        const expired = sandbox().threads.fixtures.tokens.find((t) => t.token === THREADS_DEMO_TOKENS.expired)!
        const th = await platform("threads", THREADS_SEED_IDS.user, { access_token: THREADS_DEMO_TOKENS.expired, token_expires_at: new Date(expired.expires_at!).toISOString() })

        const logs = await logsOf(async () => {
          await refreshPlatformTokensJob(getContainer())
          await refreshPlatformTokensJob(getContainer())
        })

        const notices = await feed()
        expect(notices).toHaveLength(3)
        for (const n of notices) {
          expect(n).toMatchObject({ channel: "feed", template: "admin-ui", resource_type: "social_platform", data: { title: expect.any(String), description: expect.any(String) } })
        }
        const of = (id: string) => notices.filter((n) => n.resource_id === id)
        expect(of(li)).toHaveLength(1)
        expect(of(li)[0].data).toMatchObject({ title: expect.stringMatching(/LinkedIn access expires on \d{4}-\d{2}-\d{2}/), description: expect.stringMatching(/Reconnect/) })
        expect(of(ig)).toHaveLength(1)
        expect(of(ig)[0].data!.title).toMatch(/Reconnect Instagram/)
        // The expired Threads token could not be renewed: the account needs reconnecting, said once.
        expect((await row(th)).status).toBe("needs_reconnect")
        expect(of(th)).toHaveLength(1)
        expect(of(th)[0].data!.title).toMatch(/Reconnect Threads/)
        expect(of(liLater)).toHaveLength(0)
        expect(of(fb)).toHaveLength(0)

        const visible = JSON.stringify(notices) + "\n" + logs.join("\n")
        for (const token of allTokens()) expect(visible).not.toContain(token)
        for (const id of [li, ig, th]) expect(JSON.stringify(notices)).not.toContain(((await row(id)).api_config as StoredApiConfig).access_token_encrypted!)

        // Reconnected, then refused again later: that is news, so one more notice.
        await api.post(`/admin/social-platforms/${ig}`, { api_config: { access_token: META_DEMO_TOKENS.instagram } }, admin)
        expect((await row(ig)).status).toBe("active")
        await api.post(`/admin/social-platforms/${ig}`, { status: "needs_reconnect" }, admin)
        await refreshPlatformTokensJob(getContainer())
        expect(of(ig)).toHaveLength(1)
        expect((await feed()).filter((n) => n.resource_id === ig)).toHaveLength(2)
      })
    })
  },
})
