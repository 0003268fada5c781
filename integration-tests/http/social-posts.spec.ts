import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type SocialsModuleService from "../../src/modules/socials/service"
import { AdminHeaders, expectHttpError, loginAsNewAdmin } from "../helpers/admin"

const TOKEN = "EAAG-very-secret-token-for-posts"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    let platformId: string

    beforeEach(async () => {
      admin = await loginAsNewAdmin(getContainer(), api)
      const { data } = await api.post(
        "/admin/social-platforms",
        { name: "Shop IG", provider: "instagram", account_id: "17841400000000001", api_config: { access_token: TOKEN } },
        admin
      )
      platformId = data.social_platform.id
    })

    const createPost = (body: Record<string, unknown> = {}) =>
      api.post(
        "/admin/social-posts",
        {
          platform_id: platformId,
          name: "Summer drop",
          caption: "New linen shirts are in",
          status: "draft",
          media_type: "IMAGE",
          insights: { instagram_media_id: "17918920912340654" },
          ...body,
        },
        admin
      )

    it("creates, reads, lists, filters, searches, updates and deletes a post", async () => {
      const created = await createPost()
      expect(created.status).toBe(201)
      const post = created.data.social_post
      expect(post).toMatchObject({
        id: expect.stringMatching(/^socpost_/),
        name: "Summer drop",
        status: "draft",
        media_type: "IMAGE",
        insights: { instagram_media_id: "17918920912340654" },
        platform: { id: platformId, provider: "instagram", api_config: { has_access_token: true } },
      })
      expect(JSON.stringify(created.data)).not.toContain(TOKEN)

      await createPost({ name: "Other", caption: "Autumn coats", status: "posted" })

      const all = await api.get("/admin/social-posts", admin)
      expect(all.data).toMatchObject({ count: 2, offset: 0, limit: 20 })
      expect(JSON.stringify(all.data)).not.toContain(TOKEN)

      const posted = await api.get("/admin/social-posts?status=posted", admin)
      expect(posted.data.social_posts.map((p: { name: string }) => p.name)).toEqual(["Other"])

      const search = await api.get("/admin/social-posts?q=linen", admin)
      expect(search.data.social_posts.map((p: { id: string }) => p.id)).toEqual([post.id])

      const byPlatform = await api.get(`/admin/social-posts?platform_id=${platformId}&limit=1&order=name`, admin)
      expect(byPlatform.data).toMatchObject({ count: 2, limit: 1 })
      expect(byPlatform.data.social_posts[0].name).toBe("Other")

      const one = await api.get(`/admin/social-posts/${post.id}`, admin)
      expect(one.data.social_post.platform.id).toBe(platformId)

      const updated = await api.post(`/admin/social-posts/${post.id}`, { caption: "Linen, restocked" }, admin)
      expect(updated.data.social_post.caption).toBe("Linen, restocked")

      await api.delete(`/admin/social-posts/${post.id}`, admin)
      expect((await expectHttpError(api.get(`/admin/social-posts/${post.id}`, admin))).status).toBe(404)
    })

    it("merges insights ids on update and never drops synced metrics", async () => {
      const { data } = await createPost({ platform_id: platformId })
      const socials = getContainer().resolve<SocialsModuleService>("socials")
      await socials.updateSocialPosts({
        id: data.social_post.id,
        insights: { instagram_media_id: "17918920912340654", likes: 150, comments: 25, sync_status: "success" },
      })
      const updated = await api.post(
        `/admin/social-posts/${data.social_post.id}`,
        { insights: { facebook_post_id: "1234567890_987654321" } },
        admin
      )
      expect(updated.data.social_post.insights).toEqual({
        instagram_media_id: "17918920912340654",
        facebook_post_id: "1234567890_987654321",
        likes: 150,
        comments: 25,
        sync_status: "success",
      })
    })

    it("emits social_post.published when a post is created as posted or moved to posted", async () => {
      // Listen on the event bus's emitter itself: the event's payload is what other plugins receive.
      const emitter = (getContainer().resolve(Modules.EVENT_BUS) as unknown as { eventEmitter_: NodeJS.EventEmitter }).eventEmitter_
      const published: { id: string }[] = []
      const listener = (event: { data: { id: string } }) => published.push(event.data)
      emitter.on("social_post.published", listener)
      const waitFor = async (count: number) => {
        for (let i = 0; i < 100 && published.length < count; i++) await new Promise((r) => setTimeout(r, 50))
      }
      try {
        const created = await createPost({ status: "posted" })
        await waitFor(1)
        expect(published).toEqual([{ id: created.data.social_post.id }])
        expect(created.data.social_post.posted_at).toBeTruthy()

        const draft = await createPost()
        await new Promise((r) => setTimeout(r, 200))
        expect(published).toHaveLength(1)
        await api.post(`/admin/social-posts/${draft.data.social_post.id}`, { status: "posted" }, admin)
        await waitFor(2)
        expect(published).toEqual([{ id: created.data.social_post.id }, { id: draft.data.social_post.id }])

        // Editing a post that is already posted does not publish it again.
        await api.post(`/admin/social-posts/${draft.data.social_post.id}`, { caption: "edited", status: "posted" }, admin)
        await new Promise((r) => setTimeout(r, 200))
        expect(published).toHaveLength(2)
      } finally {
        emitter.off("social_post.published", listener)
      }
    })

    it("answers 401 without an admin token", async () => {
      for (const request of [
        () => api.get("/admin/social-posts"),
        () => api.post("/admin/social-posts", { platform_id: platformId }),
        () => api.get("/admin/social-posts/socpost_1"),
        () => api.post("/admin/social-posts/socpost_1", {}),
        () => api.delete("/admin/social-posts/socpost_1"),
      ]) {
        expect((await expectHttpError(request())).status).toBe(401)
      }
    })

    const badBodies: [string, Record<string, unknown>, RegExp][] = [
      ["unknown platform_id", { platform_id: "socplat_nope" }, /platform_id/],
      ["bad status", { status: "viral" }, /status/],
      ["bad media_type", { media_type: "HOLOGRAM" }, /media_type/],
      ["unknown key", { likes: 5 }, /likes/],
      ["metrics in insights", { insights: { likes: 999 } }, /likes/],
      ["bad instagram id", { insights: { instagram_media_id: "abc" } }, /instagram_media_id/],
      ["id of another platform", { insights: { twitter_tweet_id: "12345" } }, /twitter_tweet_id/],
      ["bad posted_at", { posted_at: "yesterday" }, /posted_at/],
      ["bad post_url", { post_url: "not a url" }, /post_url/],
    ]
    it.each(badBodies)("rejects %s with a 400 naming the field and writes nothing", async (_label, body, field) => {
      const response = await expectHttpError(createPost(body))
      expect(response.status).toBe(400)
      expect(response.data.message).toMatch(field)
      expect((await api.get("/admin/social-posts", admin)).data.count).toBe(0)
    })

    it("rejects bad updates with a 400 and leaves the post unchanged", async () => {
      const { data } = await createPost()
      const response = await expectHttpError(
        api.post(`/admin/social-posts/${data.social_post.id}`, { platform_id: "socplat_nope" }, admin)
      )
      expect(response.status).toBe(400)
      expect(response.data.message).toMatch(/platform_id/)
      const after = await api.get(`/admin/social-posts/${data.social_post.id}`, admin)
      expect(after.data.social_post.platform.id).toBe(platformId)
    })

    it("answers 404 for unknown post ids and 400 for bad list queries", async () => {
      for (const request of [
        () => api.get("/admin/social-posts/socpost_missing", admin),
        () => api.post("/admin/social-posts/socpost_missing", { name: "x" }, admin),
        () => api.delete("/admin/social-posts/socpost_missing", admin),
      ]) {
        expect((await expectHttpError(request())).status).toBe(404)
      }
      expect((await expectHttpError(api.get("/admin/social-posts?status=viral", admin))).data.message).toMatch(/status/)
      expect((await expectHttpError(api.get("/admin/social-posts?limit=100000", admin))).data.message).toMatch(/limit/)
      expect((await expectHttpError(api.get("/admin/social-posts?order=password", admin))).data.message).toMatch(/order/)
    })
  },
})
