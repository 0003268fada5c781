import { randomBytes } from "node:crypto"
import { consentPage, htmlError, randomCode, redirectTo, SANDBOX_OAUTH_APPS } from "../core/consent-page"
import type { SandboxContext, SandboxReply, SandboxRequest, TokenFixture } from "../types"
import { authenticate } from "./auth"
import { notFound, oauthInvalidRequest, versionMissing } from "./errors"
import { LINKEDIN_DEFAULT_TOKEN_TTL_SECONDS } from "./options"

/** LinkedIn codes live 30 minutes and are single use (platform-onboarding §5.1). */
const CODE_TTL_MS = 30 * 60_000
const APP = SANDBOX_OAUTH_APPS.linkedin
const ORG_PREFIX = "urn:li:organization:"
const CODE_REFUSED =
  "Unable to retrieve access token: appid/redirect uri/code verifier does not match authorization code. Or authorization code expired. Or external member binding exists"

interface LinkedInConnectState {
  codes: Map<string, { redirectUri: string; scope: string; used: boolean; createdAt: number }>
  /** Member token → the organizations that member administers. */
  members: Map<string, string[]>
}

const stateOf = (ctx: SandboxContext) => ctx.state<LinkedInConnectState>("linkedin.connect", () => ({ codes: new Map(), members: new Map() }))

/**
 * "Connect LinkedIn": the authorization page (Allow, or Cancel → user_cancelled_authorize),
 * the authorization_code grant at /oauth/v2/accessToken, and for member tokens it issued,
 * organizationAcls (q=roleAssignee) and organization lookup. Undefined otherwise.
 */
export function handleLinkedInConnect(req: SandboxRequest, ctx: SandboxContext): SandboxReply | undefined {
  if (req.method === "GET" && req.path === "/oauth/v2/authorization") return authorize(req.query, ctx)
  if (req.method === "GET" && req.path === "/oauth/v2/authorization/decide") return decide(req.query, ctx)
  if (req.method === "POST" && req.path === "/oauth/v2/accessToken" && new URLSearchParams(req.body).get("grant_type") === "authorization_code") return exchange(req, ctx)
  if (req.method !== "GET") return undefined
  if (req.path === "/rest/organizationAcls") return restCall(req, ctx, (orgs) => organizationAcls(req.query, orgs))
  const org = /^\/rest\/organizations\/(\d+)$/.exec(req.path)
  if (org) return restCall(req, ctx, (orgs) => (orgs.includes(`${ORG_PREFIX}${org[1]}`) ? { status: 200, body: organizationBody(ctx, `${ORG_PREFIX}${org[1]}`) } : notFound()))
  return undefined
}

function authorize(q: URLSearchParams, ctx: SandboxContext): SandboxReply {
  if (q.get("client_id") !== APP.clientId) return htmlError(400, "The passed in client_id is invalid")
  if (!q.get("redirect_uri")) return htmlError(400, "The redirect_uri does not match the registered value")
  if (q.get("response_type") !== "code") return htmlError(400, "response_type must be code")
  return consentPage({ platform: "LinkedIn", appName: "Sandbox LinkedIn app", scopes: (q.get("scope") ?? "").split(" "), decideUrl: `${ctx.baseUrl}/linkedin/oauth/v2/authorization/decide`, query: q })
}

function decide(q: URLSearchParams, ctx: SandboxContext): SandboxReply {
  const redirectUri = q.get("redirect_uri") ?? ""
  const echo: Record<string, string> = q.get("state") ? { state: q.get("state")! } : {}
  if (q.get("choice") !== "allow") {
    return redirectTo(redirectUri, { error: "user_cancelled_authorize", error_description: "The user cancelled the authorization", ...echo })
  }
  const code = randomCode("li-code")
  stateOf(ctx).codes.set(code, { redirectUri, scope: q.get("scope") ?? "", used: false, createdAt: ctx.now() })
  return redirectTo(redirectUri, { code, ...echo })
}

/** The organizations the sandbox member administers: every organization with a full-scope, live token fixture. */
function administered(ctx: SandboxContext): string[] {
  const now = ctx.now()
  const live = (t: TokenFixture) => t.family === "linkedin" && t.account_id.startsWith(ORG_PREFIX) && !t.revoked && !t.permissions && (t.expires_at === undefined || t.expires_at > now)
  return [...new Set(ctx.fixtures.tokens.filter(live).map((t) => t.account_id))]
}

function exchange(req: SandboxRequest, ctx: SandboxContext): SandboxReply {
  const form = new URLSearchParams(req.body)
  if (form.get("client_id") !== APP.clientId || form.get("client_secret") !== APP.clientSecret) {
    return { status: 401, body: { error: "invalid_client", error_description: "Client authentication failed" } }
  }
  const state = stateOf(ctx)
  const pending = state.codes.get(form.get("code") ?? "")
  if (!pending || pending.used || ctx.now() - pending.createdAt > CODE_TTL_MS || pending.redirectUri !== form.get("redirect_uri")) return oauthInvalidRequest(CODE_REFUSED)
  pending.used = true
  const orgs = administered(ctx)
  const ttl = ctx.options.issuedTokenTtlSeconds ?? LINKEDIN_DEFAULT_TOKEN_TTL_SECONDS
  // The sandbox's other endpoints read one organization per token: the member token reads the first.
  const token: TokenFixture = { token: `li-at-${randomBytes(24).toString("base64url")}`, family: "linkedin", account_id: orgs[0] ?? `${ORG_PREFIX}0`, expires_at: ctx.now() + ttl * 1000, permissions: pending.scope.split(" ").filter(Boolean) }
  ctx.fixtures.tokens.push(token)
  state.members.set(token.token, orgs)
  // No refresh token: LinkedIn gives those to approved partners only.
  return { status: 200, body: { access_token: token.token, expires_in: ttl, scope: pending.scope.split(" ").join(",") } }
}

function restCall(req: SandboxRequest, ctx: SandboxContext, run: (orgs: string[]) => SandboxReply): SandboxReply | undefined {
  const token = authenticate(req, ctx)
  if ("status" in token) return token
  const orgs = stateOf(ctx).members.get(token.token)
  // Tokens the connect flow did not issue: the sandbox models no member behind them.
  if (!orgs) return undefined
  if (!req.headers["linkedin-version"]) return versionMissing()
  return run(orgs)
}

function organizationAcls(q: URLSearchParams, orgs: string[]): SandboxReply {
  if (q.get("q") !== "roleAssignee") return oauthInvalidRequest("q must be roleAssignee")
  const wanted = (name: string, value: string) => !q.get(name) || q.get(name) === value
  const all = wanted("role", "ADMINISTRATOR") && wanted("state", "APPROVED") ? orgs : []
  const start = Math.max(Number(q.get("start") ?? 0) || 0, 0)
  const count = Math.min(Math.max(Number(q.get("count") ?? 10) || 10, 1), 100)
  const elements = all.slice(start, start + count).map((organization) => ({ roleAssignee: "urn:li:person:sbxAdmin1", role: "ADMINISTRATOR", state: "APPROVED", organization }))
  return { status: 200, body: { paging: { start, count, links: [] }, elements } }
}

function organizationBody(ctx: SandboxContext, urn: string): Record<string, unknown> {
  const id = urn.slice(ORG_PREFIX.length)
  const name = ctx.fixtures.tokens.find((t) => t.account_id === urn && t.account_name)?.account_name ?? `Sandbox organization ${id}`
  return { id: Number(id), localizedName: name, vanityName: `sandbox-${id}` }
}
