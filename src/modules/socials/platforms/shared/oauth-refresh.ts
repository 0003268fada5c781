import { z } from "@medusajs/framework/zod"
import type { SocialPlatform } from "../../insights/schema"
import { PlatformApiError } from "../http/platform-api-error"
import { platformFetch, type PlatformHttpConfig } from "../http/platform-fetch"
import type { RefreshedToken } from "../types"
import { refreshRefused } from "./token-manager"

const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.coerce.number().optional(),
})

export interface OAuthRefreshRequest {
  platform: SocialPlatform
  url: string
  form: Record<string, string>
  headers?: Record<string, string>
  http: Omit<PlatformHttpConfig, "mapError" | "secrets">
  secrets: () => string[]
  now: () => number
}

/**
 * OAuth 2.0 refresh_token grant. Any refusal (400 invalid_grant, 401) means the
 * refresh token is dead: the account must be reconnected, so it maps to `auth`.
 */
export async function refreshOAuthToken(request: OAuthRefreshRequest): Promise<RefreshedToken> {
  const res = await platformFetch(
    {
      platform: request.platform,
      method: "POST",
      url: request.url,
      headers: request.headers,
      body: new URLSearchParams(request.form),
      operation: `${request.platform}.token_refresh`,
    },
    {
      ...request.http,
      // A token endpoint is not a metrics endpoint: it has its own limits and no budget here.
      budgetStore: undefined,
      secrets: () => [...request.secrets(), ...Object.values(request.form).filter((v, i) => Object.keys(request.form)[i] !== "grant_type")],
      mapError: (r) =>
        r.status >= 500 || r.status === 429
          ? new PlatformApiError({ platform: r.platform, kind: r.status === 429 ? "rate_limit" : "server", status: r.status, url: r.url, secrets: r.secrets })
          : refreshRefused(r.platform, r.status, typeof r.body === "string" ? r.body : JSON.stringify(r.body ?? ""), r.secrets),
    }
  )
  const parsed = tokenResponseSchema.safeParse(res.data)
  if (!parsed.success) throw refreshRefused(request.platform, res.status, "token endpoint answered without an access_token", request.secrets())
  const { access_token, refresh_token, expires_in } = parsed.data
  return {
    accessToken: access_token,
    refreshToken: refresh_token,
    expiresAt: expires_in !== undefined ? new Date(request.now() + expires_in * 1000) : undefined,
  }
}
