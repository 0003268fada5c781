import { toast } from "@medusajs/ui"
import { useState } from "react"
import { CONNECT_PROVIDER_OF, forgetReconnect, rememberReconnect } from "../components/social-connect/reconnect-hint"
import type { SocialPlatform } from "../lib/types"
import { useConnectProviders, useStartConnection } from "./api/social-connect"

/**
 * "Reconnect": the platform's own login again (POST /admin/social-platforms/connect/:provider,
 * then its consent page), and the picker preselects this account so it gets the new
 * token and keeps its posts. A provider whose app is not configured, or an account
 * without an id, falls back to pasting a token (`pasteToken`).
 */
export const useReconnect = (pasteToken: (platform: SocialPlatform) => void) => {
  const providers = useConnectProviders()
  const start = useStartConnection()
  const [pendingId, setPendingId] = useState<string | null>(null)
  const viaLogin = (platform: SocialPlatform) => {
    const provider = CONNECT_PROVIDER_OF[platform.provider]
    return !!platform.account_id && !!providers.data?.providers.find((p) => p.provider === provider)?.configured
  }
  const reconnect = (platform: SocialPlatform) => {
    if (!viaLogin(platform)) return pasteToken(platform)
    rememberReconnect(platform)
    setPendingId(platform.id)
    start.mutate(CONNECT_PROVIDER_OF[platform.provider], {
      onError: (e) => {
        forgetReconnect()
        setPendingId(null)
        toast.error(e.message)
      },
    })
  }
  /** The platform whose Reconnect is on its way to the consent page. */
  const reconnectingId = start.isPending || start.isSuccess ? pendingId : null
  return { reconnect, viaLogin, ready: !providers.isPending, reconnectingId }
}
