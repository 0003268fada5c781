import { z } from "@medusajs/framework/zod"
import type { ConnectFlow, DiscoveredAccount, ExchangeInput } from "../connect/types"

/** Read-only scopes for posts, insights and comments of Pages and their Instagram accounts (docs/connecting-accounts.md). */
export const META_SCOPES = [
  "pages_show_list",
  "pages_read_engagement",
  "pages_read_user_content",
  "read_insights",
  "business_management",
  "instagram_basic",
  "instagram_manage_insights",
  "instagram_manage_comments",
] as const

const tokenSchema = z.looseObject({ access_token: z.string().min(1), expires_in: z.coerce.number().optional() })
const pageSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().default(""),
  username: z.string().optional(),
  access_token: z.string().min(1),
  instagram_business_account: z.looseObject({ id: z.string().min(1), username: z.string().optional(), name: z.string().optional() }).optional(),
})
const accountsPageSchema = z.looseObject({ data: z.array(pageSchema), paging: z.looseObject({ next: z.string().optional() }).optional() })

/** Pages a merchant manages: a hundred per call (Postiz and Mixpost send limit=100); a bound stops a looping `next`. */
const MAX_ACCOUNT_PAGES = 20

/**
 * Facebook Login: code → user token → long-lived (60 d) user token → the Pages'
 * tokens from /me/accounts, which never expire when derived from a long-lived
 * one. Each Page token also reads the Page's linked Instagram professional account.
 */
export const metaConnectFlow: ConnectFlow = {
  provider: "meta",
  label: "Instagram & Facebook",
  scopes: META_SCOPES,
  pkce: false,
  authorizationUrl({ endpoints, clientId, redirectUri, state }) {
    const url = new URL(`${endpoints.metaOAuthDialogUrl}/${endpoints.metaGraphApiVersion}/dialog/oauth`)
    url.search = new URLSearchParams({ client_id: clientId, redirect_uri: redirectUri, state, response_type: "code", scope: META_SCOPES.join(",") }).toString()
    return url.toString()
  },
  async discover(input) {
    const userToken = await exchangeCode(input)
    const longLived = await longLivedToken(input, userToken)
    return discoverPages(input, longLived)
  },
}

const graph = (input: ExchangeInput, path: string) => `${input.endpoints.metaGraphApiUrl}/${input.endpoints.metaGraphApiVersion}${path}`

async function exchangeCode(input: ExchangeInput): Promise<string> {
  const form = { client_id: input.clientId, client_secret: input.clientSecret, redirect_uri: input.redirectUri, code: input.code, grant_type: "authorization_code" }
  const data = await input.http({
    platform: "facebook",
    method: "POST",
    url: graph(input, "/oauth/access_token"),
    form,
    secrets: [input.clientSecret, input.code],
    operation: "meta.oauth_code_exchange",
  })
  return tokenSchema.parse(data).access_token
}

async function longLivedToken(input: ExchangeInput, shortLived: string): Promise<{ token: string; expiresAt?: Date }> {
  const form = { grant_type: "fb_exchange_token", client_id: input.clientId, client_secret: input.clientSecret, fb_exchange_token: shortLived }
  const data = tokenSchema.parse(
    await input.http({ platform: "facebook", method: "POST", url: graph(input, "/oauth/access_token"), form, secrets: [input.clientSecret, shortLived], operation: "meta.oauth_long_lived" })
  )
  return { token: data.access_token, expiresAt: data.expires_in ? new Date(Date.now() + data.expires_in * 1000) : undefined }
}

async function discoverPages(input: ExchangeInput, user: { token: string }): Promise<DiscoveredAccount[]> {
  const fields = "id,name,username,access_token,tasks,instagram_business_account{id,username,name}"
  const first = `${graph(input, "/me/accounts")}?${new URLSearchParams({ fields, limit: "100" })}`
  const accounts: DiscoveredAccount[] = []
  let next: string | undefined = first
  for (let i = 0; next && i < MAX_ACCOUNT_PAGES; i++) {
    const data = accountsPageSchema.parse(
      await input.http({ platform: "facebook", method: "GET", url: next, headers: { authorization: `Bearer ${user.token}` }, secrets: [user.token], operation: "meta.me_accounts" })
    )
    for (const page of data.data) accounts.push(...pageAccounts(page))
    // Only follow links back to the Graph host we were configured with: the token goes along.
    next = data.paging?.next?.startsWith(input.endpoints.metaGraphApiUrl) ? data.paging.next : undefined
  }
  return accounts
}

function pageAccounts(page: z.infer<typeof pageSchema>): DiscoveredAccount[] {
  const facebook: DiscoveredAccount = {
    provider: "facebook",
    accountId: page.id,
    name: page.name || page.id,
    username: page.username ?? null,
    accessToken: page.access_token,
    authType: "page",
  }
  const ig = page.instagram_business_account
  if (!ig) return [facebook]
  // Instagram through Facebook Login is read with the Page's token.
  return [facebook, { provider: "instagram", accountId: ig.id, name: ig.name ?? ig.username ?? ig.id, username: ig.username ?? null, accessToken: page.access_token, authType: "page" }]
}
