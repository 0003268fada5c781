import { FetchError } from "@medusajs/js-sdk"
import { QueryKey, UseQueryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import { queryKeysFactory } from "../../lib/query-key-factory"
import type { AccountSnapshotsResponse, BestTimeResponse, OverviewSettingsResponse, SocialOverviewResponse } from "../../lib/report-types"

export const socialOverviewQueryKeys = queryKeysFactory<"social_overview">("social_overview")
export const bestTimeQueryKeys = queryKeysFactory<"social_best_time">("social_best_time")
export const accountSnapshotsQueryKeys = queryKeysFactory<"social_account_snapshots">("social_account_snapshots")
export const overviewSettingsQueryKeys = queryKeysFactory<"social_overview_settings">("social_overview_settings")

type Options<T> = Omit<UseQueryOptions<T, FetchError, T, QueryKey>, "queryKey" | "queryFn">
export type PeriodQuery = { from: string; to: string; platform?: string }

export const useSocialOverview = (query: PeriodQuery, options?: Options<SocialOverviewResponse>) =>
  useQuery({
    queryKey: socialOverviewQueryKeys.list(query),
    queryFn: () => sdk.client.fetch<SocialOverviewResponse>("/admin/social-overview", { query }),
    ...options,
  })

export const useBestTime = (query: PeriodQuery & { tz: string }, options?: Options<BestTimeResponse>) =>
  useQuery({
    queryKey: bestTimeQueryKeys.list(query),
    queryFn: () => sdk.client.fetch<BestTimeResponse>("/admin/social-overview/best-time", { query }),
    ...options,
  })

export const useAccountSnapshots = (platformId: string, query?: { days?: number }, options?: Options<AccountSnapshotsResponse>) =>
  useQuery({
    queryKey: accountSnapshotsQueryKeys.detail(platformId, query),
    queryFn: () => sdk.client.fetch<AccountSnapshotsResponse>(`/admin/social-platforms/${platformId}/account-snapshots`, { query }),
    ...options,
  })

/** The reports' settings (the store's best-time zone; null when the merchant never chose one). */
export const useOverviewSettings = (options?: Options<OverviewSettingsResponse>) =>
  useQuery({
    queryKey: overviewSettingsQueryKeys.details(),
    queryFn: () => sdk.client.fetch<OverviewSettingsResponse>("/admin/social-overview/settings"),
    ...options,
  })

/** Saves the zone (null forgets it) and redraws the heatmap in it. */
export const useUpdateOverviewSettings = () => {
  const queryClient = useQueryClient()
  return useMutation<OverviewSettingsResponse, FetchError, { timezone: string | null }>({
    mutationFn: (body) => sdk.client.fetch<OverviewSettingsResponse>("/admin/social-overview/settings", { method: "POST", body }),
    onSuccess: (data) => {
      queryClient.setQueryData(overviewSettingsQueryKeys.details(), data)
      void queryClient.invalidateQueries({ queryKey: bestTimeQueryKeys.all })
    },
  })
}
