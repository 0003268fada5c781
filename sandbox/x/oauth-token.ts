import { randomBytes } from "node:crypto"
import type { SandboxContext, SandboxReply, SandboxRequest, TokenFixture } from "../types"
import { X_DEFAULT_TOKEN_TTL_SECONDS } from "./options"
import { oauthInvalidRequest, reply } from "./problems"

const DEFAULT_SCOPE = "tweet.read users.read offline.access"

/** Confidential clients send their id in Basic auth; public (PKCE) clients send `client_id` in the form. */
function clientId(req: SandboxRequest, form: URLSearchParams): string | undefined {
  const basic = /^basic\s+(\S+)$/i.exec(req.headers["authorization"] ?? "")
  if (basic) {
    const decoded = Buffer.from(basic[1], "base64").toString("utf8")
    const id = decoded.split(":")[0]
    if (id) return id
  }
  return form.get("client_id") || undefined
}

function holderOf(ctx: SandboxContext, refreshToken: string): TokenFixture | undefined {
  const now = ctx.now()
  return ctx.fixtures.tokens.find(
    (t) =>
      t.family === "x" &&
      t.refresh_token === refreshToken &&
      !t.revoked &&
      (t.refresh_expires_at === undefined || t.refresh_expires_at > now)
  )
}

/**
 * POST /2/oauth2/token with grant_type=refresh_token. X rotates refresh tokens: the one used is
 * taken off its holder, so a second use answers 400. The previous access token stays valid until
 * it expires. The new token is a user-context token of the same account.
 */
export function refreshXToken(req: SandboxRequest, ctx: SandboxContext): SandboxReply {
  const form = new URLSearchParams(req.body)
  if (form.get("grant_type") !== "refresh_token") return oauthInvalidRequest("Value passed for the grant_type was invalid.")
  const refreshToken = form.get("refresh_token")
  if (!refreshToken) return oauthInvalidRequest("Missing required parameter [refresh_token].")
  if (!clientId(req, form)) return oauthInvalidRequest("Missing required parameter [client_id].")

  const holder = holderOf(ctx, refreshToken)
  if (!holder) return oauthInvalidRequest("Value passed for the token was invalid.")

  const ttl = ctx.options.issuedTokenTtlSeconds ?? X_DEFAULT_TOKEN_TTL_SECONDS
  const issued: TokenFixture = {
    token: `x-at-${randomBytes(18).toString("base64url")}`,
    family: "x",
    account_id: holder.account_id,
    expires_at: ctx.now() + ttl * 1000,
    permissions: holder.permissions,
    auth_type: "user_context",
    refresh_token: `x-rt-${randomBytes(18).toString("base64url")}`,
    refresh_expires_at: holder.refresh_expires_at,
  }
  holder.refresh_token = undefined
  ctx.fixtures.tokens.push(issued)

  return reply(200, {
    token_type: "bearer",
    expires_in: ttl,
    access_token: issued.token,
    scope: holder.permissions?.join(" ") ?? DEFAULT_SCOPE,
    refresh_token: issued.refresh_token,
  })
}
