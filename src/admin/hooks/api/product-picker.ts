import { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import { queryKeysFactory } from "../../lib/query-key-factory"
import type { LinkedProduct } from "../../lib/types"

/** Its own key: the dashboard's product cache keeps its own shapes. */
export const productPickerQueryKeys = queryKeysFactory<"social_posts_product_picker", { q?: string; limit: number }>(
  "social_posts_product_picker"
)

type ProductList = { products: LinkedProduct[]; count: number }

/** Products matching a search, for linking a post to what it promotes. */
export const useProductPicker = (q: string, limit = 10, enabled = true) => {
  const query = { ...(q ? { q } : {}), limit }
  const { data, ...rest } = useQuery<ProductList, FetchError>({
    queryKey: productPickerQueryKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<ProductList>("/admin/products", {
        query: { ...query, fields: "id,title,handle,thumbnail,status" },
      }),
    placeholderData: keepPreviousData,
    enabled,
  })
  return { ...data, ...rest }
}
