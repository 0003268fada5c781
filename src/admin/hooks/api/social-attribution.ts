import { FetchError } from "@medusajs/js-sdk"
import { QueryKey, UseMutationOptions, UseQueryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import { queryKeysFactory } from "../../lib/query-key-factory"
import type { LinkedPromotion } from "../../lib/attribution-types"
import type {
  OrderSocialAttributionResponse as OrderAttributionResponse,
  ProductSocialSalesResponse as ProductSalesResponse,
  SocialPostSalesResponse as SalesResponse,
} from "../../../types/api"
import { socialPostsQueryKeys } from "./social-posts"

/** Keyed by post id (+ range): the post's Sales block. */
export const socialPostSalesQueryKeys = queryKeysFactory<"social_post_sales">("social_post_sales")
/** Keyed by post id: its linked promotion codes. */
export const socialPostPromotionsQueryKeys = queryKeysFactory<"social_post_promotions">("social_post_promotions")
/** Keyed by order id: the order page widget. */
export const orderSocialAttributionQueryKeys = queryKeysFactory<"order_social_attribution">("order_social_attribution")
/** Keyed by product id: revenue by post on the product page. */
export const productSocialSalesQueryKeys = queryKeysFactory<"product_social_sales">("product_social_sales")
export const promotionPickerQueryKeys = queryKeysFactory<"social_posts_promotion_picker", { q?: string }>("social_posts_promotion_picker")

type QueryOptions<T> = Omit<UseQueryOptions<T, FetchError, T, QueryKey>, "queryKey" | "queryFn">

export const useSocialPostSales = (postId: string, range: { from?: string; to?: string } = {}, options?: QueryOptions<SalesResponse>) => {
  const query = { ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}) }
  const { data, ...rest } = useQuery({
    queryKey: socialPostSalesQueryKeys.detail(postId, query),
    queryFn: () => sdk.client.fetch<SalesResponse>(`/admin/social-posts/${postId}/sales`, { query }),
    ...options,
  })
  return { ...data, ...rest }
}

type PromotionsResponse = { promotions: LinkedPromotion[] }
export const useSocialPostPromotions = (postId: string, options?: QueryOptions<PromotionsResponse>) => {
  const { data, ...rest } = useQuery({
    queryKey: socialPostPromotionsQueryKeys.detail(postId),
    queryFn: () => sdk.client.fetch<PromotionsResponse>(`/admin/social-posts/${postId}/promotions`),
    ...options,
  })
  return { ...data, ...rest }
}

export type UpdatePostPromotionsInput = { add?: string[]; remove?: string[] }
export const useUpdateSocialPostPromotions = (
  postId: string,
  options?: UseMutationOptions<PromotionsResponse, FetchError, UpdatePostPromotionsInput>
) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body) => sdk.client.fetch<PromotionsResponse>(`/admin/social-posts/${postId}/promotions`, { method: "POST", body }),
    ...options,
    onSuccess: (data, variables, context) => {
      void queryClient.invalidateQueries({ queryKey: socialPostPromotionsQueryKeys.detail(postId) })
      void queryClient.invalidateQueries({ queryKey: promotionPickerQueryKeys.all })
      return options?.onSuccess?.(data, variables, context)
    },
  })
}

/** Existing promotions matching a code, for the picker. */
export const usePromotionPicker = (q: string, enabled: boolean) => {
  const query = { ...(q ? { q } : {}), limit: 20, fields: "id,code,status" }
  const { data, ...rest } = useQuery<{ promotions: LinkedPromotion[] }, FetchError>({
    queryKey: promotionPickerQueryKeys.list({ q }),
    queryFn: () => sdk.client.fetch("/admin/promotions", { query }),
    enabled,
  })
  return { ...data, ...rest }
}

export type CreatePostCodeInput = { code: string; percentage: number }
/** A new percentage-off code through Medusa's own promotions API, then linked to the post. */
export const useCreatePostPromotion = (postId: string, options?: UseMutationOptions<PromotionsResponse, FetchError, CreatePostCodeInput>) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ code, percentage }) => {
      const { promotion } = await sdk.client.fetch<{ promotion: { id: string } }>("/admin/promotions", {
        method: "POST",
        body: {
          code,
          type: "standard",
          status: "active",
          application_method: { type: "percentage", target_type: "items", allocation: "across", value: percentage },
        },
      })
      return sdk.client.fetch<PromotionsResponse>(`/admin/social-posts/${postId}/promotions`, { method: "POST", body: { add: [promotion.id] } })
    },
    ...options,
    onSuccess: (data, variables, context) => {
      void queryClient.invalidateQueries({ queryKey: socialPostPromotionsQueryKeys.detail(postId) })
      void queryClient.invalidateQueries({ queryKey: promotionPickerQueryKeys.all })
      return options?.onSuccess?.(data, variables, context)
    },
  })
}

export const useOrderSocialAttribution = (orderId: string, options?: QueryOptions<OrderAttributionResponse>) => {
  const { data, ...rest } = useQuery({
    queryKey: orderSocialAttributionQueryKeys.detail(orderId),
    queryFn: () => sdk.client.fetch<OrderAttributionResponse>(`/admin/orders/${orderId}/social-attribution`),
    ...options,
  })
  return { ...data, ...rest }
}

export const useProductSocialSales = (productId: string, options?: QueryOptions<ProductSalesResponse>) => {
  const { data, ...rest } = useQuery({
    queryKey: productSocialSalesQueryKeys.detail(productId),
    queryFn: () => sdk.client.fetch<ProductSalesResponse>(`/admin/products/${productId}/social-sales`),
    ...options,
  })
  return { ...data, ...rest }
}

/** The default currency of the store: the posts list ranks revenue in it. */
export const useStoreDefaultCurrency = () => {
  const { data, ...rest } = useQuery<{ stores: { supported_currencies?: { currency_code: string; is_default?: boolean }[] }[] }, FetchError>({
    queryKey: [...socialPostsQueryKeys.all, "store_currency"],
    queryFn: () => sdk.client.fetch("/admin/stores", { query: { fields: "id,supported_currencies.*" } }),
    staleTime: 5 * 60_000,
  })
  const currencies = data?.stores?.[0]?.supported_currencies ?? []
  return { currency: (currencies.find((c) => c.is_default) ?? currencies[0])?.currency_code, ...rest }
}
