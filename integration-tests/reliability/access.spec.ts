import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import {
  createApiKeysWorkflow,
  createProductsWorkflow,
  createSalesChannelsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
} from "@medusajs/medusa/core-flows"
import type { Method } from "axios"
import { AdminHeaders, loginAsNewAdmin } from "../helpers/admin"
import { createPlatform, createPost, quietScheduler, send } from "./support/api"

/**
 * Only admins reach the plugin: every route under /admin/social-* (and the product
 * link route) answers 401 to anonymous callers, to a storefront's publishable key and
 * to a made-up bearer token; nothing of the plugin is reachable under /store, not even
 * through the store product API's `fields` expansion of the social_post link.
 */

const TOKEN = "meta-demo-token"
const CAPTION = "caption-only-admins-may-read-7f3a"

quietScheduler()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    let platformId: string
    let postId: string
    let productId: string
    let publishableKey: string

    beforeAll(async () => {
      const container = getContainer()
      admin = await loginAsNewAdmin(container, api)
      platformId = await createPlatform(api, admin, "facebook", "104000000000001", { access_token: TOKEN })
      postId = await createPost(api, admin, platformId, { facebook_post_id: "104000000000001_900000000000001" }, { caption: CAPTION })

      const { result: channels } = await createSalesChannelsWorkflow(container).run({
        input: { salesChannelsData: [{ name: "Web shop" }] },
      })
      const { result: keys } = await createApiKeysWorkflow(container).run({
        input: { api_keys: [{ title: "Storefront", type: "publishable", created_by: "reliability-test" }] },
      })
      publishableKey = keys[0].token
      await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: keys[0].id, add: [channels[0].id] } })
      const { result: products } = await createProductsWorkflow(container).run({
        input: {
          products: [
            {
              title: "Linen shirt",
              status: "published",
              sales_channels: [{ id: channels[0].id }],
              options: [{ title: "Size", values: ["M"] }],
              variants: [{ title: "M", options: { Size: "M" }, prices: [{ amount: 10, currency_code: "eur" }] }],
            },
          ],
        },
      })
      productId = products[0].id
      const linked = await send(api, "POST", `/admin/social-posts/${postId}/products`, { data: { add: [productId] }, headers: admin.headers })
      expect(linked.status).toBe(200)
    })

    /** Every admin route of the plugin, with real ids so only authentication can refuse them. */
    const adminRoutes = (): { method: Method; url: string; data?: unknown }[] => [
      { method: "GET", url: "/admin/social-platforms" },
      { method: "POST", url: "/admin/social-platforms", data: { name: "x", provider: "facebook" } },
      { method: "GET", url: `/admin/social-platforms/${platformId}` },
      { method: "POST", url: `/admin/social-platforms/${platformId}`, data: { name: "renamed" } },
      { method: "DELETE", url: `/admin/social-platforms/${platformId}` },
      { method: "GET", url: "/admin/social-posts" },
      { method: "POST", url: "/admin/social-posts", data: { platform_id: platformId } },
      { method: "GET", url: `/admin/social-posts/${postId}` },
      { method: "POST", url: `/admin/social-posts/${postId}`, data: { name: "renamed" } },
      { method: "DELETE", url: `/admin/social-posts/${postId}` },
      { method: "POST", url: `/admin/social-posts/${postId}/sync-insights?force=true` },
      { method: "POST", url: "/admin/social-posts/sync-all-insights", data: { force: true } },
      { method: "GET", url: `/admin/social-posts/${postId}/insights-snapshots` },
      { method: "GET", url: `/admin/social-posts/${postId}/products` },
      { method: "POST", url: `/admin/social-posts/${postId}/products`, data: { remove: [productId] } },
      { method: "GET", url: `/admin/products/${productId}/social-posts` },
    ]

    const callers: Record<string, Record<string, string>> = {
      "no credentials": {},
      "a store publishable key": {},
      "a forged bearer token": { authorization: "Bearer eyJhbGciOiJIUzI1NiJ9.eyJhY3Rvcl9pZCI6ImFkbWluIn0.forged" },
      "a publishable key as bearer": {},
    }

    it.each(Object.keys(callers))("answers 401 on every admin route to %s, and nothing changes", async (caller) => {
      const headers =
        caller === "a store publishable key"
          ? { "x-publishable-api-key": publishableKey }
          : caller === "a publishable key as bearer"
            ? { authorization: `Bearer ${publishableKey}`, "x-publishable-api-key": publishableKey }
            : callers[caller]
      const unexpected: string[] = []
      for (const route of adminRoutes()) {
        const res = await send(api, route.method, route.url, { data: route.data, headers })
        if (res.status !== 401) {
          unexpected.push(`${route.method} ${route.url} -> ${res.status} ${JSON.stringify(res.data).slice(0, 200)}`)
        }
        expect(JSON.stringify(res.data)).not.toContain(TOKEN)
        expect(JSON.stringify(res.data)).not.toContain(CAPTION)
      }
      expect(unexpected).toEqual([])

      // The refused mutations really did nothing.
      const post = await send(api, "GET", `/admin/social-posts/${postId}`, { headers: admin.headers })
      expect(post.status).toBe(200)
      expect(post.data.social_post).toMatchObject({ name: "post", platform: { id: platformId, name: `facebook 104000000000001` } })
      const platforms = await send(api, "GET", "/admin/social-platforms", { headers: admin.headers })
      expect(platforms.data.count).toBe(1)
    })

    it("exposes nothing under /store, with or without a publishable key", async () => {
      const storeRoutes: { method: Method; url: string }[] = [
        { method: "GET", url: "/store/social-posts" },
        { method: "GET", url: `/store/social-posts/${postId}` },
        { method: "GET", url: "/store/social-platforms" },
        { method: "GET", url: `/store/social-platforms/${platformId}` },
        { method: "POST", url: `/store/social-posts/${postId}/sync-insights` },
        { method: "POST", url: "/store/social-posts/sync-all-insights" },
        { method: "GET", url: `/store/social-posts/${postId}/insights-snapshots` },
        { method: "GET", url: `/store/products/${productId}/social-posts` },
      ]
      const unexpected: string[] = []
      for (const route of storeRoutes) {
        const withKey = await send(api, route.method, route.url, { headers: { "x-publishable-api-key": publishableKey } })
        if (withKey.status !== 404) {
          unexpected.push(`${route.method} ${route.url} with key -> ${withKey.status}`)
        }
        const withoutKey = await send(api, route.method, route.url)
        if (withoutKey.status < 400 || withoutKey.status >= 500) {
          unexpected.push(`${route.method} ${route.url} without key -> ${withoutKey.status}`)
        }
        // (Express's 404 page echoes the path, ids included; the post's data must never appear.)
        for (const res of [withKey, withoutKey]) {
          expect(JSON.stringify(res.data)).not.toMatch(new RegExp(`${CAPTION}|${TOKEN}|api_config|sync_status`))
        }
      }
      expect(unexpected).toEqual([])
    })

    it("does not leak linked social posts through the store product API", async () => {
      const headers = { "x-publishable-api-key": publishableKey }
      const plain = await send(api, "GET", `/store/products/${productId}`, { headers })
      expect(plain.status).toBe(200)
      for (const fields of ["*social_posts", "+social_posts.*", "*social_posts.platform", "social_posts.platform.api_config"]) {
        const res = await send(api, "GET", `/store/products/${productId}?fields=${encodeURIComponent(fields)}`, { headers })
        // Medusa drops fields a store route does not allow (200 without them) or refuses them (400).
        expect([200, 400]).toContain(res.status)
        expect(JSON.stringify(res.data)).not.toMatch(/social_posts|socpost_|socplat_|api_config|access_token|meta-demo-token/)
      }
      const list = await send(api, "GET", `/store/products?fields=${encodeURIComponent("*social_posts,*social_posts.platform")}`, { headers })
      expect([200, 400]).toContain(list.status)
      expect(JSON.stringify(list.data)).not.toMatch(/social_posts|socpost_|socplat_|api_config/)
    })
  },
})
