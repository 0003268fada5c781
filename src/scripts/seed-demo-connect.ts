import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { ConnectProvider, PendingAccount } from "../modules/social-connect/types"
import type { ImportSummary } from "../modules/socials/services/import-posts"
import { completeSocialConnectionWorkflow } from "../workflows/social-connect/complete-social-connection"
import { connectSocialAccountsWorkflow } from "../workflows/social-connect/connect-social-accounts"
import { importSocialPostsWorkflow } from "../workflows/social-connect/import-social-posts"
import { startSocialConnectionWorkflow } from "../workflows/social-connect/start-social-connection"

/**
 * The demo connects its accounts the way a merchant does, server-side: the same
 * workflows as POST /admin/social-platforms/connect/:provider, its callback and
 * the picker's POST .../connections/:id/accounts, with this file standing in for
 * the browser that clicks "Allow" on the sandbox's consent page.
 */

const decodeEntities = (s: string) => s.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&amp;/g, "&")

/**
 * What a browser does on the consent page: open it, follow its Allow link, and
 * read where the platform redirects (`redirect_uri?code=…&state=…`). Only the
 * sandbox's page has an Allow link a script can follow; a real platform's login
 * needs a person, so anything else is refused.
 */
export async function allowOnConsentPage(authorizationUrl: string): Promise<Record<string, string>> {
  const page = await fetch(authorizationUrl)
  const html = await page.text()
  const href = /<a[^>]*\bid="allow"[^>]*\bhref="([^"]+)"/.exec(html)?.[1]
  if (!page.ok || !href) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `The demo connects accounts on the platform sandbox's consent page, but ${new URL(authorizationUrl).origin} answered ${page.status} without an Allow link: point the OAuth URLs at the sandbox (scripts/demo.js does).`
    )
  }
  const decided = await fetch(new URL(decodeEntities(href), authorizationUrl), { redirect: "manual" })
  const location = decided.headers.get("location")
  if (!location) throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `The consent page's Allow answered ${decided.status} without a redirect.`)
  // The fragment (#_=_ from Meta, #_ from Threads) never reaches the server.
  return Object.fromEntries(new URL(location).searchParams)
}

/**
 * Connect → consent → callback → picker for one provider: the accounts `pick`
 * chooses among those the consent gave access to are created (or reconnected)
 * with the tokens the sandbox's token endpoint issued.
 */
export async function connectAccounts(
  container: MedusaContainer,
  provider: ConnectProvider,
  userId: string,
  pick: (accounts: PendingAccount[]) => PendingAccount[]
): Promise<{ id: string; provider: string; account_id: string }[]> {
  const { result: started } = await startSocialConnectionWorkflow(container).run({ input: { provider, user_id: userId } })
  const query = await allowOnConsentPage(started.authorization_url)
  const { result: connection } = await completeSocialConnectionWorkflow(container).run({ input: { provider, user_id: userId, query } })
  const keys = pick(connection.accounts).map((a) => a.key)
  if (!keys.length) {
    const found = connection.accounts.map((a) => a.key).join(", ") || "none"
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `The ${provider} consent gave access to none of the demo's accounts (found: ${found}).`)
  }
  const { result } = await connectSocialAccountsWorkflow(container).run({ input: { connection_id: connection.connection_id, user_id: userId, keys } })
  return result as unknown as { id: string; provider: string; account_id: string }[]
}

/**
 * "Import posts" as the admin's button runs it: page by page (next_cursor) to the
 * end, or `maxCalls` calls (X bills each post read: one call of the latest 100).
 */
export async function importAllPosts(container: MedusaContainer, platformId: string, maxCalls = Infinity): Promise<Omit<ImportSummary, "next_cursor" | "message">> {
  const total = { imported: 0, updated: 0, skipped: 0, total: 0 }
  let cursor: string | null = null
  let calls = 0
  do {
    const { result }: { result: ImportSummary } = await importSocialPostsWorkflow(container).run({ input: { platform_id: platformId, cursor } })
    total.imported += result.imported
    total.updated += result.updated
    total.skipped += result.skipped
    total.total += result.total
    cursor = result.next_cursor
  } while (cursor && ++calls < maxCalls)
  return total
}
