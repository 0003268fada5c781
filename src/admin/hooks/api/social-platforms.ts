import { FetchError } from "@medusajs/js-sdk"
import { QueryKey, UseMutationOptions, UseQueryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import { queryKeysFactory } from "../../lib/query-key-factory"
import type {
  DeleteResponse,
  SocialPlatformListResponse as PlatformListResponse,
  SocialPlatformResponse as PlatformResponse,
  SocialPlatformListParams,
  SocialPlatformPayload,
} from "../../lib/types"
import { socialPostsQueryKeys } from "./social-posts"

export const socialPlatformsQueryKeys = queryKeysFactory<"social_platforms", SocialPlatformListParams>("social_platforms")

type QueryOptions<T> = Omit<UseQueryOptions<T, FetchError, T, QueryKey>, "queryKey" | "queryFn">

export const useSocialPlatforms = (query?: SocialPlatformListParams, options?: QueryOptions<PlatformListResponse>) => {
  const { data, ...rest } = useQuery({
    queryKey: socialPlatformsQueryKeys.list(query),
    queryFn: () => sdk.client.fetch<PlatformListResponse>("/admin/social-platforms", { query }),
    ...options,
  })
  return { ...data, ...rest }
}

export const useSocialPlatform = (id: string, options?: QueryOptions<PlatformResponse>) => {
  const { data, ...rest } = useQuery({
    queryKey: socialPlatformsQueryKeys.detail(id),
    queryFn: () => sdk.client.fetch<PlatformResponse>(`/admin/social-platforms/${id}`),
    ...options,
  })
  return { ...data, ...rest }
}

/** Posts embed their platform (name, status), so platform changes refresh them too. */
const useInvalidatePlatform = () => {
  const queryClient = useQueryClient()
  return (id?: string) => {
    void queryClient.invalidateQueries({ queryKey: socialPlatformsQueryKeys.lists() })
    if (id) void queryClient.invalidateQueries({ queryKey: socialPlatformsQueryKeys.detail(id) })
    void queryClient.invalidateQueries({ queryKey: socialPostsQueryKeys.all })
  }
}

export const useCreateSocialPlatform = (
  options?: UseMutationOptions<PlatformResponse, FetchError, SocialPlatformPayload>
) => {
  const invalidate = useInvalidatePlatform()
  return useMutation({
    mutationFn: (body) =>
      sdk.client.fetch<PlatformResponse>("/admin/social-platforms", { method: "POST", body }),
    ...options,
    onSuccess: (data, variables, context) => {
      invalidate(data.social_platform.id)
      return options?.onSuccess?.(data, variables, context)
    },
  })
}

export const useUpdateSocialPlatform = (
  id: string,
  options?: UseMutationOptions<PlatformResponse, FetchError, SocialPlatformPayload>
) => {
  const invalidate = useInvalidatePlatform()
  return useMutation({
    mutationFn: (body) =>
      sdk.client.fetch<PlatformResponse>(`/admin/social-platforms/${id}`, { method: "POST", body }),
    ...options,
    onSuccess: (data, variables, context) => {
      invalidate(id)
      return options?.onSuccess?.(data, variables, context)
    },
  })
}

export const useDeleteSocialPlatform = (id: string, options?: UseMutationOptions<DeleteResponse, FetchError, void>) => {
  const queryClient = useQueryClient()
  const invalidate = useInvalidatePlatform()
  return useMutation({
    mutationFn: () => sdk.client.fetch<DeleteResponse>(`/admin/social-platforms/${id}`, { method: "DELETE" }),
    ...options,
    onSuccess: (data, variables, context) => {
      queryClient.removeQueries({ queryKey: socialPlatformsQueryKeys.detail(id) })
      invalidate()
      return options?.onSuccess?.(data, variables, context)
    },
  })
}
