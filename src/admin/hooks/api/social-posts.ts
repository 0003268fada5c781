import { FetchError } from "@medusajs/js-sdk"
import { QueryKey, UseMutationOptions, UseQueryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import { queryKeysFactory } from "../../lib/query-key-factory"
import type {
  DeleteResponse,
  LinkedProduct,
  SocialPost,
  SocialPostListResponse as PostListResponse,
  SocialPostResponse as PostResponse,
  SocialPostListParams,
  SocialPostPayload,
} from "../../lib/types"

export const socialPostsQueryKeys = queryKeysFactory<"social_posts", SocialPostListParams>("social_posts")
/** Keyed by post id: the post's products. */
export const socialPostProductsQueryKeys = queryKeysFactory<"social_post_products">("social_post_products")
/** Keyed by product id: the product's posts (the product page widget). */
export const productSocialPostsQueryKeys = queryKeysFactory<"product_social_posts">("product_social_posts")

type QueryOptions<T> = Omit<UseQueryOptions<T, FetchError, T, QueryKey>, "queryKey" | "queryFn">

export const useSocialPosts = (query?: SocialPostListParams, options?: QueryOptions<PostListResponse>) => {
  const { data, ...rest } = useQuery({
    queryKey: socialPostsQueryKeys.list(query),
    queryFn: () => sdk.client.fetch<PostListResponse>("/admin/social-posts", { query }),
    ...options,
  })
  return { ...data, ...rest }
}

export const useSocialPost = (id: string, options?: QueryOptions<PostResponse>) => {
  const { data, ...rest } = useQuery({
    queryKey: socialPostsQueryKeys.detail(id),
    queryFn: () => sdk.client.fetch<PostResponse>(`/admin/social-posts/${id}`),
    ...options,
  })
  return { ...data, ...rest }
}

/** Everything that shows a post: its detail, every list and the product widgets. */
export const useInvalidateSocialPost = () => {
  const queryClient = useQueryClient()
  return (id?: string) => {
    void queryClient.invalidateQueries({ queryKey: socialPostsQueryKeys.lists() })
    if (id) void queryClient.invalidateQueries({ queryKey: socialPostsQueryKeys.detail(id) })
    void queryClient.invalidateQueries({ queryKey: productSocialPostsQueryKeys.all })
  }
}

export const useCreateSocialPost = (options?: UseMutationOptions<PostResponse, FetchError, SocialPostPayload>) => {
  const invalidate = useInvalidateSocialPost()
  return useMutation({
    mutationFn: (body) => sdk.client.fetch<PostResponse>("/admin/social-posts", { method: "POST", body }),
    ...options,
    onSuccess: (data, variables, context) => {
      invalidate(data.social_post.id)
      return options?.onSuccess?.(data, variables, context)
    },
  })
}

export const useUpdateSocialPost = (
  id: string,
  options?: UseMutationOptions<PostResponse, FetchError, SocialPostPayload>
) => {
  const invalidate = useInvalidateSocialPost()
  return useMutation({
    mutationFn: (body) => sdk.client.fetch<PostResponse>(`/admin/social-posts/${id}`, { method: "POST", body }),
    ...options,
    onSuccess: (data, variables, context) => {
      invalidate(id)
      return options?.onSuccess?.(data, variables, context)
    },
  })
}

export const useDeleteSocialPost = (id: string, options?: UseMutationOptions<DeleteResponse, FetchError, void>) => {
  const queryClient = useQueryClient()
  const invalidate = useInvalidateSocialPost()
  return useMutation({
    mutationFn: () => sdk.client.fetch<DeleteResponse>(`/admin/social-posts/${id}`, { method: "DELETE" }),
    ...options,
    onSuccess: (data, variables, context) => {
      queryClient.removeQueries({ queryKey: socialPostsQueryKeys.detail(id) })
      invalidate()
      return options?.onSuccess?.(data, variables, context)
    },
  })
}

// ---- Products a post promotes (module link social_post <-> product) ----

type PostProductsResponse = { products: LinkedProduct[] }
type ProductPostsResponse = { social_posts: SocialPost[] }
export type UpdatePostProductsInput = { add?: string[]; remove?: string[] }

export const useSocialPostProducts = (postId: string, options?: QueryOptions<PostProductsResponse>) => {
  const { data, ...rest } = useQuery({
    queryKey: socialPostProductsQueryKeys.detail(postId),
    queryFn: () => sdk.client.fetch<PostProductsResponse>(`/admin/social-posts/${postId}/products`),
    ...options,
  })
  return { ...data, ...rest }
}

export const useUpdateSocialPostProducts = (
  postId: string,
  options?: UseMutationOptions<PostProductsResponse, FetchError, UpdatePostProductsInput>
) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body) =>
      sdk.client.fetch<PostProductsResponse>(`/admin/social-posts/${postId}/products`, { method: "POST", body }),
    ...options,
    onSuccess: (data, variables, context) => {
      void queryClient.invalidateQueries({ queryKey: socialPostProductsQueryKeys.detail(postId) })
      void queryClient.invalidateQueries({ queryKey: productSocialPostsQueryKeys.all })
      return options?.onSuccess?.(data, variables, context)
    },
  })
}

export const useProductSocialPosts = (productId: string, options?: QueryOptions<ProductPostsResponse>) => {
  const { data, ...rest } = useQuery({
    queryKey: productSocialPostsQueryKeys.detail(productId),
    queryFn: () => sdk.client.fetch<ProductPostsResponse>(`/admin/products/${productId}/social-posts`),
    ...options,
  })
  return { ...data, ...rest }
}
