import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { META_SEED_IDS } from "../../sandbox/meta/seed"
import { X_SEED_IDS } from "../../sandbox/x/seed"
import { AdminHeaders, expectHttpError, loginAsNewAdmin } from "../helpers/admin"
import { useSandbox } from "../helpers/sandbox"
import { syncSpecHelpers } from "../helpers/socials"
import syncDuePostInsightsJob from "../../src/jobs/sync-due-post-insights"
import syncAllPostInsightsJob from "../../src/jobs/sync-all-post-insights"

const sandbox = useSandbox()
const FB = META_SEED_IDS.facebook
const IG = META_SEED_IDS.instagram

medusaIntegrationTestRunner({
  env: { SOCIALS_PUBLISH_SYNC_DELAY_SECONDS: "0" },
  testSuite: ({ api, getContainer, dbConnection }) => {
    let admin: AdminHeaders
    let pageId: string
    const { platform, post, captureInfoLogs, requestsFor } = syncSpecHelpers({ api, admin: () => admin, getContainer, sandbox })

    beforeEach(async () => {
      admin = await loginAsNewAdmin(getContainer(), api)
      sandbox().reset({ fixtures: true })
      sandbox().setOptions({ latencyMs: 0, meta: {}, x: {} })
      pageId = await platform("facebook", "104000000000001", "meta-demo-token")
    })

    const sync = (id: string, query = "") => api.post(`/admin/social-posts/${id}/sync-insights${query}`, {}, admin)

    describe("POST /admin/social-posts/:id/sync-insights", () => {
      it("answers 404 for an unknown post", async () => {
        const response = await expectHttpError(sync("socpost_unknown"))
        expect(response.status).toBe(404)
      })

      it("skips a fresh post unless forced, without calling the platform", async () => {
        const id = await post(pageId, { facebook_post_id: FB.text })
        expect((await sync(id)).data.message).toBe("Insights synced successfully")
        const calls = sandbox().stats().requests.meta

        const fresh = await sync(id)
        expect(fresh.status).toBe(200)
        expect(fresh.data.message).toMatch(/fresh/)
        expect(fresh.data.insights.likes).toBeGreaterThan(0)
        expect(sandbox().stats().requests.meta).toBe(calls)

        const forced = await sync(id, "?force=true")
        expect(forced.data.message).toBe("Insights synced successfully")
        expect(sandbox().stats().requests.meta).toBe(calls + 1)
      })

      it("answers 409 to a second sync of a post while the first one runs, and calls the platform once", async () => {
        const id = await post(pageId, { facebook_post_id: FB.video })
        sandbox().setOptions({ latencyMs: 600 })
        const [first, second] = await Promise.all([
          sync(id).catch((e) => e.response),
          new Promise((r) => setTimeout(r, 150)).then(() => sync(id).catch((e) => e.response)),
        ])
        expect([first.status, second.status].sort()).toEqual([200, 409])
        const conflict = first.status === 409 ? first : second
        expect(conflict.data).toEqual({ message: "A sync of this post is already running", code: "sync_in_progress" })
        expect(requestsFor(FB.video)).toBe(1)
      })

      it("answers 422 when the post was deleted on the platform, and keeps the previous numbers", async () => {
        const id = await post(pageId, { facebook_post_id: FB.photoNoShares })
        const good = (await sync(id)).data.insights
        sandbox().addFixtures({ facebook: [{ ...sandbox().fixtures.facebook.find((p) => p.id === FB.photoNoShares)!, deleted: true }] })

        const failed = await expectHttpError(sync(id, "?force=true"))
        expect(failed.status).toBe(422)
        expect(failed.data).toMatchObject({ code: "post_not_found", message: expect.stringMatching(/Post not found/) })

        const { data } = await api.get(`/admin/social-posts/${id}`, admin)
        expect(data.social_post.insights).toMatchObject({
          likes: good.likes,
          comments: good.comments,
          last_synced_at: good.last_synced_at,
          sync_status: "failed",
        })
        expect(data.social_post.insights_sync_status).toBe("failed")
      })

      it("answers 422 (never 401/403) for an expired token and marks the platform needs_reconnect", async () => {
        const expired = await platform("facebook", "104000000000001", "meta-expired-token")
        const id = await post(expired, { facebook_post_id: FB.text })
        const response = await expectHttpError(sync(id))
        expect(response.status).toBe(422)
        expect(response.data.code).toBe("token_expired")
        expect(response.data.message).toMatch(/reconnect/i)
        expect(JSON.stringify(response.data)).not.toContain("meta-expired-token")
        const { data } = await api.get(`/admin/social-platforms/${expired}`, admin)
        expect(data.social_platform.status).toBe("needs_reconnect")

        // Reconnecting with a new token makes the account usable again.
        const reconnected = await api.post(`/admin/social-platforms/${expired}`, { api_config: { access_token: "meta-demo-token" } }, admin)
        expect(reconnected.data.social_platform.status).toBe("active")
        expect((await sync(id, "?force=true")).status).toBe(200)
      })

      it("answers 422 app_misconfigured when X refuses the app itself, and leaves the account active", async () => {
        const x = await platform("twitter", "2244994945", "x-demo-token", { api_config: { auth_type: "user_context" } })
        const id = await post(x, { twitter_tweet_id: X_SEED_IDS.example })
        sandbox().setOptions({ x: { clientNotEnrolled: true } })
        const response = await expectHttpError(sync(id))
        expect(response.status).toBe(422)
        expect(response.data.code).toBe("app_misconfigured")
        expect(response.data.message).toMatch(/Project/)
        const { data } = await api.get(`/admin/social-platforms/${x}`, admin)
        expect(data.social_platform.status).toBe("active")
      })

      it("answers 429 with retry_after when the platform's budget is spent", async () => {
        const id = await post(pageId, { facebook_post_id: FB.text })
        sandbox().setOptions({ meta: { callsPerHour: 0 } })
        const response = await expectHttpError(sync(id))
        expect(response.status).toBe(429)
        expect(response.data).toMatchObject({ code: "rate_limited", message: expect.stringMatching(/Rate limit exceeded/) })
        expect(response.data.retry_after).toBeGreaterThan(0)
      })
    })

    describe("POST /admin/social-posts/sync-all-insights", () => {
      it("syncs posted posts, skips fresh ones unless forced, and counts posts without an id as failed", async () => {
        const a = await post(pageId, { facebook_post_id: FB.text })
        const b = await post(pageId, { instagram_media_id: IG.image })
        const noId = await post(pageId, {})
        await post(pageId, { facebook_post_id: FB.video }, { status: "draft" })

        const first = await api.post("/admin/social-posts/sync-all-insights", {}, admin)
        expect(first.data).toMatchObject({ message: "Synced insights for 2 posts", success: 2, failed: 1, skipped: 0, total: 3 })
        expect(first.data.results).toEqual(
          expect.arrayContaining([
            { postId: a, status: "success" },
            { postId: b, status: "success" },
            { postId: noId, status: "failed", error: "Platform post ID not found", code: "missing_platform_post_id" },
          ])
        )

        const again = await api.post(`/admin/social-posts/sync-all-insights?platform_id=${pageId}&limit=10`, {}, admin)
        expect(again.data).toMatchObject({ success: 0, failed: 1, skipped: 2, total: 3 })

        const forced = await api.post("/admin/social-posts/sync-all-insights", { platform_id: pageId, force: true }, admin)
        expect(forced.data).toMatchObject({ success: 2, failed: 1, skipped: 0 })
      })

      it("honours limit and platform_id, oldest sync first", async () => {
        const x = await platform("twitter", "2244994945", "x-demo-token", { api_config: { auth_type: "user_context" } })
        await post(x, { twitter_tweet_id: X_SEED_IDS.example })
        await post(pageId, { facebook_post_id: FB.text })
        await post(pageId, { facebook_post_id: FB.video })

        const one = await api.post(`/admin/social-posts/sync-all-insights?platform_id=${pageId}&limit=1`, {}, admin)
        expect(one.data.total).toBe(1)
        const rest = await api.post(`/admin/social-posts/sync-all-insights?platform_id=${pageId}`, {}, admin)
        // The never-synced post comes first; the one just synced is fresh.
        expect(rest.data).toMatchObject({ success: 1, skipped: 1, total: 2 })
        const xOnly = await api.post(`/admin/social-posts/sync-all-insights?platform_id=${x}`, {}, admin)
        expect(xOnly.data).toMatchObject({ success: 1, total: 1 })
      })

      it("one post's failure never fails the batch", async () => {
        const ok = await post(pageId, { facebook_post_id: FB.text })
        const gone = await post(pageId, { facebook_post_id: FB.deleted })
        const { data } = await api.post("/admin/social-posts/sync-all-insights", {}, admin)
        expect(data).toMatchObject({ success: 1, failed: 1 })
        expect(data.results).toEqual(
          expect.arrayContaining([
            { postId: ok, status: "success" },
            expect.objectContaining({ postId: gone, status: "failed", code: "post_not_found" }),
          ])
        )
      })

      const badRequests: [string, string, Record<string, unknown>, RegExp][] = [
        ["unknown query key", "?colour=red", {}, /colour/],
        ["non-numeric limit", "?limit=lots", {}, /limit/],
        ["limit over 500", "?limit=501", {}, /limit/],
        ["negative limit", "", { limit: -1 }, /limit/],
        ["unknown platform_id", "?platform_id=socplat_nope", {}, /platform_id/],
        ["unknown body key", "", { everything: true }, /everything/],
      ]
      it.each(badRequests)("rejects %s with a 400 naming it", async (_label, query, body, field) => {
        const response = await expectHttpError(api.post(`/admin/social-posts/sync-all-insights${query}`, body, admin))
        expect(response.status).toBe(400)
        expect(response.data.message).toMatch(field)
      })
    })

    describe("automation", () => {
      it("publish -> due -> synced: the subscriber records next_sync_at and the due job syncs the post", async () => {
        const id = await post(pageId, { facebook_post_id: FB.text }, { status: "draft" })
        await api.post(`/admin/social-posts/${id}`, { status: "posted" }, admin)

        // The subscriber runs asynchronously after the event; wait for the due time to be recorded.
        let due: string | null = null
        for (let i = 0; i < 50 && !due; i++) {
          const { rows } = await dbConnection.raw(`select next_sync_at from social_post where id = ?`, [id])
          due = rows[0].next_sync_at
          if (!due) await new Promise((r) => setTimeout(r, 100))
        }
        expect(due).not.toBeNull()
        const before = await api.get(`/admin/social-posts/${id}`, admin)
        expect(before.data.social_post.insights_synced_at).toBeNull()

        await syncDuePostInsightsJob(getContainer())
        const after = await api.get(`/admin/social-posts/${id}`, admin)
        expect(after.data.social_post.insights_sync_status).toBe("success")
        // The cadence schedules the next sync about an hour later for a post this young.
        const next = new Date(after.data.social_post.next_sync_at).getTime() - Date.now()
        expect(next).toBeGreaterThan(50 * 60_000)
        expect(next).toBeLessThan(70 * 60_000)
      })

      it("the scheduled job pages through every stale posted post and logs one summary line", async () => {
        const ids: string[] = []
        for (const fb of [FB.text, FB.video, FB.photoNoShares]) ids.push(await post(pageId, { facebook_post_id: fb }))
        ids.push(await post(pageId, { instagram_media_id: IG.image }))
        const lines = await captureInfoLogs(() => syncAllPostInsightsJob(getContainer()))
        const { data } = await api.get("/admin/social-posts?limit=50", admin)
        for (const p of data.social_posts) expect(p.insights_sync_status).toBe("success")
        expect(lines.filter((l) => l.includes("scheduled insights sync"))).toEqual([
          expect.stringMatching(/4 synced, 0 failed, 0 skipped in 1 page/),
        ])
      })

      it("the scheduled job goes past the first page and past failed posts, without revisiting any", async () => {
        const ids = [
          await post(pageId, { facebook_post_id: FB.text }),
          await post(pageId, { facebook_post_id: FB.deleted }),
          await post(pageId, { facebook_post_id: FB.video }),
          await post(pageId, { facebook_post_id: FB.photoNoShares }),
          await post(pageId, { instagram_media_id: IG.reel }),
        ]
        process.env.SOCIALS_SYNC_PAGE_SIZE = "2"
        const lines = await captureInfoLogs(() => syncAllPostInsightsJob(getContainer())).finally(
          () => delete process.env.SOCIALS_SYNC_PAGE_SIZE
        )
        expect(lines.filter((l) => l.includes("scheduled insights sync"))).toEqual([
          expect.stringMatching(/4 synced, 1 failed, 0 skipped in 3 page/),
        ])
        const { data } = await api.get("/admin/social-posts?limit=50", admin)
        const byId = Object.fromEntries(data.social_posts.map((p: { id: string; insights_sync_status: string }) => [p.id, p.insights_sync_status]))
        expect(ids.map((id) => byId[id])).toEqual(["success", "failed", "success", "success", "success"])
        // Each post reached the platform once: the failed one was not retried within the run.
        expect(requestsFor(FB.deleted)).toBe(1)
      })
    })
  },
})
