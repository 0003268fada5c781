import { z } from "@medusajs/framework/zod"
import type { ConnectFlow, DiscoveredAccount, ExchangeInput } from "../connect/types"

/** threads_basic (every call), threads_manage_insights (insights), threads_read_replies (replies) (platform-onboarding §6.1). */
export const THREADS_SCOPES = ["threads_basic", "threads_manage_insights", "threads_read_replies"] as const

const shortSchema = z.looseObject({ access_token: z.string().min(1) })
const longSchema = z.looseObject({ access_token: z.string().min(1), expires_in: z.coerce.number().optional() })
const meSchema = z.looseObject({ id: z.coerce.string().min(1), username: z.string().optional(), name: z.string().optional() })

/**
 * Threads: code → a 1-hour token → th_exchange_token → a 60-day token (refreshed
 * by the sync before it expires), then /me. Uses the Threads app's id and secret.
 */
export const threadsConnectFlow: ConnectFlow = {
  provider: "threads",
  label: "Threads",
  scopes: THREADS_SCOPES,
  pkce: false,
  authorizationUrl({ endpoints, clientId, redirectUri, state }) {
    const url = new URL(endpoints.threadsOAuthUrl)
    url.search = new URLSearchParams({ client_id: clientId, redirect_uri: redirectUri, scope: THREADS_SCOPES.join(","), response_type: "code", state }).toString()
    return url.toString()
  },
  async discover(input) {
    const short = await exchangeCode(input)
    const long = await longLived(input, short)
    return [await me(input, long)]
  },
}

async function exchangeCode(input: ExchangeInput): Promise<string> {
  const form = { client_id: input.clientId, client_secret: input.clientSecret, code: input.code, grant_type: "authorization_code", redirect_uri: input.redirectUri }
  const data = await input.http({
    platform: "threads",
    method: "POST",
    url: `${input.endpoints.threadsGraphApiUrl}/oauth/access_token`,
    form,
    secrets: [input.clientSecret, input.code],
    operation: "threads.oauth_code_exchange",
  })
  return shortSchema.parse(data).access_token
}

// Documented as a GET with the secret in the query; the secrets list keeps it out of errors and logs.
async function longLived(input: ExchangeInput, shortLived: string): Promise<z.infer<typeof longSchema>> {
  const query = new URLSearchParams({ grant_type: "th_exchange_token", client_secret: input.clientSecret, access_token: shortLived })
  const data = await input.http({
    platform: "threads",
    method: "GET",
    url: `${input.endpoints.threadsGraphApiUrl}/access_token?${query}`,
    secrets: [input.clientSecret, shortLived],
    operation: "threads.oauth_long_lived",
  })
  return longSchema.parse(data)
}

async function me(input: ExchangeInput, token: z.infer<typeof longSchema>): Promise<DiscoveredAccount> {
  const url = `${input.endpoints.threadsGraphApiUrl}/${input.endpoints.threadsApiVersion}/me?${new URLSearchParams({ fields: "id,username,name" })}`
  const data = meSchema.parse(
    await input.http({ platform: "threads", method: "GET", url, headers: { authorization: `Bearer ${token.access_token}` }, secrets: [token.access_token], operation: "threads.me" })
  )
  return {
    provider: "threads",
    accountId: data.id,
    name: data.name || data.username || data.id,
    username: data.username ?? null,
    accessToken: token.access_token,
    expiresAt: token.expires_in ? new Date(Date.now() + token.expires_in * 1000) : undefined,
    authType: "user",
  }
}
