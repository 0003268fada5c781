/** Shapes of the attribution routes (docs/attribution.md), from the one shared declaration the routes use. */
export type { Money, OrderSocialAttribution, PostSalesSummary, ProductPostSales, SocialPostSales } from "../../types/api"

export type LinkedPromotion = {
  id: string
  code: string | null
  status: string
  type?: string
  application_method?: { type?: string; value?: number } | null
}
