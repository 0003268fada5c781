import { randomBytes } from "node:crypto"
import type { SandboxContext, SandboxReply, SandboxRequest, TokenFixture } from "../types"
import { oauthInvalidRequest } from "./errors"
import { LINKEDIN_DEFAULT_TOKEN_TTL_SECONDS, LINKEDIN_REFRESH_TOKEN_TTL_MS, linkedInOptions } from "./options"

const DEFAULT_SCOPE = "r_organization_social,r_organization_social_feed,rw_organization_admin"

function holderOf(ctx: SandboxContext, refreshToken: string): TokenFixture | undefined {
  const now = ctx.now()
  return ctx.fixtures.tokens.find(
    (t) =>
      t.family === "linkedin" &&
      t.refresh_token === refreshToken &&
      !t.revoked &&
      (t.refresh_expires_at === undefined || t.refresh_expires_at > now)
  )
}

/**
 * POST /oauth/v2/accessToken with grant_type=refresh_token. LinkedIn hands back the same refresh
 * token with its remaining lifetime (365 days from the first grant), unless
 * `linkedin.rotateRefreshTokens` asks for a new one. The refresh token moves to the new access
 * token's fixture; the old access token keeps working until it expires.
 */
export function refreshLinkedInToken(req: SandboxRequest, ctx: SandboxContext): SandboxReply {
  const form = new URLSearchParams(req.body || req.query.toString())
  if (form.get("grant_type") !== "refresh_token") return oauthInvalidRequest('Unable to retrieve access token: "grant_type" must be refresh_token')
  for (const name of ["refresh_token", "client_id", "client_secret"]) {
    if (!form.get(name)) return oauthInvalidRequest(`A required parameter "${name}" is missing`)
  }
  const holder = holderOf(ctx, form.get("refresh_token") ?? "")
  if (!holder) return oauthInvalidRequest("The provided authorization grant or refresh token is invalid, expired or revoked.")

  const now = ctx.now()
  const ttl = ctx.options.issuedTokenTtlSeconds ?? LINKEDIN_DEFAULT_TOKEN_TTL_SECONDS
  const refreshExpiresAt = holder.refresh_expires_at ?? now + LINKEDIN_REFRESH_TOKEN_TTL_MS
  const rotate = linkedInOptions(ctx).rotateRefreshTokens ?? false
  const issued: TokenFixture = {
    token: `li-at-${randomBytes(24).toString("base64url")}`,
    family: "linkedin",
    account_id: holder.account_id,
    expires_at: now + ttl * 1000,
    permissions: holder.permissions,
    refresh_token: rotate ? `li-rt-${randomBytes(24).toString("base64url")}` : holder.refresh_token,
    refresh_expires_at: refreshExpiresAt,
  }
  holder.refresh_token = undefined
  ctx.fixtures.tokens.push(issued)

  return {
    status: 200,
    body: {
      access_token: issued.token,
      expires_in: ttl,
      refresh_token: issued.refresh_token,
      refresh_token_expires_in: Math.max(0, Math.floor((refreshExpiresAt - now) / 1000)),
      scope: holder.permissions?.join(",") ?? DEFAULT_SCOPE,
    },
  }
}
