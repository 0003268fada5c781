import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { SANDBOX_OAUTH_APPS } from "../../sandbox/core/consent-page"
import { META_DEMO_TOKENS } from "../../sandbox/meta/seed"
import { THREADS_DEMO_TOKENS, THREADS_SEED_IDS } from "../../sandbox/threads/seed"
import { LINKEDIN_DEMO_TOKENS } from "../../sandbox/linkedin/seed"
import { X_DEMO_TOKENS } from "../../sandbox/x/seed"
import type SocialConnectModuleService from "../../src/modules/social-connect/service"
import type SocialsModuleService from "../../src/modules/socials/service"
import type { StoredApiConfig } from "../../src/modules/socials/utils/api-config"
import seedDemo from "../../src/scripts/seed-demo"
import { AdminHeaders, loginAsNewAdmin } from "../helpers/admin"
import { useSandbox } from "../helpers/sandbox"

const sandbox = useSandbox()
// What scripts/demo.js sets: the sandbox's apps (the URLs come from the sandbox's env).
const APPS = SANDBOX_OAUTH_APPS
Object.assign(process.env, {
  META_APP_ID: APPS.meta.clientId,
  META_APP_SECRET: APPS.meta.clientSecret,
  X_CLIENT_ID: APPS.x.clientId,
  X_CLIENT_SECRET: APPS.x.clientSecret,
  LINKEDIN_CLIENT_ID: APPS.linkedin.clientId,
  LINKEDIN_CLIENT_SECRET: APPS.linkedin.clientSecret,
  THREADS_APP_ID: APPS.threads.clientId,
  THREADS_APP_SECRET: APPS.threads.clientSecret,
  MEDUSA_BACKEND_URL: "http://localhost:9000",
})

type Platform = { id: string; provider: string; account_id: string; metadata: Record<string, unknown> | null; api_config: StoredApiConfig | null }
type Post = { id: string; name: string; status: string; platform_id: string; insights: Record<string, unknown>; insights_sync_status: string; metadata: Record<string, unknown> | null }

/** `npm run demo`'s seed against the sandbox: accounts connected through the consent and connect code, posts imported, synced at once. */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    const socials = () => getContainer().resolve<SocialsModuleService>("socials")
    const connectModule = () => getContainer().resolve<SocialConnectModuleService>("socialConnect")

    beforeEach(async () => {
      admin = await loginAsNewAdmin(getContainer(), api)
      sandbox().reset({ fixtures: true })
    })

    it("connects one account per platform through the sandbox's consent and token endpoints, imports their posts and shows numbers after the first sync", async () => {
      await seedDemo({ container: getContainer(), args: [] } as unknown as Parameters<typeof seedDemo>[0])

      const platforms = (await socials().listSocialPlatforms({}, { take: 50 })) as unknown as Platform[]
      expect(platforms.map((p) => p.provider).sort()).toEqual(["facebook", "instagram", "linkedin", "threads", "twitter"])
      expect(platforms.every((p) => p.metadata?.connected_via === "oauth")).toBe(true)

      // The connect module saw one consent per provider: each state and pending connection used once.
      const states = await connectModule().listSocialOAuthStates({}, { take: 50 })
      expect(states.map((s) => s.provider).sort()).toEqual(["linkedin", "meta", "threads", "x"])
      expect(states.every((s) => s.used_at)).toBe(true)
      const connections = await connectModule().listSocialPendingConnections({}, { take: 50 })
      expect(connections.map((c) => c.provider).sort()).toEqual(["linkedin", "meta", "threads", "x"])
      expect(connections.every((c) => c.used_at)).toBe(true)

      // Tokens are what the sandbox's token endpoints issued for those consents, not its seeded demo tokens.
      const tokenOf = (provider: string) => {
        const p = platforms.find((x) => x.provider === provider)!
        return socials().openApiConfig(p.api_config, p.id)
      }
      const x = tokenOf("twitter")
      expect(x.accessToken).not.toBe(X_DEMO_TOKENS.user)
      expect(sandbox().fixtures.tokens.find((t) => t.token === x.accessToken)).toMatchObject({ family: "x", permissions: ["tweet.read", "users.read", "offline.access"] })
      expect(x.refreshToken).toMatch(/^x-rt-/)
      const linkedin = tokenOf("linkedin")
      expect(linkedin.accessToken).not.toBe(LINKEDIN_DEMO_TOKENS.member)
      expect(sandbox().fixtures.tokens.find((t) => t.token === linkedin.accessToken)?.permissions?.length).toBeGreaterThan(0)
      const threads = tokenOf("threads")
      expect(threads.accessToken).not.toBe(THREADS_DEMO_TOKENS.user)
      expect(sandbox().threads.fixtures.tokens.find((t) => t.token === threads.accessToken)?.issued_at).toBeDefined()
      // Meta: the Page's own token, as /me/accounts hands it to the long-lived user token from the code exchange.
      expect(tokenOf("facebook").accessToken).toBe(META_DEMO_TOKENS.page)
      const metaCalls = sandbox().log(1000).filter((e) => e.family === "meta").map((e) => `${e.method} ${e.path.replace(/^\/v[\d.]+/, "")}`)
      expect(metaCalls).toEqual(expect.arrayContaining(["GET /dialog/oauth", "GET /dialog/oauth/decide", "POST /oauth/access_token", "GET /me/accounts"]))
      // The code exchange, then fb_exchange_token for the long-lived user token.
      expect(metaCalls.filter((c) => c === "POST /oauth/access_token")).toHaveLength(2)

      const posts = (await socials().listSocialPosts({}, { take: 500 })) as unknown as Post[]
      // Imported, not typed in: the import stamps each post it creates.
      const hand = posts.filter((p) => !p.metadata?.imported_at).map((p) => p.name).sort()
      expect(hand).toEqual(["Deleted on Facebook", "Winter menu (draft)"])
      // Named as seed-demo-orders.ts expects, so the demo's orders are attributed to them.
      expect(posts.map((p) => p.name)).toEqual(expect.arrayContaining(["Autumn blend launch", "Reel: espresso pull", "Launch thread"]))
      const cross = posts.find((p) => p.name === "Cross-posted latte art")!
      expect(cross.insights).toMatchObject({ facebook_post_id: "104000000000001_900000000000002", instagram_media_id: "17900000000000001" })
      expect(posts.filter((p) => p.insights.instagram_media_id === "17900000000000001")).toHaveLength(1)

      const threadsPlatform = platforms.find((p) => p.provider === "threads")!
      const threadsPosts = posts.filter((p) => p.platform_id === threadsPlatform.id)
      // The listing's own posts; the repost of someone else's post is skipped.
      expect(threadsPosts.map((p) => p.insights.threads_media_id).sort()).toEqual([THREADS_SEED_IDS.example, THREADS_SEED_IDS.manyReplies, THREADS_SEED_IDS.quiet].sort())
      const { social_posts: shown } = (await api.get(`/admin/social-posts?platform_id=${threadsPlatform.id}&limit=50`, admin)).data
      const cupping = shown.find((p: Post) => p.insights.threads_media_id === THREADS_SEED_IDS.example)
      // The sandbox's example thread: 120 likes, 14 replies, 6 + 3 + 2 shares, 2,000 views.
      expect(cupping).toMatchObject({ name: "Thread: cupping notes", insights_sync_status: "success", insights: { likes: 120, comments: 14, shares: 11, impressions: 2_000 } })
    })
  },
})
