import type { PostSyncOutcome } from "../../modules/socials/services/post-insights-service"

export type BulkSyncResult = {
  message: string
  success: number
  failed: number
  skipped: number
  total: number
  results: { postId: string; status: "success" | "failed" | "skipped"; error?: string; code?: string }[]
  /** Seconds until the earliest rate-limited platform can be called again, if any. */
  retry_after?: number
  /** Platforms whose budget ran out in this run (a scheduled run leaves them for later). */
  rate_limited_platform_ids?: string[]
}

/**
 * The spec's bulk response. `partial` counts as success (the post was synced, with
 * notes); its sections' errors are in the post's insights.
 */
export function summarizeOutcomes(outcomes: PostSyncOutcome[]): BulkSyncResult {
  const results = outcomes.map((o) => ({
    postId: o.postId,
    status: o.status === "partial" ? ("success" as const) : o.status,
    ...(o.error ? { error: o.error } : {}),
    ...(o.code ? { code: o.code } : {}),
  }))
  const count = (status: string) => results.filter((r) => r.status === status).length
  const success = count("success")
  const retryAfterMs = outcomes.map((o) => o.retryAfterMs ?? 0).filter((ms) => ms > 0)
  const rateLimited = [
    ...new Set(outcomes.filter((o) => o.code === "rate_limited" && o.platformId).map((o) => o.platformId as string)),
  ]
  return {
    message: `Synced insights for ${success} post${success === 1 ? "" : "s"}`,
    success,
    failed: count("failed"),
    skipped: count("skipped"),
    total: results.length,
    results,
    ...(retryAfterMs.length ? { retry_after: Math.ceil(Math.min(...retryAfterMs) / 1000) } : {}),
    ...(rateLimited.length ? { rate_limited_platform_ids: rateLimited } : {}),
  }
}
