import type { SocialPlatform } from "../../lib/types"

/** The consent that renews each stored provider's token (one Meta login covers a Page and its Instagram account). */
export const CONNECT_PROVIDER_OF: Record<string, string> = { facebook: "meta", instagram: "meta", twitter: "x", linkedin: "linkedin", threads: "threads" }

/** Which account a Reconnect click was for, kept across the trip to the platform and back (this tab only). */
export type ReconnectHint = { key: string; provider: string; name: string }

const STORAGE_KEY = "social-connect:reconnect"

export function rememberReconnect(platform: Pick<SocialPlatform, "provider" | "account_id" | "name">): void {
  const hint: ReconnectHint = { key: `${platform.provider}:${platform.account_id}`, provider: CONNECT_PROVIDER_OF[platform.provider], name: platform.name }
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(hint))
}

/** The hint for this connect provider, if the last Reconnect was for it. */
export function readReconnect(provider: string | undefined): ReconnectHint | null {
  try {
    const hint = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? "null") as ReconnectHint | null
    return hint && (!provider || hint.provider === provider) ? hint : null
  } catch {
    return null
  }
}

export const forgetReconnect = () => sessionStorage.removeItem(STORAGE_KEY)
