import { expiredToken, graphError, invalidToken, isGraphError, missingToken, revokedToken, type GraphError } from "../meta/graph-errors"
import type { ThreadsFixtures, ThreadsTokenFixture } from "./types"

/** The three scopes a read-only insights app asks for (platform-onboarding §6.1). */
export const THREADS_READ_SCOPES = ["threads_basic", "threads_manage_insights", "threads_read_replies"] as const

/** Threads takes the token as `access_token` (its docs) or, like every Graph host, a Bearer header. */
export function tokenOf(query: URLSearchParams, headers: Record<string, string | undefined>): string | undefined {
  const fromQuery = query.get("access_token")
  if (fromQuery) return fromQuery
  const match = /^(?:bearer|oauth)\s+(\S+)$/i.exec((headers["authorization"] ?? "").trim())
  return match?.[1]
}

/** Graph's token answers (platform-apis §3.3): unknown 190/467, revoked 190/467, expired 190/463. */
export function authenticate(fixtures: ThreadsFixtures, value: string | undefined, now: number): ThreadsTokenFixture | GraphError {
  if (!value) return missingToken()
  const token = fixtures.tokens.find((t) => t.token === value)
  if (!token) return invalidToken()
  if (token.revoked) return revokedToken()
  if (token.expires_at !== undefined && token.expires_at <= now) return expiredToken(token.expires_at, now)
  return token
}

export function hasScope(token: ThreadsTokenFixture, scope: string): boolean {
  const granted: readonly string[] = token.permissions ?? THREADS_READ_SCOPES
  return granted.includes(scope)
}

/** UNCONFIRMED wording: Graph's "(#10) Requires … permission" shape, naming the Threads scope. */
export function missingScope(scope: string): GraphError {
  return graphError(10, `(#10) Requires ${scope} permission`, { status: 403 })
}

/** The scope an edge needs, refused as Graph does; undefined when granted. */
export function requireScope(token: ThreadsTokenFixture, scope: string): GraphError | undefined {
  return hasScope(token, scope) ? undefined : missingScope(scope)
}

export { isGraphError }
