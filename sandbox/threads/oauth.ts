import { randomBytes } from "node:crypto"
import { graphError, isGraphError, type GraphError } from "../meta/graph-errors"
import { authenticate } from "./auth"
import type { ThreadsFixtures } from "./types"

const DAY_MS = 86_400_000
/** 60 days, as the long-lived token endpoints answer (`expires_in` 5183944 in the docs' sample is ~60 d). */
export const THREADS_LONG_LIVED_TTL_SECONDS = 60 * 86_400

/**
 * GET /refresh_access_token?grant_type=th_refresh_token&access_token={long-lived}: a valid token at
 * least 24 h old gets a new 60-day one (platform-onboarding §6.1). Expired or revoked tokens answer
 * Graph's 190; a younger one is refused (UNCONFIRMED wording: code 10). The old token stays valid
 * until its own expiry (UNCONFIRMED).
 */
export function refreshThreadsToken(fixtures: ThreadsFixtures, query: URLSearchParams, now: number, ttlSeconds = THREADS_LONG_LIVED_TTL_SECONDS): { status: number; body: unknown } {
  if (query.get("grant_type") !== "th_refresh_token") return err(graphError(100, "(#100) Param grant_type must be th_refresh_token"))
  const holder = authenticate(fixtures, query.get("access_token") ?? undefined, now)
  if (isGraphError(holder)) return err(holder)
  if (holder.issued_at !== undefined && now - holder.issued_at < DAY_MS) {
    return err(graphError(10, "(#10) The access token must be at least 24 hours old to be refreshed", { status: 400 }))
  }
  const token = `THQVJ${randomBytes(18).toString("base64url")}`
  fixtures.tokens.push({ ...holder, token, issued_at: now, expires_at: now + ttlSeconds * 1000 })
  return { status: 200, body: { access_token: token, token_type: "bearer", expires_in: ttlSeconds } }
}

function err(e: GraphError): { status: number; body: unknown } {
  return { status: e.status, body: e.body }
}
