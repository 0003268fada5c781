import { medusaIntegrationTestRunner, TestEventUtils } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createAndCompleteReturnOrderWorkflow, createOrderFulfillmentWorkflow, createPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import type { AxiosInstance } from "axios"
import { AdminHeaders, expectHttpError, loginAsNewAdmin } from "../helpers/admin"
import { checkout, createShop, trackedClick, type Shop } from "../helpers/checkout"
import { SOCIAL_ATTRIBUTION_MODULE } from "../../src/modules/social-attribution"
import type SocialAttributionModuleService from "../../src/modules/social-attribution/service"
import { SOCIALS_MODULE } from "../../src/modules/socials"
import type SocialsModuleService from "../../src/modules/socials/service"
import { attachSocialClickToCart, buildTrackedLink, captureSocialClick } from "../../storefront/social-attribution.mjs"
import { seedAttributedOrders } from "../../src/scripts/seed-demo-orders"
import reconcileSocialAttributionJob from "../../src/jobs/reconcile-social-attribution"

const DAY = 86_400_000
const today = () => new Date().toISOString().slice(0, 10)

async function createPost(api: AxiosInstance, admin: AdminHeaders, name: string): Promise<string> {
  const { data } = await api.post(
    "/admin/social-platforms",
    { name: `${name} account`, provider: "facebook", account_id: "104000000000001", api_config: { access_token: "EAAG-sales" } },
    admin
  )
  return (await api.post("/admin/social-posts", { platform_id: data.social_platform.id, name, status: "posted" }, admin)).data.social_post.id
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    let shop: Shop
    let postA: string
    let postB: string
    const sales = async (postId: string, query = "") => (await api.get(`/admin/social-posts/${postId}/sales${query}`, admin)).data.sales

    beforeEach(async () => {
      admin = await loginAsNewAdmin(getContainer(), api)
      shop = await createShop(getContainer())
      postA = await createPost(api, admin, "Spring mug")
      postB = await createPost(api, admin, "Beans reel")
    })

    const createCode = async (code: string) => {
      const { result: [promotion] } = await createPromotionsWorkflow(getContainer()).run({
        input: {
          promotionsData: [
            { code, type: "standard", status: "active", application_method: { type: "percentage", target_type: "items", allocation: "across", value: 10 } },
          ],
        },
      })
      return promotion.id
    }

    it("answers orders, revenue per currency, average order value, units, clicks and conversion", async () => {
      await checkout(api, getContainer(), shop, { metadata: trackedClick(postA, DAY) })
      await checkout(api, getContainer(), shop, { items: [{ variant: "beans", quantity: 1 }], metadata: trackedClick(postA, DAY) })
      await checkout(api, getContainer(), shop, { currency: "eur", items: [{ variant: "beans", quantity: 3 }], metadata: trackedClick(postA, DAY) })

      expect(await sales(postA)).toEqual({
        orders: 3,
        canceled: 0,
        revenue: [
          { currency_code: "eur", total: 18 },
          { currency_code: "usd", total: 48 },
        ],
        average_order_value: [
          { currency_code: "eur", value: 18 },
          { currency_code: "usd", value: 24 },
        ],
        units: 6,
        clicks: null,
        conversion_rate: null,
        by_source: {
          link: { orders: 3, revenue: [{ currency_code: "eur", total: 18 }, { currency_code: "usd", total: 48 }] },
          promotion: { orders: 0, revenue: [] },
        },
      })

      // Clicks come from the stored platform insights (Facebook post_clicks), not from a platform call.
      await getContainer().resolve<SocialsModuleService>(SOCIALS_MODULE).updateSocialPosts({
        id: postA,
        insights: { schema_version: 1, platform: "facebook", facebook_insights: { post_clicks: 12 } },
      })
      const withClicks = await sales(postA)
      expect(withClicks).toMatchObject({ clicks: 12, conversion_rate: 0.25 })
      expect(await sales(postB)).toMatchObject({ orders: 0, revenue: [], clicks: null, conversion_rate: null })
    })

    it("credits an order whose cart the storefront helper tagged over the store API", async () => {
      const storage = new Map<string, string>()
      const browser = { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v), removeItem: (k: string) => void storage.delete(k) }
      const link = buildTrackedLink("https://shop.example.com/products/mug", { postId: postB, platform: "facebook", campaign: "Beans reel" })
      captureSocialClick({ url: link, storage: browser })
      await checkout(api, getContainer(), shop, {
        onCart: async (cartId) => {
          const written = await attachSocialClickToCart(cartId, {
            storage: browser,
            baseUrl: api.defaults.baseURL,
            publishableKey: shop.store.headers["x-publishable-api-key"],
          })
          expect(written).toMatchObject({ utm_content: postB })
        },
      })
      expect(await sales(postB)).toMatchObject({ orders: 1, by_source: { link: { orders: 1 } } })
    })

    it("lists posts with orders and revenue, sorts by revenue within a currency, and answers the order and product widgets", async () => {
      const postC = await createPost(api, admin, "No sales yet")
      const first = await checkout(api, getContainer(), shop, { metadata: trackedClick(postA, DAY) })
      await checkout(api, getContainer(), shop, { metadata: trackedClick(postB, DAY) })
      await checkout(api, getContainer(), shop, { metadata: trackedClick(postB, DAY) })
      await checkout(api, getContainer(), shop, { currency: "eur", items: [{ variant: "beans", quantity: 10 }], metadata: trackedClick(postA, DAY) })

      const list = async (q: string) => (await api.get(`/admin/social-posts?${q}`, admin)).data
      const desc = await list("order=-revenue&currency_code=USD")
      expect(desc.social_posts.map((p: { id: string }) => p.id)).toEqual([postB, postA, postC])
      expect(desc.count).toBe(3)
      expect(desc.social_posts[1].sales).toEqual({ orders: 2, revenue: [{ currency_code: "eur", total: 60 }, { currency_code: "usd", total: 40 }] })
      expect((await list("order=-revenue&currency_code=eur")).social_posts.map((p: { id: string }) => p.id)).toEqual([postA, postC, postB])
      expect((await list("order=revenue&currency_code=usd")).social_posts.map((p: { id: string }) => p.id)).toEqual([postC, postA, postB])
      expect((await list("order=-revenue&currency_code=usd&limit=1&offset=1")).social_posts.map((p: { id: string }) => p.id)).toEqual([postA])
      expect((await list("order=-revenue&currency_code=usd&limit=2&offset=1")).social_posts.map((p: { id: string }) => p.id)).toEqual([postA, postC])
      expect((await list("")).social_posts.find((p: { id: string }) => p.id === postC).sales).toEqual({ orders: 0, revenue: [] })
      const byOrders = (await list("order=-orders")).social_posts.map((p: { id: string }) => p.id)
      expect(byOrders.slice(0, 2).sort()).toEqual([postA, postB].sort()) // 2 each, all currencies counted
      expect(byOrders[2]).toBe(postC)
      expect((await list("order=orders")).social_posts[0].id).toBe(postC)
      const noCurrency = await expectHttpError(api.get(`/admin/social-posts?order=-revenue`, admin))
      expect(noCurrency.status).toBe(400)
      expect(noCurrency.data.message).toMatch(/currency_code/)

      const widget = (await api.get(`/admin/orders/${first}/social-attribution`, admin)).data.attribution
      expect(widget).toMatchObject({ social_post: { id: postA, name: "Spring mug" }, source: "link", platform: "instagram", net_total: 40 })
      const unattributed = await checkout(api, getContainer(), shop, {})
      expect((await api.get(`/admin/orders/${unattributed}/social-attribution`, admin)).data.attribution).toBeNull()
      expect((await expectHttpError(api.get(`/admin/orders/order_%00/social-attribution`, admin))).status).toBe(400)
      expect((await expectHttpError(api.get(`/admin/orders/${first}/social-attribution?x=1`, admin))).status).toBe(400)
      expect((await expectHttpError(api.get(`/admin/products/prod_missing/social-sales`, admin))).status).toBe(404)

      await api.post(`/admin/social-posts/${postA}/products`, { add: [shop.products.mug] }, admin)
      const forProduct = (await api.get(`/admin/products/${shop.products.mug}/social-sales`, admin)).data.social_posts
      expect(forProduct).toEqual([{ id: postA, name: "Spring mug", sales: { orders: 2, revenue: [{ currency_code: "eur", total: 60 }, { currency_code: "usd", total: 40 }] } }])
    })

    it("seeds attributed demo orders", async () => {
      const launch = await createPost(api, admin, "Autumn blend launch")
      const reel = await createPost(api, admin, "Reel: espresso pull")
      expect(await seedAttributedOrders(getContainer())).toBe(4) // "Launch thread" does not exist here
      expect(await sales(launch)).toMatchObject({
        orders: 3,
        revenue: [{ currency_code: "eur", total: 48 }, { currency_code: "usd", total: 54 }],
        units: 6,
      })
      expect(await sales(reel)).toMatchObject({ orders: 1, revenue: [{ currency_code: "usd", total: 72 }] })
    })

    it("filters on when the order was placed", async () => {
      await checkout(api, getContainer(), shop, { metadata: trackedClick(postA, DAY) })
      const tomorrow = new Date(Date.now() + DAY).toISOString().slice(0, 10)
      const yesterday = new Date(Date.now() - DAY).toISOString().slice(0, 10)
      expect((await sales(postA, `?from=${today()}&to=${today()}`)).orders).toBe(1)
      expect((await sales(postA, `?from=${tomorrow}`)).orders).toBe(0)
      expect((await sales(postA, `?to=${yesterday}`)).orders).toBe(0)
      expect((await sales(postA, `?from=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}`)).orders).toBe(1)
    })

    it("rejects bad ranges and unknown parameters with a clear 400, and an unknown post with 404", async () => {
      const bad = await expectHttpError(api.get(`/admin/social-posts/${postA}/sales?from=last-week`, admin))
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/from must be an ISO 8601 date/)
      const reversed = await expectHttpError(api.get(`/admin/social-posts/${postA}/sales?from=2026-05-02&to=2026-05-01`, admin))
      expect(reversed.status).toBe(400)
      expect(reversed.data.message).toMatch(/from must not be after to/)
      expect((await expectHttpError(api.get(`/admin/social-posts/${postA}/sales?currency=usd`, admin))).status).toBe(400)
      expect((await expectHttpError(api.get(`/admin/social-posts/socpost_missing/sales`, admin))).status).toBe(404)
      expect((await expectHttpError(api.get(`/admin/social-posts/${postA}/sales`))).status).toBe(401)
    })

    it("credits an order that used a linked promotion code, before any tracked click", async () => {
      const code = await createCode("BEANS10")
      const linked = await api.post(`/admin/social-posts/${postB}/promotions`, { add: [code] }, admin)
      expect(linked.data.promotions).toMatchObject([{ id: code, code: "BEANS10" }])

      // The shopper clicked post A's link, then used post B's code: the code wins.
      await checkout(api, getContainer(), shop, { metadata: trackedClick(postA, DAY), promo_codes: ["BEANS10"] })
      // No storefront change at all: a code alone is enough.
      await checkout(api, getContainer(), shop, { promo_codes: ["BEANS10"] })

      expect(await sales(postA)).toMatchObject({ orders: 0 })
      expect(await sales(postB)).toMatchObject({
        orders: 2,
        revenue: [{ currency_code: "usd", total: 72 }], // 2 × (40 − 10%)
        by_source: { link: { orders: 0 }, promotion: { orders: 2 } },
      })

      const elsewhere = await expectHttpError(api.post(`/admin/social-posts/${postA}/promotions`, { add: [code] }, admin))
      expect(elsewhere.status).toBe(400)
      expect(elsewhere.data.message).toMatch(/already linked to another post/)
      expect((await expectHttpError(api.post(`/admin/social-posts/${postA}/promotions`, { add: ["promo_missing"] }, admin))).status).toBe(400)
      expect((await expectHttpError(api.post(`/admin/social-posts/${postA}/promotions`, { add: "x" }, admin))).status).toBe(400)

      const unlinked = await api.post(`/admin/social-posts/${postB}/promotions`, { remove: [code] }, admin)
      expect(unlinked.data.promotions).toEqual([])
      // Unlinked: a later order with the code falls back to its click.
      await checkout(api, getContainer(), shop, { metadata: trackedClick(postA, DAY), promo_codes: ["BEANS10"] })
      expect(await sales(postA)).toMatchObject({ orders: 1, by_source: { link: { orders: 1 } } })
    })

    it("reduces a canceled order", async () => {
      const order = await checkout(api, getContainer(), shop, { metadata: trackedClick(postA, DAY) })
      await checkout(api, getContainer(), shop, { metadata: trackedClick(postA, DAY) })
      const canceled = TestEventUtils.waitSubscribersExecution("order.canceled", getContainer().resolve(Modules.EVENT_BUS))
      await api.post(`/admin/orders/${order}/cancel`, {}, admin)
      await canceled
      expect(await sales(postA)).toMatchObject({ orders: 1, canceled: 1, revenue: [{ currency_code: "usd", total: 40 }], units: 2 })
    })

    it("reduces a refund without a return in proportion, and a received return by its lines", async () => {
      const order = await checkout(api, getContainer(), shop, { metadata: trackedClick(postA, DAY) }) // 2 × 20 + 5 shipping = 45
      const { data } = await api.get(`/admin/orders/${order}?fields=id,payment_collections.payments.id,items.id`, admin)
      const paymentId = data.order.payment_collections[0].payments[0].id
      await api.post(`/admin/payments/${paymentId}/capture`, {}, admin)
      const bus = getContainer().resolve(Modules.EVENT_BUS)
      const refunded = TestEventUtils.waitSubscribersExecution("payment.refunded", bus)
      await api.post(`/admin/payments/${paymentId}/refund`, { amount: 9 }, admin)
      await refunded
      // 9 of 45 refunded: a fifth of the order, so net sales 40 → 32.
      expect(await sales(postA)).toMatchObject({ orders: 1, revenue: [{ currency_code: "usd", total: 32 }] })

      // Another order: its two mugs are fulfilled, returned and received (receive_now receives
      // every line of the order in full, so the whole line is returned).
      const second = await checkout(api, getContainer(), shop, { metadata: trackedClick(postB, DAY) })
      const { data: placed } = await api.get(`/admin/orders/${second}?fields=id,items.id`, admin)
      const itemId = placed.order.items[0].id
      await createOrderFulfillmentWorkflow(getContainer()).run({ input: { order_id: second, items: [{ id: itemId, quantity: 2 }] } })
      const received = TestEventUtils.waitSubscribersExecution("order.return_received", bus)
      await createAndCompleteReturnOrderWorkflow(getContainer()).run({
        input: { order_id: second, items: [{ id: itemId, quantity: 2 }], return_shipping: { option_id: shop.shippingOptions.usd, price: 0 }, receive_now: true },
      })
      await received
      expect(await sales(postB)).toMatchObject({ orders: 1, revenue: [{ currency_code: "usd", total: 0 }], units: 0 })
    })

    it("reconciles a missed order.placed from the order itself", async () => {
      const order = await checkout(api, getContainer(), shop, { metadata: trackedClick(postA, DAY) })
      const attribution = getContainer().resolve<SocialAttributionModuleService>(SOCIAL_ATTRIBUTION_MODULE)
      const [row] = await attribution.listSocialAttributions({ order_id: order })
      await attribution.deleteSocialAttributions(row.id)
      expect((await sales(postA)).orders).toBe(0)

      await reconcileSocialAttributionJob(getContainer())
      expect(await sales(postA)).toMatchObject({ orders: 1, revenue: [{ currency_code: "usd", total: 40 }] })
      // A second pass changes nothing.
      await reconcileSocialAttributionJob(getContainer())
      expect((await attribution.listSocialAttributions({ order_id: order })).length).toBe(1)
    })
  },
})
