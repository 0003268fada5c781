import { consentPage, htmlError, randomCode, redirectTo, SANDBOX_OAUTH_APPS } from "../core/consent-page"
import type { SandboxContext, SandboxReply, TokenFixture } from "../types"
import { graphError, type GraphError } from "./graph-errors"

/** How long each Meta token lives: hours for the code's user token, ~60 days once exchanged. */
const SHORT_LIVED_S = 2 * 3600
const LONG_LIVED_S = 5_183_944

interface MetaOAuthState {
  codes: Map<string, { redirectUri: string; used: boolean; createdAt: number }>
  userTokens: Map<string, { longLived: boolean; expiresAt: number }>
}

type Json = (status: number, body: unknown) => SandboxReply

/**
 * Facebook Login (platform-onboarding §1): the dialog with Allow/Deny, the code
 * exchange (single-use code, exact redirect_uri), the fb_exchange_token
 * long-lived exchange, and /me/accounts answered for a user token. Returns
 * undefined for any other path, which the Graph handler serves.
 */
export function handleMetaOAuth(
  ctx: SandboxContext,
  req: { method: string; params: URLSearchParams; authorization?: string },
  version: string,
  rest: string[],
  json: Json
): SandboxReply | undefined {
  const state = ctx.state<MetaOAuthState>("meta.oauth", () => ({ codes: new Map(), userTokens: new Map() }))
  const path = rest.join("/")
  if (path === "dialog/oauth") return dialog(req.params, version, ctx)
  if (path === "dialog/oauth/decide") return decide(state, req.params, ctx)
  if (path === "oauth/access_token") return accessToken(state, req.params, ctx, json)
  if (path === "me/accounts") {
    const token = req.params.get("access_token") ?? /^bearer\s+(.+)$/i.exec(req.authorization ?? "")?.[1]
    const user = token ? state.userTokens.get(token) : undefined
    if (user) return meAccounts(ctx, user, req.params, version, json)
  }
  return undefined
}

function dialog(params: URLSearchParams, version: string, ctx: SandboxContext): SandboxReply {
  if (params.get("client_id") !== SANDBOX_OAUTH_APPS.meta.clientId) return htmlError(400, "Invalid App ID: the provided app ID does not look like a valid app ID.")
  if (!params.get("redirect_uri")) return htmlError(400, "URL blocked: redirect_uri is missing.")
  if (params.get("response_type") !== "code") return htmlError(400, "response_type must be code.")
  return consentPage({ platform: "Facebook", appName: "Sandbox Meta app", scopes: (params.get("scope") ?? "").split(","), decideUrl: `${ctx.baseUrl}/meta/${version}/dialog/oauth/decide`, query: params })
}

function decide(state: MetaOAuthState, params: URLSearchParams, ctx: SandboxContext): SandboxReply {
  const redirectUri = params.get("redirect_uri") ?? ""
  const echo: Record<string, string> = params.get("state") ? { state: params.get("state")! } : {}
  if (params.get("choice") !== "allow") {
    // As Meta sends a denial (platform-onboarding §1.1).
    return redirectTo(redirectUri, { error: "access_denied", error_code: "200", error_description: "Permissions error", error_reason: "user_denied", ...echo }, "#_=_")
  }
  const code = randomCode("meta-code")
  state.codes.set(code, { redirectUri, used: false, createdAt: ctx.now() })
  return redirectTo(redirectUri, { code, ...echo }, "#_=_")
}

