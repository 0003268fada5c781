import { FetchError } from "@medusajs/js-sdk"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { SocialPlatform } from "../../lib/types"
import { socialPlatformsQueryKeys } from "./social-platforms"
import { socialPostsQueryKeys } from "./social-posts"

export type ConnectProviderInfo = { provider: string; label: string; supported: boolean; configured: boolean; missing: string[] }
export type DiscoveredAccount = { key: string; provider: string; account_id: string; name: string; username: string | null; already_connected: boolean }
export type PendingConnection = { connection_id: string; provider: string; accounts: DiscoveredAccount[] }
export type ImportSummary = { message: string; imported: number; updated: number; skipped: number; total: number; next_cursor: string | null }

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

/** Runs the import to the end (or the budget), page by page; `onProgress` sees each page's summary. */
export const useImportPosts = (platformId: string, onProgress?: (s: ImportSummary) => void) => {
  const queryClient = useQueryClient()
  return useMutation<ImportSummary, FetchError, { limit?: number } | void>({
    mutationFn: async (opts) => {
      const total: ImportSummary = { message: "", imported: 0, updated: 0, skipped: 0, total: 0, next_cursor: null }
      let cursor: string | null = null
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
        cursor = page.next_cursor
        onProgress?.({ ...total, next_cursor: cursor })
        // One page when a limit was asked for; a budget stop keeps the cursor for later.
        if (opts?.limit || /rate budget/.test(page.message)) break
      } while (cursor)
      total.next_cursor = cursor
      return total
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: socialPostsQueryKeys.all }),
  })
}
