import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { LINKEDIN_DEMO_TOKENS, LINKEDIN_SEED_IDS } from "../../sandbox/linkedin/seed"
import { META_DEMO_TOKENS, META_SEED_IDS } from "../../sandbox/meta/seed"
import { THREADS_DEMO_TOKENS, THREADS_SEED_IDS } from "../../sandbox/threads/seed"
import { X_DEMO_TOKENS, X_SEED_IDS } from "../../sandbox/x/seed"
import type SocialsModuleService from "../../src/modules/socials/service"
import { monthOf } from "../../src/modules/socials/x-spend/month"
import { AdminHeaders, expectHttpError, loginAsNewAdmin } from "../helpers/admin"
import { useSandbox } from "../helpers/sandbox"

const sandbox = useSandbox()
const X_USER = "1500000000000000001"
const LI_ORG = "urn:li:organization:90000001"
const [IG1] = META_SEED_IDS.instagramUsers
const [PAGE1] = META_SEED_IDS.pages

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
    const add = (platform_id: string, post_url: string, extra: Record<string, unknown> = {}) => api.post("/admin/social-posts", { platform_id, post_url, ...extra }, admin)
    const refused = async (platform_id: string, post_url: string, why: RegExp) => {
      const res = await expectHttpError(add(platform_id, post_url))
      expect(res.status).toBe(400)
      expect(res.data).toMatchObject({ code: "unresolvable_post_url" })
      expect(res.data.message).toMatch(why)
      expect(await socials().listSocialPosts({ platform_id })).toHaveLength(0)
    }

    it("X: the id comes from the URL (twitter.com, ?s=20, /photo/1 alike), one lookup checks the author; the read is counted", async () => {
      const id = await platform("twitter", X_USER, X_DEMO_TOKENS.user)
      const res = await add(id, `https://twitter.com/sandbox_coffee/status/${X_SEED_IDS.example}?s=20`)
      expect(res.status).toBe(201)
      expect(res.data.social_post).toMatchObject({ status: "posted", insights: { twitter_tweet_id: X_SEED_IDS.example }, caption: expect.stringContaining("autumn roast"), post_url: `https://x.com/sandbox_coffee/status/${X_SEED_IDS.example}` })
      expect(await socials().xReadCounters().reads(id, monthOf(Date.now()))).toBe(1)
      expect((await add(id, `https://x.com/sandbox_coffee/status/${X_SEED_IDS.photo}/photo/1`)).data.social_post.media_type).toBe("IMAGE")
    })

    it("X: another author's post, a deleted post, a profile link → 400 unresolvable_post_url saying why", async () => {
      const id = await platform("twitter", X_USER, X_DEMO_TOKENS.user)
      await refused(id, `https://x.com/sandbox_bakery/status/${X_SEED_IDS.otherUser}`, /another account/)
      await refused(id, `https://x.com/sandbox_coffee/status/${X_SEED_IDS.deleted}`, /has no post/)
      await refused(id, "https://x.com/sandbox_coffee", /not a post/)
    })

    it("LinkedIn: feed/update URN and /posts/…-activity-… slug (matched in the organization's listing by the id's time); another organization's post → 400", async () => {
      const id = await platform("linkedin", LI_ORG, LINKEDIN_DEMO_TOKENS.member)
      const byUrn = await add(id, `https://www.linkedin.com/feed/update/${LINKEDIN_SEED_IDS.share}/`)
      expect(byUrn.data.social_post.insights.linkedin_post_urn).toBe(LINKEDIN_SEED_IDS.share)
      // The activity of the example post: minted 500 ms after it (ids carry epoch ms above bit 22).
      const activity = ((BigInt(LINKEDIN_SEED_IDS.example.split(":").pop()!) >> 22n) + 500n) << 22n
      const bySlug = await add(id, `https://www.linkedin.com/posts/sandbox-coffee_autumn-roast-activity-${activity}-AbCd/`)
      expect(bySlug.status).toBe(201)
      expect(bySlug.data.social_post.insights.linkedin_post_urn).toBe(LINKEDIN_SEED_IDS.example)
      const before = (await socials().listSocialPosts({ platform_id: id })).length
      const res = await expectHttpError(add(id, `https://www.linkedin.com/feed/update/${LINKEDIN_SEED_IDS.otherOrganization}/`))
      expect(res.data).toMatchObject({ code: "unresolvable_post_url", message: expect.stringMatching(/not among this LinkedIn account's latest posts/) })
      expect(await socials().listSocialPosts({ platform_id: id })).toHaveLength(before)
    })

    it("Instagram: the shortcode is matched in the account's media (/reel/ for a /p/ permalink too), type and caption filled; another account's media → 400", async () => {
      const id = await platform("instagram", IG1, META_DEMO_TOKENS.page)
      const reel = sandbox().fixtures.instagram.find((m) => m.id === META_SEED_IDS.instagram.reel)!
      const code = reel.permalink.split("/").filter(Boolean).pop()
      const res = await add(id, `https://www.instagram.com/reel/${code}/?igsh=abc`)
      expect(res.status).toBe(201)
      expect(res.data.social_post).toMatchObject({ status: "posted", media_type: "REELS", insights: { instagram_media_id: reel.id } })
      const other = sandbox().fixtures.instagram.find((m) => m.id === META_SEED_IDS.instagram.secondAccountImage)!
      await socials().deleteSocialPosts(res.data.social_post.id)
      await refused(id, other.permalink, /not among this Instagram account's latest posts/)
      await refused(id, "https://www.instagram.com/sandbox.coffee/", /not a post or reel/)
    })

    it("Facebook: a numeric /posts/ link and permalink.php are matched in the Page's published posts", async () => {
      const id = await platform("facebook", PAGE1, META_DEMO_TOKENS.page)
      const video = sandbox().fixtures.facebook.find((p) => p.id === META_SEED_IDS.facebook.video)!
      const res = await add(id, video.permalink_url + "?__cft__=tracking")
      expect(res.status).toBe(201)
      expect(res.data.social_post).toMatchObject({ media_type: "VIDEO", insights: { facebook_post_id: video.id } })
      const [pageId, story] = META_SEED_IDS.facebook.video.split("_")
      await socials().deleteSocialPosts(res.data.social_post.id)
      expect((await add(id, `https://m.facebook.com/permalink.php?story_fbid=${story}&id=${pageId}`)).data.social_post.insights.facebook_post_id).toBe(video.id)
      await socials().deleteSocialPosts((await socials().listSocialPosts({ platform_id: id }))[0].id)
      await refused(id, "https://www.facebook.com/share/p/1AbCdEf/", /share links/)
    })

    it("Threads: the shortcode is matched in the user's threads; another user's post → 400", async () => {
      const id = await platform("threads", THREADS_SEED_IDS.user, THREADS_DEMO_TOKENS.user)
      const example = sandbox().threads.fixtures.media.find((m) => m.id === THREADS_SEED_IDS.example)!
      const res = await add(id, example.permalink!.replace("threads.net", "threads.com"))
      expect(res.status).toBe(201)
      expect(res.data.social_post.insights.threads_media_id).toBe(THREADS_SEED_IDS.example)
      await socials().deleteSocialPosts(res.data.social_post.id)
      const other = sandbox().threads.fixtures.media.find((m) => m.id === THREADS_SEED_IDS.otherUsersPost)!
      await refused(id, other.permalink!, /not among this Threads account's latest posts/)
    })

    it("a URL of another platform, or no post URL at all → 400; with a manual id the URL is kept as is and nothing is called", async () => {
      const ig = await platform("instagram", IG1, META_DEMO_TOKENS.page)
      await refused(ig, `https://x.com/sandbox_coffee/status/${X_SEED_IDS.example}`, /X link, but this account is on Instagram/)
      await refused(ig, "https://example.com/some/page", /not a link to an Instagram, Facebook, X, LinkedIn or Threads post/)
      const before = sandbox().stats().requests.meta
      const manual = await add(ig, "https://www.instagram.com/p/whatever/", { insights: { instagram_media_id: META_SEED_IDS.instagram.image } })
      expect(manual.status).toBe(201)
      expect(manual.data.social_post).toMatchObject({ post_url: "https://www.instagram.com/p/whatever/", insights: { instagram_media_id: META_SEED_IDS.instagram.image } })
      expect(sandbox().stats().requests.meta).toBe(before)
    })

    it("a post added by URL is later updated by the import, not duplicated", async () => {
      const id = await platform("instagram", IG1, META_DEMO_TOKENS.page)
      const reel = sandbox().fixtures.instagram.find((m) => m.id === META_SEED_IDS.instagram.reel)!
      await add(id, reel.permalink)
      const res = (await api.post(`/admin/social-platforms/${id}/import-posts`, { limit: 500 }, admin)).data
      expect(res.imported + res.updated + res.skipped).toBe(res.total)
      const withReel = (await socials().listSocialPosts({ platform_id: id }, { take: 500 })).filter((p) => (p.insights as any).instagram_media_id === reel.id)
      expect(withReel).toHaveLength(1)
    })
  },
})
