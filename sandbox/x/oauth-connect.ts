import { createHash, randomBytes } from "node:crypto"
import { consentPage, htmlError, randomCode, redirectTo, SANDBOX_OAUTH_APPS } from "../core/consent-page"
import type { SandboxContext, SandboxReply, SandboxRequest, TokenFixture } from "../types"
import { authenticate } from "./auth"
import { X_DEFAULT_TOKEN_TTL_SECONDS } from "./options"
import { oauthInvalidRequest, reply, unauthorized } from "./problems"
import { lookupUser } from "./users-lookup"

/** X authorization codes live 30 seconds (platform-onboarding §4.1). */
const CODE_TTL_MS = 30_000
const APP = SANDBOX_OAUTH_APPS.x

interface PendingCode {
  redirectUri: string
  challenge: string
  method: string
  scope: string
  used: boolean
  createdAt: number
}

const codes = (ctx: SandboxContext) => ctx.state<Map<string, PendingCode>>("x.oauth.codes", () => new Map())

/**
 * "Connect X" (platform-onboarding §4.1): the authorize page (PKCE challenge required),
 * Allow/Deny, the authorization_code grant at /2/oauth2/token (client auth, single-use
 * 30 s code, exact redirect_uri, verifier checked against the challenge), and
 * GET /2/users/me. Undefined for any other request.
 */
export function handleXConnect(req: SandboxRequest, ctx: SandboxContext): SandboxReply | undefined {
  if (req.method === "GET" && req.path === "/i/oauth2/authorize") return authorize(req.query, ctx)
  if (req.method === "GET" && req.path === "/i/oauth2/authorize/decide") return decide(req.query, ctx)
  if (req.method === "POST" && req.path === "/2/oauth2/token" && new URLSearchParams(req.body).get("grant_type") === "authorization_code") return exchange(req, ctx)
  if (req.method === "GET" && req.path.replace(/\/+$/, "") === "/2/users/me") return usersMe(req, ctx)
  return undefined
}

function authorize(q: URLSearchParams, ctx: SandboxContext): SandboxReply {
  if (q.get("client_id") !== APP.clientId) return htmlError(400, "Something went wrong: you weren't able to give access to the App.")
  if (!q.get("redirect_uri")) return htmlError(400, "Something went wrong: redirect_uri is missing.")
  if (q.get("response_type") !== "code") return htmlError(400, "Something went wrong: response_type must be code.")
  if (!q.get("code_challenge") || !["S256", "plain"].includes(q.get("code_challenge_method") ?? "")) {
    return htmlError(400, "Something went wrong: code_challenge and code_challenge_method (S256 or plain) are required.")
  }
  return consentPage({ platform: "X", appName: "Sandbox X app", scopes: (q.get("scope") ?? "").split(" "), decideUrl: `${ctx.baseUrl}/x/i/oauth2/authorize/decide`, query: q })
}

function decide(q: URLSearchParams, ctx: SandboxContext): SandboxReply {
  const redirectUri = q.get("redirect_uri") ?? ""
  const echo: Record<string, string> = q.get("state") ? { state: q.get("state")! } : {}
  // UNCONFIRMED denial format (platform-onboarding §9.4): RFC 6749's access_denied.
  if (q.get("choice") !== "allow") return redirectTo(redirectUri, { error: "access_denied", ...echo })
  const code = randomCode("x-code")
  codes(ctx).set(code, { redirectUri, challenge: q.get("code_challenge")!, method: q.get("code_challenge_method")!, scope: q.get("scope") ?? "", used: false, createdAt: ctx.now() })
  return redirectTo(redirectUri, { code, ...echo })
}

/** Basic id:secret for confidential clients; `client_id` alone for public ones. */
function clientAuthenticated(req: SandboxRequest, form: URLSearchParams): boolean {
  const basic = /^basic\s+(\S+)$/i.exec(req.headers["authorization"] ?? "")
  if (!basic) return form.get("client_id") === APP.clientId
  return Buffer.from(basic[1], "base64").toString("utf8") === `${APP.clientId}:${APP.clientSecret}`
}

function verifierMatches(verifier: string, pending: PendingCode): boolean {
  const derived = pending.method === "S256" ? createHash("sha256").update(verifier).digest("base64url") : verifier
  return derived === pending.challenge
}

/** The account the sandbox's X user consents with: the seed's first full-scope user-context token. */
function consentingUser(ctx: SandboxContext): TokenFixture | undefined {
  const now = ctx.now()
  return ctx.fixtures.tokens.find((t) => t.family === "x" && t.auth_type === "user_context" && !t.revoked && !t.permissions && (t.expires_at === undefined || t.expires_at > now))
}

function exchange(req: SandboxRequest, ctx: SandboxContext): SandboxReply {
  const form = new URLSearchParams(req.body)
  if (!clientAuthenticated(req, form)) return reply(401, { error: "unauthorized_client", error_description: "Missing valid authorization header" })
  const code = form.get("code") ?? ""
  const pending = codes(ctx).get(code)
  if (!pending || pending.used || ctx.now() - pending.createdAt > CODE_TTL_MS || pending.redirectUri !== form.get("redirect_uri")) {
    return oauthInvalidRequest("Value passed for the authorization code was invalid.")
  }
  const verifier = form.get("code_verifier")
  if (!verifier) return oauthInvalidRequest("Missing required parameter [code_verifier].")
  // UNCONFIRMED wording; X refuses a verifier that does not hash to the challenge.
  if (!verifierMatches(verifier, pending)) return oauthInvalidRequest("Value passed for the code_verifier was invalid.")
  pending.used = true
  const user = consentingUser(ctx)
  if (!user) return oauthInvalidRequest("Value passed for the authorization code was invalid.")
  const ttl = ctx.options.issuedTokenTtlSeconds ?? X_DEFAULT_TOKEN_TTL_SECONDS
  const offline = pending.scope.split(" ").includes("offline.access")
  const issued: TokenFixture = {
    token: `x-at-${randomBytes(18).toString("base64url")}`,
    family: "x",
    account_id: user.account_id,
    account_name: user.account_name,
    expires_at: ctx.now() + ttl * 1000,
    permissions: pending.scope.split(" ").filter(Boolean),
    auth_type: "user_context",
    refresh_token: offline ? `x-rt-${randomBytes(18).toString("base64url")}` : undefined,
  }
  ctx.fixtures.tokens.push(issued)
  return reply(200, { token_type: "bearer", expires_in: ttl, access_token: issued.token, scope: pending.scope, ...(issued.refresh_token ? { refresh_token: issued.refresh_token } : {}) })
}

/** The token's own user; app-only Bearer tokens are refused as X does for this endpoint. */
function usersMe(req: SandboxRequest, ctx: SandboxContext): SandboxReply {
  const token = authenticate(req, ctx)
  if (!token) return unauthorized()
  if (token.auth_type === "app_only") {
    return reply(403, {
      title: "Unsupported Authentication",
      detail: "Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].",
      type: "https://api.twitter.com/2/problems/unsupported-authentication",
      status: 403,
    })
  }
  return lookupUser(ctx, token, req.query, token.account_id)
}
