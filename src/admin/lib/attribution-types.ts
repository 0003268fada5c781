/** Shapes of the attribution routes (docs/attribution.md), mirrored for the browser bundle. */

export type Money = { currency_code: string; total: number }

export type SocialPostSales = {
  orders: number
  canceled: number
  revenue: Money[]
  average_order_value: { currency_code: string; value: number }[]
  units: number
  clicks: number | null
  conversion_rate: number | null
  by_source: {
    link: { orders: number; revenue: Money[] }
    promotion: { orders: number; revenue: Money[] }
    /** Only with the opt-in "estimated" rule; never part of the figures above. */
    estimated?: { orders: number; revenue: Money[] }
  }
}

/** What GET /admin/social-posts adds to each post. */
export type PostSalesSummary = { orders: number; revenue: Money[] }

export type LinkedPromotion = {
  id: string
  code: string | null
  status: string
  type?: string
  application_method?: { type?: string; value?: number } | null
}

export type OrderSocialAttribution = {
  social_post: { id: string; name: string | null } | null
  source: "link" | "promotion" | "estimated"
  platform: string | null
  promotion_code: string | null
  currency_code: string
  net_total: number
  canceled_at: string | null
  clicked_at: string | null
}

export type ProductPostSales = { id: string; name: string | null; sales: PostSalesSummary }
