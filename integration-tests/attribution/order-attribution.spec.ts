import { medusaIntegrationTestRunner, TestEventUtils } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { AxiosInstance } from "axios"
import { AdminHeaders, loginAsNewAdmin } from "../helpers/admin"
import { SOCIAL_ATTRIBUTION_MODULE } from "../../src/modules/social-attribution"
import type SocialAttributionModuleService from "../../src/modules/social-attribution/service"
import { SOCIALS_MODULE } from "../../src/modules/socials"
import type SocialsModuleService from "../../src/modules/socials/service"
import { checkout, createShop, trackedClick, type Shop } from "../helpers/checkout"

const DAY = 86_400_000

type Row = { order_id: string; social_post_id: string; source: string; currency_code: string; net_total: number; units: number; linked_subtotal: number; platform: string | null }

async function createPost(api: AxiosInstance, admin: AdminHeaders, name: string): Promise<string> {
  const { data } = await api.post(
    "/admin/social-platforms",
    { name: `${name} account`, provider: "facebook", account_id: "104000000000001", api_config: { access_token: "EAAG-attribution" } },
    admin
  )
  const post = await api.post("/admin/social-posts", { platform_id: data.social_platform.id, name, status: "posted" }, admin)
  return post.data.social_post.id
}

const rows = async (container: MedusaContainer): Promise<Row[]> =>
  container.resolve<SocialAttributionModuleService>(SOCIAL_ATTRIBUTION_MODULE).listSocialAttributions({}, { take: 100 }) as unknown as Promise<Row[]>

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    let shop: Shop
    let postA: string
    let postB: string

    beforeEach(async () => {
      admin = await loginAsNewAdmin(getContainer(), api)
      shop = await createShop(getContainer())
      postA = await createPost(api, admin, "Spring mug")
      postB = await createPost(api, admin, "Beans reel")
    })

    it("credits a click inside the window, with net sales without tax and shipping, and ignores one outside it", async () => {
      const inside = await checkout(api, getContainer(), shop, { metadata: trackedClick(postA, 1 * DAY) })
      const outside = await checkout(api, getContainer(), shop, { metadata: trackedClick(postA, 8 * DAY) })

      const all = await rows(getContainer())
      expect(all).toHaveLength(1)
      expect(all[0]).toMatchObject({ order_id: inside, social_post_id: postA, source: "link", platform: "instagram", currency_code: "usd", units: 2 })
      expect(Number(all[0].net_total)).toBe(40) // 2 × 20, shipping (5) not counted
      expect(all.find((r) => r.order_id === outside)).toBeUndefined()
    })

    it("lets the last click win between two posts", async () => {
      const order = await checkout(api, getContainer(), shop, {
        metadata: trackedClick(postA, 2 * DAY),
        laterMetadata: trackedClick(postB, 1 * DAY, "facebook"),
      })
      const [row] = await rows(getContainer())
      expect(row).toMatchObject({ order_id: order, social_post_id: postB, platform: "facebook" })
    })

    it("counts an order.placed delivered twice once", async () => {
      const order = await checkout(api, getContainer(), shop, { metadata: trackedClick(postA, DAY) })
      const bus = getContainer().resolve(Modules.EVENT_BUS)
      const again = TestEventUtils.waitSubscribersExecution("order.placed", bus)
      await bus.emit({ name: "order.placed", data: { id: order } })
      await again
      const all = await rows(getContainer())
      expect(all).toHaveLength(1)
      expect(Number(all[0].net_total)).toBe(40)
    })

    it("keeps two currencies apart", async () => {
      await checkout(api, getContainer(), shop, { metadata: trackedClick(postA, DAY) })
      await checkout(api, getContainer(), shop, { currency: "eur", items: [{ variant: "beans", quantity: 3 }], metadata: trackedClick(postA, DAY) })
      const all = await rows(getContainer())
      const byCurrency = Object.fromEntries(all.map((r) => [r.currency_code, Number(r.net_total)]))
      expect(byCurrency).toEqual({ usd: 40, eur: 18 })
    })

    it("ignores unknown, malformed, injected and huge UTM values and still places the order", async () => {
      const fresh = new Date(Date.now() - DAY).toISOString()
      const bad: Record<string, unknown>[] = [
        { ...trackedClick(postA, DAY), utm_content: "socpost_01JZZZZZZZZZZZZZZZZZZZZZZZ" }, // no such post
        { ...trackedClick(postA, DAY), utm_content: `${postA}' or 1=1; drop table social_attribution; --` },
        { ...trackedClick(postA, DAY), utm_content: 123 },
        { ...trackedClick(postA, DAY), utm_content: [postA] },
        { ...trackedClick(postA, DAY), utm_clicked_at: { $gt: fresh } },
        { ...trackedClick(postA, DAY), utm_clicked_at: "yesterday" },
        { ...trackedClick(postA, DAY), utm_medium: "email" },
        { ...trackedClick(postA, DAY), utm_content: "x".repeat(20_000), utm_source: "y".repeat(20_000) },
      ]
      const orders: string[] = []
      for (const metadata of bad) {
        orders.push(await checkout(api, getContainer(), shop, { metadata }))
      }
      expect(await rows(getContainer())).toEqual([])
      const { data } = await api.get(`/admin/orders/${orders[1]}?fields=id,metadata,total`, admin)
      expect(data.order.metadata.utm_content).toContain("drop table")
      expect(data.order.total).toBe(45)
      // The table survived the injection string.
      await checkout(api, getContainer(), shop, { metadata: trackedClick(postA, DAY) })
      expect(await rows(getContainer())).toHaveLength(1)
    })

    it("attributes with the same number of statements whatever the order's size, and no platform call", async () => {
      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as { on(e: "query", f: () => void): void; off?(e: "query", f: () => void): void; removeListener(e: "query", f: () => void): void }
      const small = await checkout(api, getContainer(), shop, { metadata: trackedClick(postA, DAY) })
      const large = await checkout(api, getContainer(), shop, {
        items: [{ variant: "mug", quantity: 3 }, { variant: "beans", quantity: 5 }],
        metadata: trackedClick(postB, DAY),
      })
      const platformCalls: string[] = []
      getContainer().resolve<SocialsModuleService>(SOCIALS_MODULE).setRequestHook((r) => {
        platformCalls.push(r.url)
      })
      const bus = getContainer().resolve(Modules.EVENT_BUS)
      const statementsFor = async (orderId: string) => {
        let count = 0
        const listener = () => count++
        knex.on("query", listener)
        const done = TestEventUtils.waitSubscribersExecution("order.placed", bus)
        await bus.emit({ name: "order.placed", data: { id: orderId } })
        await done
        knex.removeListener("query", listener)
        return count
      }
      const forSmall = await statementsFor(small)
      const forLarge = await statementsFor(large)
      expect(forSmall).toBeGreaterThan(0)
      expect(forLarge).toBe(forSmall)
      expect(platformCalls).toEqual([])
    })
  },
})
