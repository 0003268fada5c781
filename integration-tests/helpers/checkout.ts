import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createLocationFulfillmentSetWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/medusa/core-flows"
import type { AxiosInstance } from "axios"
import { TestEventUtils } from "@medusajs/test-utils"

export type Shop = {
  store: { headers: Record<string, string> }
  regions: { usd: string; eur: string }
  shippingOptions: { usd: string; eur: string }
  /** A product priced 20 usd / 15 eur, and one priced 8 usd / 6 eur. */
  variants: { mug: string; beans: string }
  products: { mug: string; beans: string }
}

/**
 * A shop a real checkout can go through: two regions (usd, eur) with the system
 * payment provider, a sales channel behind a publishable key, a stock location
 * with a shipping option per region, and two published products with prices.
 */
export async function createShop(container: MedusaContainer): Promise<Shop> {
  const { result: regions } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        { name: "US", currency_code: "usd", countries: ["us"], payment_providers: ["pp_system_default"] },
        { name: "EU", currency_code: "eur", countries: ["de"], payment_providers: ["pp_system_default"] },
      ],
    },
  })
  const { result: [channel] } = await createSalesChannelsWorkflow(container).run({ input: { salesChannelsData: [{ name: "Web" }] } })
  const { result: [key] } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Web", type: "publishable", created_by: "" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [channel.id] } })

  const { result: [profile] } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Parcels", type: "default" }] },
  })
  const { result: [location] } = await createStockLocationsWorkflow(container).run({ input: { locations: [{ name: "Roastery" }] } })
  await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: location.id, add: [channel.id] } })
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
  })
  await createLocationFulfillmentSetWorkflow(container).run({
    input: { location_id: location.id, fulfillment_set_data: { name: "Roastery shipping", type: "shipping" } },
  })
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const [set] = await fulfillment.listFulfillmentSets({ name: "Roastery shipping" })
  const zone = await fulfillment.createServiceZones({
    fulfillment_set_id: set.id,
    name: "US and DE",
    geo_zones: [
      { type: "country", country_code: "us" },
      { type: "country", country_code: "de" },
    ],
  })
  const option = (currency: "usd" | "eur", regionId: string) => ({
    name: `Standard ${currency}`,
    price_type: "flat" as const,
    service_zone_id: zone.id,
    shipping_profile_id: profile.id,
    provider_id: "manual_manual",
    type: { label: "Standard", description: "Standard", code: `standard-${currency}` },
    prices: [{ region_id: regionId, amount: 5 }],
    rules: [],
  })
  const [usd, eur] = regions
  const { result: options } = await createShippingOptionsWorkflow(container).run({
    input: [option("usd", usd.id), option("eur", eur.id)],
  })

  const product = (title: string, prices: { usd: number; eur: number }) => ({
    title,
    status: "published" as const,
    shipping_profile_id: profile.id,
    options: [{ title: "Size", values: ["One"] }],
    variants: [
      {
        title: "One",
        options: { Size: "One" },
        manage_inventory: false,
        prices: [
          { amount: prices.usd, currency_code: "usd" },
          { amount: prices.eur, currency_code: "eur" },
        ],
      },
    ],
    sales_channels: [{ id: channel.id }],
  })
  const { result: products } = await createProductsWorkflow(container).run({
    input: { products: [product("Mug", { usd: 20, eur: 15 }), product("Beans", { usd: 8, eur: 6 })] },
  })
  return {
    store: { headers: { "x-publishable-api-key": key.token } },
    regions: { usd: usd.id, eur: eur.id },
    shippingOptions: { usd: options[0].id, eur: options[1].id },
    variants: { mug: products[0].variants[0].id, beans: products[1].variants[0].id },
    products: { mug: products[0].id, beans: products[1].id },
  }
}

export type CheckoutInput = {
  currency?: "usd" | "eur"
  items?: { variant: "mug" | "beans"; quantity: number }[]
  metadata?: Record<string, unknown>
  /** Metadata written by a later cart update (a second click, as the storefront helper does). */
  laterMetadata?: Record<string, unknown>
  promo_codes?: string[]
  /** Runs after the cart exists, before shipping and payment (e.g. the storefront helper). */
  onCart?: (cartId: string) => Promise<void>
}

/**
 * The storefront's path through the store API: cart with metadata, shipping
 * address and method, payment collection and a session with the system provider,
 * complete. Waits for the order.placed subscribers before returning the order id.
 */
export async function checkout(api: AxiosInstance, container: MedusaContainer, shop: Shop, input: CheckoutInput = {}): Promise<string> {
  const currency = input.currency ?? "usd"
  const country = currency === "usd" ? "us" : "de"
  const items = (input.items ?? [{ variant: "mug", quantity: 2 }]).map((i) => ({ variant_id: shop.variants[i.variant], quantity: i.quantity }))
  const { data: { cart } } = await api.post(
    "/store/carts",
    {
      region_id: shop.regions[currency],
      email: "shopper@example.com",
      items,
      shipping_address: { first_name: "Sam", last_name: "Shopper", address_1: "1 Main St", city: "Town", country_code: country, postal_code: "10001" },
      ...(input.metadata ? { metadata: input.metadata } : {}),
      ...(input.promo_codes ? { promo_codes: input.promo_codes } : {}),
    },
    shop.store
  )
  if (input.laterMetadata) {
    await api.post(`/store/carts/${cart.id}`, { metadata: input.laterMetadata }, shop.store)
  }
  await input.onCart?.(cart.id)
  await api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: shop.shippingOptions[currency] }, shop.store)
  const { data: { payment_collection } } = await api.post("/store/payment-collections", { cart_id: cart.id }, shop.store)
  await api.post(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, shop.store)

  const placed = TestEventUtils.waitSubscribersExecution("order.placed", container.resolve(Modules.EVENT_BUS))
  const { data } = await api.post(`/store/carts/${cart.id}/complete`, {}, shop.store)
  if (data.type !== "order") {
    throw new Error(`checkout failed: ${JSON.stringify(data.error ?? data)}`)
  }
  await placed
  return data.order.id as string
}

/** What the storefront helper writes into cart metadata for a click `ageMs` ago. */
export function trackedClick(postId: string, ageMs: number, source = "instagram"): Record<string, string> {
  return {
    utm_source: source,
    utm_medium: "social",
    utm_campaign: "spring",
    utm_content: postId,
    utm_clicked_at: new Date(Date.now() - ageMs).toISOString(),
  }
}
