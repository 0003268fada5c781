import type { SandboxContext, SandboxReply, SandboxRequest, TokenFixture } from "../types"
import { expiredAccessToken, invalidAccessToken, revokedAccessToken } from "./errors"

function bearerToken(req: SandboxRequest): string | undefined {
  const match = /^bearer\s+(\S+)\s*$/i.exec(req.headers["authorization"] ?? "")
  return match ? match[1] : undefined
}

/** The LinkedIn token behind the request, or the 401 LinkedIn answers (65600 / 65601 / 65602). */
export function authenticate(req: SandboxRequest, ctx: SandboxContext): TokenFixture | SandboxReply {
  const token = ctx.findToken(bearerToken(req))
  if (!token || token.family !== "linkedin") return invalidAccessToken()
  if (token.revoked) return revokedAccessToken()
  if (token.expires_at !== undefined && token.expires_at <= ctx.now()) return expiredAccessToken()
  return token
}

/** Undefined permissions mean every scope was granted. */
export function hasAnyScope(token: TokenFixture, scopes: readonly string[]): boolean {
  return !token.permissions || scopes.some((s) => token.permissions?.includes(s))
}
