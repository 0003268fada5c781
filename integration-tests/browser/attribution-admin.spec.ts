import path from "node:path"
import { ARTIFACTS } from "./support/medusa-app"
import { logIn, useAdminBrowser, visible } from "./support/admin-browser"
import { attachSocialClickToCart, captureSocialClick } from "../../storefront/social-attribution.mjs"

/**
 * Revenue per post in a real browser against the production build: generate a
 * tracked link on a post, place an order with it through the store API (as a
 * storefront using the plugin's helper would), then see the post's Sales block
 * and the order page widget.
 */

const state: { postId?: string; link?: string; orderId?: string; key?: string; regionId?: string; variantId?: string } = {}

describe("Revenue per post in a browser", () => {
  // No platform is called: no sandbox.
  const admin = useAdminBrowser({ sandbox: false, logIn: false, context: { timezoneId: "UTC" }, name: "attribution" })
  const { api } = admin

  it("logs in and sets up a shop and a post", async () => {
    await logIn(admin.page, admin.app)

    const { social_platform } = await api<{ social_platform: { id: string } }>("POST", "/admin/social-platforms", {
      name: "Shop Page", provider: "facebook", account_id: "104000000000001", api_config: { access_token: "meta-demo-token" },
    })
    const { social_post } = await api<{ social_post: { id: string } }>("POST", "/admin/social-posts", {
      platform_id: social_platform.id, name: "Spring mug drop", status: "posted",
    })
    state.postId = social_post.id

    const { region } = await api<{ region: { id: string } }>("POST", "/admin/regions", {
      name: "US", currency_code: "usd", countries: ["us"], payment_providers: ["pp_system_default"],
    })
    state.regionId = region.id
    const { sales_channel } = await api<{ sales_channel: { id: string } }>("POST", "/admin/sales-channels", { name: "Web" })
    const { api_key } = await api<{ api_key: { id: string; token: string } }>("POST", "/admin/api-keys", { title: "Web", type: "publishable" })
    await api("POST", `/admin/api-keys/${api_key.id}/sales-channels`, { add: [sales_channel.id] })
    state.key = api_key.token
    const { product } = await api<{ product: { variants: { id: string }[] } }>("POST", "/admin/products", {
      title: "Mug", status: "published", options: [{ title: "Size", values: ["One"] }],
      variants: [{ title: "One", options: { Size: "One" }, manage_inventory: false, prices: [{ amount: 20, currency_code: "usd" }] }],
      sales_channels: [{ id: sales_channel.id }],
    })
    state.variantId = product.variants[0].id
  })

  it("generates a tracked link on the post page", async () => {
    const { page } = admin
    await page.goto(`/app/social-posts/${state.postId}`)
    const section = await visible(page.getByTestId("tracked-link"))
    await section.locator("#tracked-storefront").fill("https://shop.example.com")
    await section.locator("#tracked-path").fill("/products/mug")
    const value = await visible(section.getByTestId("tracked-link-value"))
    state.link = (await value.textContent()) ?? ""
    const params = new URL(state.link).searchParams
    expect(new URL(state.link).origin + new URL(state.link).pathname).toBe("https://shop.example.com/products/mug")
    expect(Object.fromEntries(params)).toEqual({
      utm_source: "facebook", utm_medium: "social", utm_campaign: "Spring mug drop", utm_content: state.postId,
    })
    // No sales yet.
    expect(await (await visible(page.getByTestId("post-sales").locator('[data-metric="Orders"]'))).textContent()).toBe("0")
  })

  it("places an order with the link through the store API", async () => {
    const memory = new Map<string, string>()
    const storage = { getItem: (k: string) => memory.get(k) ?? null, setItem: (k: string, v: string) => void memory.set(k, v), removeItem: (k: string) => void memory.delete(k) }
    expect(captureSocialClick({ url: state.link, storage })).not.toBeNull()
    const store = { "x-publishable-api-key": state.key! }
    const { cart } = await api<{ cart: { id: string } }>("POST", "/store/carts", {
      region_id: state.regionId, email: "shopper@example.com", items: [{ variant_id: state.variantId, quantity: 2 }],
    }, store)
    // The storefront helper writes the click into the cart's metadata over the store API.
    const written = await attachSocialClickToCart(cart.id, { storage, baseUrl: admin.app.url, publishableKey: state.key })
    expect(written).toMatchObject({ utm_content: state.postId })
    const { payment_collection } = await api<{ payment_collection: { id: string } }>("POST", "/store/payment-collections", { cart_id: cart.id }, store)
    await api("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, store)
    const done = await api<{ type: string; order: { id: string } }>("POST", `/store/carts/${cart.id}/complete`, {}, store)
    expect(done.type).toBe("order")
    state.orderId = done.order.id

    // order.placed is handled asynchronously.
    const deadline = Date.now() + 15_000
    for (;;) {
      const { sales } = await api<{ sales: { orders: number } }>("GET", `/admin/social-posts/${state.postId}/sales`)
      if (sales.orders === 1) break
      if (Date.now() > deadline) throw new Error("the order was not attributed within 15 s")
      await new Promise((r) => setTimeout(r, 250))
    }
  })

  it("shows the order in the post's Sales block and on the order page", async () => {
    const { page } = admin
    await page.goto(`/app/social-posts/${state.postId}`)
    const sales = await visible(page.getByTestId("post-sales"))
    await visible(sales.locator('[data-metric="Orders"]').filter({ hasText: /^1$/ }))
    expect(await sales.locator('[data-metric="Revenue"]').textContent()).toBe("$40.00")
    expect(await sales.locator('[data-metric="Units"]').textContent()).toBe("2")
    await sales.screenshot({ path: path.join(ARTIFACTS, "post-sales.png") })

    await page.goto(`/app/orders/${state.orderId}`)
    const widget = await visible(page.getByTestId("order-attributed-to"), 30_000)
    expect(await widget.textContent()).toBe("Attributed to: Spring mug drop (link)")
    await page.getByTestId("order-social-attribution").screenshot({ path: path.join(ARTIFACTS, "order-attribution.png") })

    await page.goto("/app/social-posts")
    await visible(page.getByTestId("post-revenue").filter({ hasText: "$40.00" }))
    expect(admin.pageErrors).toEqual([])
  })
})
