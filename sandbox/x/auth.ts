import type { SandboxContext, SandboxRequest, TokenFixture } from "../types"
import { isAppOnly } from "./options"

/** OAuth 2.0 scopes a user-context token needs for post lookup and search (§4.1). */
const REQUIRED_SCOPES = ["tweet.read", "users.read"]

export function bearerToken(req: SandboxRequest): string | undefined {
  const header = req.headers["authorization"]
  const match = header ? /^bearer\s+(\S+)\s*$/i.exec(header) : null
  return match ? match[1] : undefined
}

/** The X token fixture behind the request, or undefined when X would answer 401. */
export function authenticate(req: SandboxRequest, ctx: SandboxContext): TokenFixture | undefined {
  const token = ctx.findToken(bearerToken(req))
  if (!token || token.family !== "x" || token.revoked) return undefined
  if (token.expires_at !== undefined && token.expires_at <= ctx.now()) return undefined
  return token
}

/** App-only Bearer tokens carry no user scopes; undefined permissions mean "all granted". */
export function hasReadScopes(token: TokenFixture): boolean {
  if (isAppOnly(token) || !token.permissions) return true
  return REQUIRED_SCOPES.every((scope) => token.permissions?.includes(scope))
}
