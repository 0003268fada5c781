import { z } from "@medusajs/framework/zod"
import type { ConnectFlow, DiscoveredAccount, ExchangeInput } from "../connect/types"

/**
 * Organization posts and their social actions (r_organization_social), their
 * socialMetadata (r_organization_social_feed), and organizationAcls, organization
 * lookup and share statistics (rw_organization_admin) (platform-onboarding §5.1).
 */
export const LINKEDIN_SCOPES = ["r_organization_social", "r_organization_social_feed", "rw_organization_admin"] as const

const tokenSchema = z.looseObject({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().optional(),
  refresh_token: z.string().min(1).optional(),
})
const aclsSchema = z.looseObject({
  elements: z.array(z.looseObject({ organization: z.string().optional(), role: z.string().optional(), state: z.string().optional() })),
  paging: z.looseObject({ start: z.number().optional(), count: z.number().optional() }).optional(),
})
const organizationSchema = z.looseObject({ id: z.coerce.string().optional(), localizedName: z.string().optional(), vanityName: z.string().optional() })

/** 100 administered organizations per page; a bound stops a paging that never ends. */
const ACL_PAGE = 100
const MAX_ACL_PAGES = 10

/**
 * LinkedIn 3-legged OAuth: code → a 60-day member token (a refresh token only for
 * approved partners), then each organization the member administers (APPROVED
 * ADMINISTRATOR role) is one account, its URN the account id, all on that token.
 */
export const linkedinConnectFlow: ConnectFlow = {
  provider: "linkedin",
  label: "LinkedIn",
  scopes: LINKEDIN_SCOPES,
  pkce: false,
  authorizationUrl({ endpoints, clientId, redirectUri, state }) {
    const url = new URL(`${endpoints.linkedinOAuthUrl}/authorization`)
    url.search = new URLSearchParams({ response_type: "code", client_id: clientId, redirect_uri: redirectUri, state, scope: LINKEDIN_SCOPES.join(" ") }).toString()
    return url.toString()
  },
  async discover(input) {
    const tokens = await exchangeCode(input)
    const orgs = await administeredOrganizations(input, tokens.access_token)
    const expiresAt = tokens.expires_in ? new Date(Date.now() + tokens.expires_in * 1000) : undefined
    const accounts: DiscoveredAccount[] = []
    for (const urn of orgs) {
      const org = await organization(input, tokens.access_token, urn)
      accounts.push({
        provider: "linkedin",
        accountId: urn,
        name: org.localizedName || org.vanityName || urn,
        username: org.vanityName ?? null,
        accessToken: tokens.access_token,
        refreshToken: tokens.refresh_token,
        expiresAt,
        authType: "oauth2",
      })
    }
    return accounts
  },
}

// No Basic auth on LinkedIn: the client id and secret travel in the form body.
async function exchangeCode(input: ExchangeInput): Promise<z.infer<typeof tokenSchema>> {
  const form = { grant_type: "authorization_code", code: input.code, redirect_uri: input.redirectUri, client_id: input.clientId, client_secret: input.clientSecret }
  const data = await input.http({
    platform: "linkedin",
    method: "POST",
    url: `${input.endpoints.linkedinOAuthUrl}/accessToken`,
    form,
    secrets: [input.clientSecret, input.code],
    operation: "linkedin.oauth_code_exchange",
  })
  return tokenSchema.parse(data)
}

const restHeaders = (input: ExchangeInput, token: string) => ({
  authorization: `Bearer ${token}`,
  "linkedin-version": input.endpoints.linkedinApiVersion,
  "x-restli-protocol-version": "2.0.0",
})

async function administeredOrganizations(input: ExchangeInput, token: string): Promise<string[]> {
  const urns: string[] = []
  for (let page = 0; page < MAX_ACL_PAGES; page++) {
    const query = new URLSearchParams({ q: "roleAssignee", role: "ADMINISTRATOR", state: "APPROVED", start: String(page * ACL_PAGE), count: String(ACL_PAGE) })
    const data = aclsSchema.parse(
      await input.http({ platform: "linkedin", method: "GET", url: `${input.endpoints.linkedinApiUrl}/rest/organizationAcls?${query}`, headers: restHeaders(input, token), secrets: [token], operation: "linkedin.organization_acls" })
    )
    for (const e of data.elements) {
      // The finder already filters; the check keeps a widened answer from connecting a non-admin role.
      if (e.organization?.startsWith("urn:li:organization:") && e.role === "ADMINISTRATOR" && e.state === "APPROVED" && !urns.includes(e.organization)) urns.push(e.organization)
    }
    // `total` may be absent: a short page is the last one.
    if (data.elements.length < ACL_PAGE) break
  }
  return urns
}

async function organization(input: ExchangeInput, token: string, urn: string): Promise<z.infer<typeof organizationSchema>> {
  const id = urn.slice("urn:li:organization:".length)
  return organizationSchema.parse(
    await input.http({ platform: "linkedin", method: "GET", url: `${input.endpoints.linkedinApiUrl}/rest/organizations/${encodeURIComponent(id)}`, headers: restHeaders(input, token), secrets: [token], operation: "linkedin.organization" })
  )
}
