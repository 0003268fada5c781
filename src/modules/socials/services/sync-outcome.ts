import type { PostInsights, SocialPlatform } from "../insights/schema"
import type { PostSyncResult } from "../platforms/types"
import { platformLabel } from "../platforms/catalog"
import type { PostSyncOutcome } from "./sync-types"

/** Platform error kinds -> the stable codes the API and the admin use. */
const CODE_BY_KIND: Record<string, string> = {
  auth: "token_expired",
  token_missing: "token_missing",
  token_unreadable: "token_unreadable",
  rate_limit: "rate_limited",
  permission: "permission_denied",
  not_found: "post_not_found",
  invalid_id: "invalid_media_id",
  // The platform refuses the app itself (not the account): the message says which setting to change.
  app_config: "app_misconfigured",
}

/** A post's outcome from its merged insights: the first blocking error explains a failure. */
export function outcomeFor(postId: string, merged: PostInsights, results: PostSyncResult[]): PostSyncOutcome {
  const status = merged.sync_status ?? "failed"
  if (status !== "failed") {
    return { postId, status, insights: merged }
  }
  const own = results.filter((r) => r.targetId === postId)
  const details = own.flatMap((r) => r.errors).filter((d) => d.severity !== "notice")
  const first = details[0]
  const retryAt = details.map((d) => (d.retry_after ? Date.parse(d.retry_after) : NaN)).filter((t) => !Number.isNaN(t))
  return {
    postId,
    status: "failed",
    code: first ? (CODE_BY_KIND[first.code] ?? "platform_error") : "platform_error",
    error: merged.sync_errors?.[0] ?? first?.message ?? "Insights sync failed",
    ...(retryAt.length ? { retryAfterMs: Math.max(0, Math.min(...retryAt) - Date.now()) } : {}),
    insights: merged,
  }
}

/** No token stored: fail without calling the platform, saying what to do. */
export function missingTokenResult(postId: string, platform: SocialPlatform): PostSyncResult {
  return {
    targetId: postId,
    platform,
    status: "failed",
    errors: [
      {
        section: "account",
        code: "token_missing",
        message: `No access token: reconnect your ${platformLabel(platform)} account`,
        platform,
      },
    ],
  }
}

/**
 * The stored token cannot be decrypted (SOCIALS_ENCRYPTION_KEY changed without the
 * re-encryption command): fail without calling the platform, with the decryption
 * error's message, which says what to run.
 */
export function unreadableTokenResult(postId: string, platform: SocialPlatform, message: string): PostSyncResult {
  return {
    targetId: postId,
    platform,
    status: "failed",
    errors: [{ section: "account", code: "token_unreadable", message, platform }],
  }
}
