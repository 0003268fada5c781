import { FetchError } from "@medusajs/js-sdk"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { SocialPlatform } from "../../lib/types"
import { socialPlatformsQueryKeys } from "./social-platforms"
import { socialPostsQueryKeys } from "./social-posts"
import type { ImportEstimate, ImportPostsResponse } from "../../../types/api"

export type { ImportEstimate }

export type ConnectProviderInfo = { provider: string; label: string; supported: boolean; configured: boolean; missing: string[] }
export type DiscoveredAccount = { key: string; provider: string; account_id: string; name: string; username: string | null; already_connected: boolean }
export type PendingConnection = { connection_id: string; provider: string; accounts: DiscoveredAccount[] }
export type ImportSummary = ImportPostsResponse

const connectKeys = { providers: ["social_connect", "providers"] as const, connection: (id: string) => ["social_connect", "connection", id] as const }

export const useConnectProviders = () =>
  useQuery({ queryKey: connectKeys.providers, queryFn: () => sdk.client.fetch<{ providers: ConnectProviderInfo[] }>("/admin/social-platforms/connect") })

/** Asks for the authorization URL and sends the browser to the platform's consent page. */
export const useStartConnection = () =>
  useMutation<{ authorization_url: string }, FetchError, string>({
    mutationFn: (provider) => sdk.client.fetch(`/admin/social-platforms/connect/${provider}`, { method: "POST", body: {} }),
    onSuccess: ({ authorization_url }) => window.location.assign(authorization_url),
  })

export const usePendingConnection = (id: string | null) =>
  useQuery({
    queryKey: connectKeys.connection(id ?? ""),
    queryFn: () => sdk.client.fetch<PendingConnection>(`/admin/social-platforms/connections/${id}`),
    enabled: !!id,
    retry: false,
  })

export const useConnectAccounts = (connectionId: string) => {
  const queryClient = useQueryClient()
  return useMutation<{ social_platforms: SocialPlatform[] }, FetchError, string[]>({
    mutationFn: (keys) => sdk.client.fetch(`/admin/social-platforms/connections/${connectionId}/accounts`, { method: "POST", body: { keys } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: socialPlatformsQueryKeys.all }),
  })
}

/** What one import call of `limit` posts reads and costs (X bills each post), for the merchant to confirm first. */
export const useImportEstimate = (platformId: string, limit: number | undefined, enabled: boolean) =>
  useQuery({
    queryKey: ["social_connect", "import_estimate", platformId, limit ?? null],
    queryFn: () => sdk.client.fetch<ImportEstimate>(`/admin/social-platforms/${platformId}/import-posts/estimate`, { query: limit ? { limit } : {} }),
    enabled,
  })

export type ImportRun = { limit?: number; cursor?: string | null; maxCalls?: number }
export type ImportProgress = ImportSummary & { pages: number }

/**
 * Runs the import page by page (next_cursor) until done, the budget stops it, or
 * `maxCalls` calls (X: one billed call of `limit` posts); `onProgress` sees the
 * running totals after each page.
 */
export const useImportPosts = (platformId: string, onProgress?: (s: ImportProgress) => void) => {
  const queryClient = useQueryClient()
  return useMutation<ImportProgress, FetchError, ImportRun | void>({
    mutationFn: async (opts) => {
      const total: ImportProgress = { message: "", imported: 0, updated: 0, skipped: 0, total: 0, next_cursor: null, pages: 0 }
      let cursor: string | null = opts?.cursor ?? null
      do {
        const page: ImportSummary = await sdk.client.fetch(`/admin/social-platforms/${platformId}/import-posts`, {
          method: "POST",
          body: { ...(opts?.limit ? { limit: opts.limit } : {}), ...(cursor ? { cursor } : {}) },
        })
        total.imported += page.imported
        total.updated += page.updated
        total.skipped += page.skipped
        total.total += page.total
        total.message = page.message
        total.pages++
        cursor = page.next_cursor
        onProgress?.({ ...total, next_cursor: cursor })
        // A budget stop keeps the cursor for later.
        if (/rate budget/.test(page.message)) break
      } while (cursor && total.pages < (opts?.maxCalls ?? Infinity))
      total.next_cursor = cursor
      return total
    },
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: socialPostsQueryKeys.all })
      // X reads were booked: this month's spend and the next estimate moved.
      queryClient.invalidateQueries({ queryKey: ["social-platforms"] })
      queryClient.invalidateQueries({ queryKey: ["social_connect", "import_estimate"] })
    },
  })
}
