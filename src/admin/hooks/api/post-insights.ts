import { FetchError } from "@medusajs/js-sdk"
import { QueryKey, UseMutationOptions, UseQueryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import { queryKeysFactory } from "../../lib/query-key-factory"
import type {
  InsightsSnapshotsResponse as SnapshotsResponse,
  SyncAllInsightsInput,
  SyncAllInsightsResponse,
  SyncPostInsightsResponse,
} from "../../lib/types"
import { productSocialPostsQueryKeys, socialPostsQueryKeys, useInvalidateSocialPost } from "./social-posts"

export * from "./social-posts"
export * from "./social-platforms"

/** Keyed by post id: the post's metrics over time. */
export const insightsSnapshotsQueryKeys = queryKeysFactory<"social_post_insights_snapshots">(
  "social_post_insights_snapshots"
)

export const useInsightsSnapshots = (
  postId: string,
  query?: { limit?: number },
  options?: Omit<UseQueryOptions<SnapshotsResponse, FetchError, SnapshotsResponse, QueryKey>, "queryKey" | "queryFn">
) => {
  const { data, ...rest } = useQuery({
    queryKey: insightsSnapshotsQueryKeys.detail(postId, query),
    queryFn: () =>
      sdk.client.fetch<SnapshotsResponse>(`/admin/social-posts/${postId}/insights-snapshots`, { query }),
    ...options,
  })
  return { ...data, ...rest }
}

/** A post id, or the id with `force` to sync even when the stored numbers are fresh. */
export type SyncPostInsightsVariables = string | { id: string; force?: boolean }

const postIdOf = (variables: SyncPostInsightsVariables) => (typeof variables === "string" ? variables : variables.id)

/**
 * Syncs one post's insights now: `syncInsights(postId)` or
 * `syncInsights({ id, force: true })`. Whatever the outcome, the post, the lists
 * and its chart are refetched (a failed sync records its errors on the post).
 */
export const useSyncPostInsights = (
  options?: UseMutationOptions<SyncPostInsightsResponse, FetchError, SyncPostInsightsVariables>
) => {
  const queryClient = useQueryClient()
  const invalidatePost = useInvalidateSocialPost()
  const refresh = (variables: SyncPostInsightsVariables) => {
    const id = postIdOf(variables)
    invalidatePost(id)
    void queryClient.invalidateQueries({ queryKey: insightsSnapshotsQueryKeys.detail(id) })
  }
  return useMutation({
    mutationFn: (variables) => {
      const force = typeof variables === "string" ? undefined : variables.force
      return sdk.client.fetch<SyncPostInsightsResponse>(`/admin/social-posts/${postIdOf(variables)}/sync-insights`, {
        method: "POST",
        query: force ? { force: true } : undefined,
      })
    },
    ...options,
    onSuccess: (data, variables, context) => {
      refresh(variables)
      return options?.onSuccess?.(data, variables, context)
    },
    onError: (error, variables, context) => {
      refresh(variables)
      return options?.onError?.(error, variables, context)
    },
  })
}

/**
 * Bulk sync: `syncAll()` for every platform, or `syncAll({ platform_id, limit, force })`.
 * Any post may have changed, so every post query is refetched.
 */
export const useSyncAllPostInsights = (
  options?: UseMutationOptions<SyncAllInsightsResponse, FetchError, SyncAllInsightsInput | void>
) => {
  const queryClient = useQueryClient()
  const refreshAll = () => {
    void queryClient.invalidateQueries({ queryKey: socialPostsQueryKeys.all })
    void queryClient.invalidateQueries({ queryKey: insightsSnapshotsQueryKeys.all })
    void queryClient.invalidateQueries({ queryKey: productSocialPostsQueryKeys.all })
  }
  return useMutation({
    mutationFn: (input) =>
      sdk.client.fetch<SyncAllInsightsResponse>("/admin/social-posts/sync-all-insights", {
        method: "POST",
        body: input ?? {},
      }),
    ...options,
    onSuccess: (data, variables, context) => {
      refreshAll()
      return options?.onSuccess?.(data, variables, context)
    },
  })
}
