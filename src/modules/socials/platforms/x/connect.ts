import { z } from "@medusajs/framework/zod"
import type { ConnectFlow, DiscoveredAccount, ExchangeInput } from "../connect/types"

/**
 * Read posts and their metrics (tweet.read), the account itself (users.read), and a
 * refresh token (offline.access): X access tokens live two hours (platform-onboarding §4.1).
 */
export const X_SCOPES = ["tweet.read", "users.read", "offline.access"] as const

const tokenSchema = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.coerce.number().optional(),
})
const meSchema = z.looseObject({
  data: z.looseObject({ id: z.string().min(1), name: z.string().default(""), username: z.string().optional() }),
})

/**
 * X OAuth 2.0 authorization code with PKCE (S256): the challenge goes in the
 * authorization URL, the verifier (kept sealed with the state) in the exchange.
 * Confidential clients authenticate with Basic; one consent is one account.
 */
export const xConnectFlow: ConnectFlow = {
  provider: "x",
  label: "X",
  scopes: X_SCOPES,
  pkce: true,
  authorizationUrl({ endpoints, clientId, redirectUri, state, codeChallenge }) {
    if (!codeChallenge) throw new Error("X authorization needs a PKCE code challenge")
    const url = new URL(endpoints.xOAuthAuthorizeUrl)
    url.search = new URLSearchParams({
      response_type: "code",
      client_id: clientId,
      redirect_uri: redirectUri,
      scope: X_SCOPES.join(" "),
      state,
      code_challenge: codeChallenge,
      code_challenge_method: "S256",
    }).toString()
    return url.toString()
  },
  async discover(input) {
    const tokens = await exchangeCode(input)
    return [await me(input, tokens)]
  },
}

async function exchangeCode(input: ExchangeInput): Promise<z.infer<typeof tokenSchema>> {
  if (!input.codeVerifier) throw new Error("X token exchange needs the PKCE code verifier kept with the state")
  const basic = Buffer.from(`${input.clientId}:${input.clientSecret}`).toString("base64")
  const data = await input.http({
    platform: "twitter",
    method: "POST",
    url: `${input.endpoints.xApiUrl}/2/oauth2/token`,
    headers: { authorization: `Basic ${basic}` },
    form: { grant_type: "authorization_code", code: input.code, redirect_uri: input.redirectUri, code_verifier: input.codeVerifier, client_id: input.clientId },
    secrets: [input.clientSecret, basic, input.code, input.codeVerifier],
    operation: "twitter.oauth_code_exchange",
  })
  return tokenSchema.parse(data)
}

async function me(input: ExchangeInput, tokens: z.infer<typeof tokenSchema>): Promise<DiscoveredAccount> {
  const data = meSchema.parse(
    await input.http({
      platform: "twitter",
      method: "GET",
      url: `${input.endpoints.xApiUrl}/2/users/me`,
      headers: { authorization: `Bearer ${tokens.access_token}` },
      secrets: [tokens.access_token, tokens.refresh_token],
      operation: "twitter.users_me",
    })
  ).data
  return {
    provider: "twitter",
    accountId: data.id,
    name: data.name || data.username || data.id,
    username: data.username ?? null,
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    expiresAt: tokens.expires_in ? new Date(Date.now() + tokens.expires_in * 1000) : undefined,
    authType: "user_context",
  }
}
