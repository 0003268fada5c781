import type { PostInsights } from "../insights/schema"
import type { SyncMode } from "../platforms/types"

export type { SyncMode }

/** One post's sync as callers (routes, workflows, jobs) see it. */
export type PostSyncOutcome = {
  postId: string
  /** The post's platform record (absent when the post itself was not found). */
  platformId?: string
  status: "success" | "partial" | "failed" | "skipped"
  /** Stable machine code for failures and skips (see docs/POST_INSIGHTS_SYNC.md). */
  code?: string
  error?: string
  retryAfterMs?: number
  insights?: PostInsights
}
