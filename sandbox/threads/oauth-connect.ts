import { randomBytes } from "node:crypto"
import { consentPage, htmlError, randomCode, redirectTo, SANDBOX_OAUTH_APPS } from "../core/consent-page"
import { graphError, type GraphError } from "../meta/graph-errors"
import type { SandboxReply, SandboxRequest } from "../types"
import { THREADS_LONG_LIVED_TTL_SECONDS } from "./oauth"
import type { ThreadsFixtures, ThreadsTokenFixture } from "./types"

const APP = SANDBOX_OAUTH_APPS.threads
const SHORT_LIVED_S = 3600

export interface ThreadsConnectContext {
  fixtures: ThreadsFixtures
  now: number
  baseUrl: string
  /** Codes and short-lived tokens handed out; cleared with the sandbox. */
  connect: ThreadsConnectState
}

export interface ThreadsConnectState {
  codes: Map<string, { redirectUri: string; scope: string; used: boolean }>
  shortLived: Set<string>
}

export const newThreadsConnectState = (): ThreadsConnectState => ({ codes: new Map(), shortLived: new Set() })

/**
 * "Connect Threads" (platform-onboarding §6.1): the authorize page, the code exchange
 * (POST /oauth/access_token → a 1 h token and user_id), and th_exchange_token at
 * GET /access_token (short-lived → 60 days). Undefined for any other request.
 */
export function handleThreadsConnect(req: SandboxRequest, ctx: ThreadsConnectContext): SandboxReply | undefined {
  if (req.method === "GET" && req.path === "/oauth/authorize") return authorize(req.query, ctx)
  if (req.method === "GET" && req.path === "/oauth/authorize/decide") return decide(req.query, ctx)
  if (req.method === "POST" && req.path === "/oauth/access_token") return exchange(new URLSearchParams(req.body), ctx)
  if (req.method === "GET" && req.path === "/access_token") return longLived(req.query, ctx)
  return undefined
}

function authorize(q: URLSearchParams, ctx: ThreadsConnectContext): SandboxReply {
  if (q.get("client_id") !== APP.clientId) return htmlError(400, "Invalid App ID: the provided app ID does not look like a valid Threads app ID.")
  if (!q.get("redirect_uri")) return htmlError(400, "URL blocked: redirect_uri is missing.")
  if (q.get("response_type") !== "code") return htmlError(400, "response_type must be code.")
  return consentPage({ platform: "Threads", appName: "Sandbox Threads app", scopes: (q.get("scope") ?? "").split(","), decideUrl: `${ctx.baseUrl}/oauth/authorize/decide`, query: q })
}

function decide(q: URLSearchParams, ctx: ThreadsConnectContext): SandboxReply {
  const redirectUri = q.get("redirect_uri") ?? ""
  const echo: Record<string, string> = q.get("state") ? { state: q.get("state")! } : {}
  // UNCONFIRMED denial format (platform-onboarding §6.1): assumed Meta-style.
  if (q.get("choice") !== "allow") return redirectTo(redirectUri, { error: "access_denied", error_reason: "user_denied", error_description: "Permissions error", ...echo })
  const code = randomCode("threads-code")
  ctx.connect.codes.set(code, { redirectUri, scope: q.get("scope") ?? "", used: false })
  // Threads glues `#_` to the redirect (platform-onboarding §6.1).
  return redirectTo(redirectUri, { code, ...echo }, "#_")
}

const reply = (status: number, body: unknown): SandboxReply => ({ status, body })
const refuse = (e: GraphError): SandboxReply => reply(e.status, e.body)

/** The sandbox's Threads user: the one of the seed's first full-scope, live token. */
function consentingUser(fixtures: ThreadsFixtures, now: number): ThreadsTokenFixture | undefined {
  return fixtures.tokens.find((t) => !t.revoked && !t.permissions && (t.expires_at === undefined || t.expires_at > now))
}

function exchange(form: URLSearchParams, ctx: ThreadsConnectContext): SandboxReply {
  if (form.get("client_id") !== APP.clientId) return refuse(graphError(101, "Error validating application. Invalid application ID."))
  if (form.get("client_secret") !== APP.clientSecret) return refuse(graphError(1, "Error validating client secret."))
  const code = ctx.connect.codes.get(form.get("code") ?? "")
  if (!code || code.used || code.redirectUri !== form.get("redirect_uri")) return refuse(graphError(100, "Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request"))
  code.used = true
  const user = consentingUser(ctx.fixtures, ctx.now)
  if (!user) return refuse(graphError(100, "Error validating verification code."))
  const token = issue(ctx, user, SHORT_LIVED_S, code.scope.split(",").filter(Boolean))
  ctx.connect.shortLived.add(token)
  return reply(200, { access_token: token, user_id: Number(user.user_id) })
}

function longLived(q: URLSearchParams, ctx: ThreadsConnectContext): SandboxReply {
  if (q.get("grant_type") !== "th_exchange_token") return refuse(graphError(100, "(#100) Param grant_type must be th_exchange_token"))
  if (q.get("client_secret") !== APP.clientSecret) return refuse(graphError(1, "Error validating client secret."))
  const value = q.get("access_token") ?? ""
  const short = ctx.fixtures.tokens.find((t) => t.token === value)
  if (!short || !ctx.connect.shortLived.has(value) || (short.expires_at ?? 0) <= ctx.now) return refuse(graphError(190, "Invalid OAuth access token - Cannot parse access token"))
  return reply(200, { access_token: issue(ctx, short, THREADS_LONG_LIVED_TTL_SECONDS, short.permissions), token_type: "bearer", expires_in: THREADS_LONG_LIVED_TTL_SECONDS })
}

function issue(ctx: ThreadsConnectContext, user: ThreadsTokenFixture, ttlSeconds: number, permissions: string[] | undefined): string {
  const token = `THQVJ${randomBytes(18).toString("base64url")}`
  ctx.fixtures.tokens.push({ token, user_id: user.user_id, username: user.username, followers_count: user.followers_count, issued_at: ctx.now, expires_at: ctx.now + ttlSeconds * 1000, permissions })
  return token
}
