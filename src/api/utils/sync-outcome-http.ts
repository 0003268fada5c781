import type { PostSyncOutcome } from "../../modules/socials/services/post-insights-service"

/**
 * HTTP status for a single-post sync. Platform auth failures map to 422, never
 * 401/403: the admin dashboard treats those as the admin's own session ending.
 */
export function httpStatusForOutcome(outcome: PostSyncOutcome): number {
  if (outcome.status === "success" || outcome.status === "partial") {
    return 200
  }
  switch (outcome.code) {
    case "fresh":
      return 200
    case "sync_in_progress":
      return 409
    case "not_posted":
    case "missing_platform_post_id":
      return 400
    case "rate_limited":
      return 429
    default:
      return 422
  }
}
