import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { syncPostsInsightsStep } from "./steps/sync-posts-insights"
import { emitInsightsSyncedStep } from "./steps/emit-insights-synced"

export const SYNC_POST_INSIGHTS_WORKFLOW = "sync-post-insights"

export type SyncPostInsightsWorkflowInput = { id: string; force?: boolean }

/**
 * Syncs one post's insights from its platform (and, for a post cross-published
 * through Meta, from both Facebook and Instagram). Returns the post's outcome:
 * success, partial, failed (with a reason) or skipped (fresh, locked, not posted).
 */
export const syncPostInsightsWorkflow = createWorkflow(
  SYNC_POST_INSIGHTS_WORKFLOW,
  (input: SyncPostInsightsWorkflowInput) => {
    const stepInput = transform({ input }, ({ input }) => ({ ids: [input.id], force: input.force, mode: "single" as const }))
    const outcomes = syncPostsInsightsStep(stepInput)
    emitInsightsSyncedStep(outcomes)
    return new WorkflowResponse(transform({ outcomes }, ({ outcomes }) => outcomes[0]))
  }
)
