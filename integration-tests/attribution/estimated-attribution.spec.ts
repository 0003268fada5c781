import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { AxiosInstance } from "axios"
import { AdminHeaders, loginAsNewAdmin } from "../helpers/admin"
import { checkout, createShop, trackedClick, type Shop } from "../helpers/checkout"

// The opt-in rule, read when the module boots (this file's process only).
process.env.SOCIAL_ATTRIBUTION_ESTIMATED_DAYS = "7"

const DAY = 86_400_000

async function createPost(api: AxiosInstance, admin: AdminHeaders, name: string, postedDaysAgo: number, productId: string): Promise<string> {
  const { data } = await api.post(
    "/admin/social-platforms",
    { name: `${name} account`, provider: "facebook", account_id: "104000000000001", api_config: { access_token: "EAAG-estimated" } },
    admin
  )
  const { data: created } = await api.post(
    "/admin/social-posts",
    { platform_id: data.social_platform.id, name, status: "posted", posted_at: new Date(Date.now() - postedDaysAgo * DAY).toISOString() },
    admin
  )
  await api.post(`/admin/social-posts/${created.social_post.id}/products`, { add: [productId] }, admin)
  return created.social_post.id
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    let shop: Shop

    beforeEach(async () => {
      admin = await loginAsNewAdmin(getContainer(), api)
      shop = await createShop(getContainer())
    })

    it("estimates orders of a recently published post's products, apart from links and promotions", async () => {
      const recent = await createPost(api, admin, "Mug launch", 2, shop.products.mug)
      const old = await createPost(api, admin, "Beans last month", 20, shop.products.beans)
      const linked = await createPost(api, admin, "Other post", 30, shop.products.beans)

      const estimatedOrder = await checkout(api, getContainer(), shop, { items: [{ variant: "mug", quantity: 2 }] })
      await checkout(api, getContainer(), shop, { items: [{ variant: "beans", quantity: 1 }] }) // published too long ago
      // A tracked click wins over an estimate.
      await checkout(api, getContainer(), shop, { items: [{ variant: "mug", quantity: 1 }], metadata: trackedClick(linked, DAY) })

      const sales = async (id: string) => (await api.get(`/admin/social-posts/${id}/sales`, admin)).data.sales
      expect(await sales(recent)).toMatchObject({
        orders: 0,
        canceled: 0,
        revenue: [],
        units: 0,
        by_source: { link: { orders: 0 }, promotion: { orders: 0 }, estimated: { orders: 1, revenue: [{ currency_code: "usd", total: 40 }] } },
      })
      expect((await sales(old)).by_source.estimated).toEqual({ orders: 0, revenue: [] })
      expect(await sales(linked)).toMatchObject({ orders: 1, revenue: [{ currency_code: "usd", total: 20 }], by_source: { estimated: { orders: 0 } } })

      // Never mixed into the list's numbers or its revenue ranking.
      const { data } = await api.get(`/admin/social-posts?order=-revenue&currency_code=usd`, admin)
      expect(data.social_posts[0].id).toBe(linked)
      expect(data.social_posts.find((p: { id: string }) => p.id === recent).sales).toEqual({ orders: 0, revenue: [] })
      const widget = (await api.get(`/admin/orders/${estimatedOrder}/social-attribution`, admin)).data.attribution
      expect(widget).toMatchObject({ social_post: { id: recent }, source: "estimated" })
    })
  },
})
