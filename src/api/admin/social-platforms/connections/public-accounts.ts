import type { MedusaContainer } from "@medusajs/framework/types"
import type { PendingAccount, PublicDiscoveredAccount } from "../../../../modules/social-connect/types"
import type { SocialPlatform } from "../../../../modules/socials/platforms/catalog"
import { resolveSocials } from "../../../../workflows/steps/resolve-socials"

/** Discovered accounts as the picker shows them: never a token, and whether each is connected already. */
export async function publicAccounts(scope: MedusaContainer, accounts: PendingAccount[]): Promise<PublicDiscoveredAccount[]> {
  const socials = resolveSocials(scope)
  const existing = accounts.length
    ? await socials.listSocialPlatforms({ account_id: accounts.map((a) => a.account_id), provider: [...new Set(accounts.map((a) => a.provider as SocialPlatform))] }, { take: 1000 })
    : []
  const connected = new Set(existing.map((p) => `${p.provider}:${p.account_id}`))
  return accounts.map(({ key, provider, account_id, name, username }) => ({ key, provider, account_id, name, username, already_connected: connected.has(key) }))
}
