import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { META_DEMO_TOKENS, META_SEED_IDS } from "../../sandbox/meta/seed"
import type SocialsModuleService from "../../src/modules/socials/service"
import { budgetKey, pauseBudget } from "../../src/modules/socials/platforms/http/rate-budget"
import { AdminHeaders, expectHttpError, loginAsNewAdmin } from "../helpers/admin"
import { useSandbox } from "../helpers/sandbox"

const sandbox = useSandbox()
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
    const platform = async (provider: string, account_id: string) =>
      (await api.post("/admin/social-platforms", { name: provider, provider, account_id, api_config: { access_token: META_DEMO_TOKENS.page } }, admin)).data.social_platform.id as string
    const importPosts = (id: string, body: Record<string, unknown> = {}) => api.post(`/admin/social-platforms/${id}/import-posts`, body, admin)
    /** Instagram /media lists feed posts and reels, not stories. */
    const igMedia = () => sandbox().fixtures.instagram.filter((m) => m.owner_id === IG1 && m.media_product_type !== "STORY" && !m.deleted)

    it("imports Instagram media page by page (resumable cursor), with type, product type, time, permalink, caption, first sync scheduled; again: no duplicates", async () => {
      const id = await platform("instagram", IG1)
      const expected = igMedia().length
      expect(expected).toBeGreaterThan(3)
      const first = (await importPosts(id, { limit: 3 })).data
      expect(first).toMatchObject({ imported: 3, updated: 0, skipped: 0, total: 3, next_cursor: expect.any(String) })
      let cursor = first.next_cursor
      let imported = 3
      while (cursor) {
        const next = (await importPosts(id, { limit: 3, cursor })).data
        expect(next.total).toBe(next.imported + next.updated + next.skipped)
        imported += next.imported
        cursor = next.next_cursor
      }
      expect(imported).toBe(expected)
      const posts = await socials().listSocialPosts({ platform_id: id }, { take: 500 })
      expect(posts).toHaveLength(expected)
      const reel = posts.find((p) => (p.insights as any).instagram_media_id === META_SEED_IDS.instagram.reel)!
      expect(reel).toMatchObject({ status: "posted", media_type: "REELS", post_url: expect.stringContaining("instagram.com/"), posted_at: expect.any(Date), next_sync_at: expect.any(Date) })
      expect((reel.insights as any).media_product_type).toBe("REELS")

      const again = (await importPosts(id, { limit: 500 })).data
      expect(again).toMatchObject({ imported: 0, updated: 0, skipped: expected, total: expected, next_cursor: null })
      expect(await socials().listSocialPosts({ platform_id: id }, { take: 500 })).toHaveLength(expected)
    })

    it("a post added by hand (or by URL) is updated, not duplicated: caption and permalink refreshed, media type and time filled", async () => {
      const id = await platform("instagram", IG1)
      const manual = (
        await api.post("/admin/social-posts", { name: "Mine", platform_id: id, status: "posted", insights: { instagram_media_id: META_SEED_IDS.instagram.image } }, admin)
      ).data.social_post
      const res = (await importPosts(id, { limit: 500 })).data
      expect(res.updated).toBe(1)
      expect(res.imported).toBe(igMedia().length - 1)
      const [post] = await socials().listSocialPosts({ id: manual.id })
      expect(post).toMatchObject({ name: "Mine", media_type: "IMAGE", posted_at: expect.any(Date), post_url: expect.stringContaining("instagram.com/") })
      const withImage = (await socials().listSocialPosts({ platform_id: id }, { take: 500 })).filter((p) => (p.insights as any).instagram_media_id === META_SEED_IDS.instagram.image)
      expect(withImage).toHaveLength(1)
    })

    it("a media a Facebook post already carries as its cross-post is skipped, not imported again on the Instagram account", async () => {
      const page = await platform("facebook", PAGE1)
      const ig = await platform("instagram", IG1)
      const cross = (
        await api.post("/admin/social-posts", { name: "Cross", platform_id: page, status: "posted", insights: { facebook_post_id: META_SEED_IDS.facebook.text, instagram_media_id: META_SEED_IDS.instagram.image } }, admin)
      ).data.social_post
      const res = (await importPosts(ig, { limit: 500 })).data
      expect(res).toMatchObject({ imported: igMedia().length - 1, skipped: 1 })
      const all = await socials().listSocialPosts({}, { take: 500 })
      expect(all.filter((p) => (p.insights as any).instagram_media_id === META_SEED_IDS.instagram.image).map((p) => p.id)).toEqual([cross.id])
    })

    it("since: only posts published since then", async () => {
      const id = await platform("instagram", IG1)
      const since = new Date(Date.now() - 3 * 86_400_000).toISOString()
      const expected = igMedia().filter((m) => m.timestamp >= since).length
      const res = (await importPosts(id, { since, limit: 500 })).data
      expect(res).toMatchObject({ imported: expected, next_cursor: null })
    })

    it("imports a Page's published posts", async () => {
      const id = await platform("facebook", PAGE1)
      const expected = sandbox().fixtures.facebook.filter((p) => p.page_id === PAGE1 && !p.deleted).length
      const res = (await importPosts(id, { limit: 500 })).data
      expect(res.imported).toBe(expected)
      const post = (await socials().listSocialPosts({ platform_id: id }, { take: 500 })).find((p) => (p.insights as any).facebook_post_id === META_SEED_IDS.facebook.video)
      expect(post).toMatchObject({ media_type: "VIDEO", status: "posted" })
    })

    it("within the account's budget: an exhausted budget makes no call and creates nothing", async () => {
      const id = await platform("instagram", IG1)
      await pauseBudget(socials().budgetStore, budgetKey("instagram", { accountId: IG1, accessToken: META_DEMO_TOKENS.page }), Date.now() + 60 * 60_000)
      const before = sandbox().stats().requests.meta
      const res = await expectHttpError(importPosts(id))
      expect(res.status).toBeGreaterThanOrEqual(400)
      expect(res.data.message).toMatch(/Could not list the Instagram posts/)
      expect(sandbox().stats().requests.meta).toBe(before)
      expect(await socials().listSocialPosts({ platform_id: id })).toHaveLength(0)
    })

    it("bad input: unknown fields, bad since, unknown platform", async () => {
      const id = await platform("instagram", IG1)
      expect((await expectHttpError(importPosts(id, { limit: 0 }))).status).toBe(400)
      expect((await expectHttpError(importPosts(id, { since: "yesterday" }))).data.message).toMatch(/since must be an ISO 8601/)
      expect((await expectHttpError(importPosts("socplat_nope"))).status).toBe(404)
    })
  },
})
