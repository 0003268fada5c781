import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { LINKEDIN_DEMO_TOKENS, LINKEDIN_SEED_IDS } from "../../sandbox/linkedin/seed"
import { THREADS_DEMO_TOKENS, THREADS_SEED_IDS } from "../../sandbox/threads/seed"
import type { TweetFixture } from "../../sandbox/types"
import { X_DEMO_TOKENS, X_SEED_IDS } from "../../sandbox/x/seed"
import type SocialsModuleService from "../../src/modules/socials/service"
import { monthOf } from "../../src/modules/socials/x-spend/month"
import { AdminHeaders, expectHttpError, loginAsNewAdmin } from "../helpers/admin"
import { useSandbox } from "../helpers/sandbox"

delete process.env.SOCIALS_X_PRICE_PER_READ
delete process.env.SOCIALS_X_MONTHLY_READ_CAP

const sandbox = useSandbox()
const X_USER = "1500000000000000001"
const LI_ORG = "urn:li:organization:90000001"

/** `n` more posts by the X user, older than the seed's, one a minute. */
function timeline(n: number): TweetFixture[] {
  return Array.from({ length: n }, (_, i) => ({
    id: String(1800000000000000000n + BigInt(i + 1)),
    author_id: X_USER,
    text: `old post ${i + 1}`,
    created_at: new Date(Date.now() - 30 * 86_400_000 - i * 60_000).toISOString(),
    public_metrics: { retweet_count: 0, reply_count: 0, like_count: 1, quote_count: 0, bookmark_count: 0, impression_count: 10 },
    replies: [],
  }))
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    const socials = () => getContainer().resolve<SocialsModuleService>("socials")
    beforeEach(async () => {
      admin = await loginAsNewAdmin(getContainer(), api)
      sandbox().reset({ fixtures: true })
    })
    const platform = async (provider: string, account_id: string, access_token: string) =>
      (await api.post("/admin/social-platforms", { name: provider, provider, account_id, api_config: { access_token, auth_type: provider === "twitter" ? "user_context" : undefined } }, admin)).data
        .social_platform.id as string
    const importPosts = (id: string, body: Record<string, unknown> = {}) => api.post(`/admin/social-platforms/${id}/import-posts`, body, admin)
    const posts = async (id: string) => socials().listSocialPosts({ platform_id: id }, { take: 1000 })
    const xOwn = () => sandbox().fixtures.tweets.filter((t) => t.author_id === X_USER && !t.deleted && !(t.referenced_tweets ?? []).some((r) => r.type !== "quoted"))

    describe("X", () => {
      it("without a limit imports the latest 100 posts (replies and reposts left out), counts each read in the X spend counter; again: nothing duplicated", async () => {
        sandbox().addFixtures({
          tweets: [
            ...timeline(120),
            { ...timeline(1)[0], id: "1800000000000009001", text: "a reply", referenced_tweets: [{ type: "replied_to", id: X_SEED_IDS.example }], created_at: new Date().toISOString() },
            { ...timeline(1)[0], id: "1800000000000009002", text: "a repost", referenced_tweets: [{ type: "retweeted", id: X_SEED_IDS.example }], created_at: new Date().toISOString() },
          ],
        })
        expect(xOwn().length).toBeGreaterThan(120)
        const id = await platform("twitter", X_USER, X_DEMO_TOKENS.user)
        const unitsBefore = sandbox().stats().units.x
        const first = (await importPosts(id)).data
        expect(first).toMatchObject({ imported: 100, updated: 0, skipped: 0, total: 100, next_cursor: expect.any(String) })
        const billed = sandbox().stats().units.x - unitsBefore
        expect(billed).toBe(100)
        expect(await socials().xReadCounters().reads(id, monthOf(Date.now()))).toBe(billed)

        const stored = await posts(id)
        expect(stored.map((p) => p.caption)).not.toContain("a reply")
        expect(stored.map((p) => p.caption)).not.toContain("a repost")
        const example = stored.find((p) => (p.insights as any).twitter_tweet_id === X_SEED_IDS.example)!
        expect(example).toMatchObject({ status: "posted", media_type: "TEXT", post_url: `https://x.com/sandbox_coffee/status/${X_SEED_IDS.example}`, posted_at: expect.any(Date), next_sync_at: expect.any(Date) })
        const photo = stored.find((p) => (p.insights as any).twitter_tweet_id === X_SEED_IDS.photo)!
        expect(photo.media_type).toBe("IMAGE")

        const rest = (await importPosts(id, { cursor: first.next_cursor })).data
        expect(rest.imported).toBe(xOwn().length - 100)
        expect(rest.next_cursor).toBeNull()
        const again = (await importPosts(id, { limit: 500 })).data
        expect(again).toMatchObject({ imported: 0, updated: 0, skipped: xOwn().length, next_cursor: null })
        expect(await posts(id)).toHaveLength(xOwn().length)
      })

      it("pages by pagination_token with max_results ≤ 100 (limit 150: two pages, 150 posts)", async () => {
        sandbox().addFixtures({ tweets: timeline(200) })
        const id = await platform("twitter", X_USER, X_DEMO_TOKENS.user)
        const res = (await importPosts(id, { limit: 150 })).data
        expect(res).toMatchObject({ imported: 150, next_cursor: expect.any(String) })
        const calls = sandbox().log(50).filter((e) => e.path.includes(`/2/users/${X_USER}/tweets`))
        expect(calls).toHaveLength(2)
        expect(calls.map((c) => new URLSearchParams(c.query).get("max_results"))).toEqual(["100", "50"])
        expect(new URLSearchParams(calls[0].query).get("exclude")).toBe("replies,retweets")
      })

      it("estimate: reads, price and spend before the merchant confirms (default 100 posts; a given limit), without calling X", async () => {
        const id = await platform("twitter", X_USER, X_DEMO_TOKENS.user)
        const before = sandbox().stats().requests.x
        const estimate = (await api.get(`/admin/social-platforms/${id}/import-posts/estimate`, admin)).data
        expect(estimate).toMatchObject({ provider: "twitter", billed: true, estimated_reads: 100, price_per_read: 0.005, estimated_spend: 0.5, cap: null, reads_this_month: 0 })
        expect(estimate.message).toMatch(/\$0\.50/)
        expect((await api.get(`/admin/social-platforms/${id}/import-posts/estimate?limit=300`, admin)).data).toMatchObject({ estimated_reads: 300, estimated_spend: 1.5 })
        expect(sandbox().stats().requests.x).toBe(before)
        const ig = await platform("instagram", "17841400000000001", "x")
        expect((await api.get(`/admin/social-platforms/${ig}/import-posts/estimate`, admin)).data).toMatchObject({ billed: false, estimated_reads: 0, estimated_spend: 0 })
        expect((await expectHttpError(api.get(`/admin/social-platforms/${id}/import-posts/estimate?limit=0`, admin))).status).toBe(400)
      })
    })

    describe("LinkedIn", () => {
      it("imports the organization's posts with start/count paging and LinkedIn-Version headers; resumable; idempotent", async () => {
        const id = await platform("linkedin", LI_ORG, LINKEDIN_DEMO_TOKENS.member)
        const expected = sandbox().fixtures.linkedin.filter((p) => p.organization === LI_ORG && !p.deleted)
        expect(expected.length).toBeGreaterThan(3)
        const first = (await importPosts(id, { limit: 3 })).data
        expect(first).toMatchObject({ imported: 3, next_cursor: "3" })
        const rest = (await importPosts(id, { cursor: first.next_cursor, limit: 500 })).data
        expect(rest.imported).toBe(expected.length - 3)
        expect(rest.next_cursor).toBeNull()
        const stored = await posts(id)
        expect(new Set(stored.map((p) => (p.insights as any).linkedin_post_urn))).toEqual(new Set(expected.map((p) => p.urn)))
        const video = stored.find((p) => (p.insights as any).linkedin_post_urn === LINKEDIN_SEED_IDS.video)!
        expect(video).toMatchObject({ media_type: "VIDEO", post_url: `https://www.linkedin.com/feed/update/${LINKEDIN_SEED_IDS.video}/`, posted_at: expect.any(Date) })
        const again = (await importPosts(id, { limit: 500 })).data
        expect(again).toMatchObject({ imported: 0, updated: 0, skipped: expected.length })
      })
    })

    describe("Threads", () => {
      it("imports the user's threads (not reposts of others), paged by cursor; idempotent; a post added by id is updated, not duplicated", async () => {
        const id = await platform("threads", THREADS_SEED_IDS.user, THREADS_DEMO_TOKENS.user)
        const own = sandbox().threads.fixtures.media.filter((m) => m.owner_id === THREADS_SEED_IDS.user && !m.deleted && m.media_type !== "REPOST_FACADE")
        expect(own.length).toBeGreaterThan(2)
        await api.post("/admin/social-posts", { platform_id: id, status: "posted", name: "Mine", insights: { threads_media_id: THREADS_SEED_IDS.example } }, admin)
        const first = (await importPosts(id, { limit: 2 })).data
        expect(first.total).toBe(2)
        expect(first.next_cursor).toEqual(expect.any(String))
        const rest = (await importPosts(id, { cursor: first.next_cursor, limit: 500 })).data
        expect(first.imported + first.updated + rest.imported + rest.updated).toBe(own.length)
        const stored = await posts(id)
        expect(stored).toHaveLength(own.length)
        expect(stored.map((p) => (p.insights as any).threads_media_id)).not.toContain(THREADS_SEED_IDS.repost)
        const mine = stored.find((p) => (p.insights as any).threads_media_id === THREADS_SEED_IDS.example)!
        expect(mine).toMatchObject({ name: "Mine", media_type: "TEXT", post_url: expect.stringContaining("threads.net/@") })
        expect((await importPosts(id, { limit: 500 })).data).toMatchObject({ imported: 0, updated: 0, skipped: own.length })
      })
    })
  },
})