function accessToken(state: MetaOAuthState, params: URLSearchParams, ctx: SandboxContext, json: Json): SandboxReply {
  const err = (e: GraphError) => json(e.status, e.body)
  if (params.get("client_id") !== SANDBOX_OAUTH_APPS.meta.clientId) return err(graphError(101, "Error validating application. Invalid application ID."))
  if (params.get("client_secret") !== SANDBOX_OAUTH_APPS.meta.clientSecret) return err(graphError(1, "Error validating client secret."))
  if (params.get("grant_type") === "fb_exchange_token") {
    const short = state.userTokens.get(params.get("fb_exchange_token") ?? "")
    if (!short || short.expiresAt <= ctx.now()) return err(graphError(190, "Invalid OAuth access token - Cannot parse access token"))
    return json(200, issueUserToken(state, ctx, true))
  }
  const code = state.codes.get(params.get("code") ?? "")
  if (!code) return err(graphError(100, "Invalid verification code format.", { subcode: 36007 }))
  if (code.used) return err(graphError(100, "This authorization code has been used.", { subcode: 36009 }))
  if (code.redirectUri !== params.get("redirect_uri")) {
    return err(graphError(100, "Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request", { subcode: 36008 }))
  }
  code.used = true
  return json(200, issueUserToken(state, ctx, false))
}

function issueUserToken(state: MetaOAuthState, ctx: SandboxContext, longLived: boolean) {
  const token = randomCode(longLived ? "meta-user-long" : "meta-user-short")
  const expiresIn = longLived ? LONG_LIVED_S : SHORT_LIVED_S
  state.userTokens.set(token, { longLived, expiresAt: ctx.now() + expiresIn * 1000 })
  return { access_token: token, token_type: "bearer", expires_in: expiresIn }
}

/** The Pages the sandbox user manages: every seeded Page token with all permissions. */
function managedPages(ctx: SandboxContext): TokenFixture[] {
  const seen = new Set<string>()
  return ctx.fixtures.tokens.filter((t) => {
    const ok = t.family === "meta" && t.linked_account_ids?.length && !t.revoked && !t.expires_at && !t.permissions && !seen.has(t.account_id)
    if (ok) seen.add(t.account_id)
    return ok
  })
}

function meAccounts(ctx: SandboxContext, user: { longLived: boolean; expiresAt: number }, params: URLSearchParams, version: string, json: Json): SandboxReply {
  if (user.expiresAt <= ctx.now()) return json(400, graphError(190, "Error validating access token: Session has expired", { subcode: 463 }).body)
  const limit = Math.min(Math.max(Number(params.get("limit") ?? 25) || 25, 1), 100)
  const start = params.get("after") ? Number(Buffer.from(params.get("after")!, "base64url").toString()) || 0 : 0
  const pages = managedPages(ctx)
  const slice = pages.slice(start, start + limit)
  const data = slice.map((page) => {
    const igId = page.linked_account_ids![0]
    const igName = ctx.fixtures.tokens.find((t) => t.account_id === igId && t.account_name)?.account_name ?? `sandbox_${igId.slice(-4)}`
    return {
      id: page.account_id,
      name: page.account_name ?? `Sandbox Page ${page.account_id.slice(-4)}`,
      access_token: user.longLived ? page.token : shortPageToken(ctx, page),
      tasks: ["ANALYZE", "ADVERTISE", "MODERATE", "CREATE_CONTENT", "MANAGE"],
      instagram_business_account: { id: igId, username: igName, name: igName },
    }
  })
  const end = start + slice.length
  const cursor = (n: number) => Buffer.from(String(n)).toString("base64url")
  const paging: Record<string, unknown> = { cursors: { before: cursor(start), after: cursor(end) } }
  if (end < pages.length) {
    const next = new URLSearchParams(params)
    next.set("after", cursor(end))
    next.delete("access_token")
    paging.next = `${ctx.baseUrl}/meta/${version}/me/accounts?${next}`
  }
  return json(200, { data, paging })
}

/** A Page token derived from a short-lived user token expires with it (about an hour), unlike a long-lived one's. */
function shortPageToken(ctx: SandboxContext, page: TokenFixture): string {
  const token = randomCode("meta-page-short")
  ctx.fixtures.tokens.push({ ...page, token, expires_at: ctx.now() + 3600_000 })
  return token
}
