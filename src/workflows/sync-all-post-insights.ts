import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { selectPostsForSyncStep, SelectPostsForSyncInput } from "./steps/select-posts-for-sync"
import { syncPostsInsightsStep } from "./steps/sync-posts-insights"
import { emitInsightsSyncedStep } from "./steps/emit-insights-synced"
import { summarizeOutcomes } from "./utils/summarize-outcomes"

export const SYNC_ALL_POST_INSIGHTS_WORKFLOW = "sync-all-post-insights"

export type SyncAllPostInsightsWorkflowInput = SelectPostsForSyncInput & { force?: boolean }

/**
 * Bulk sync: up to `limit` posted posts (one platform or all), oldest sync first,
 * batched per platform and account, at most `concurrency` requests in flight. One
 * post's failure never fails the batch; fresh posts are skipped unless forced.
 */
export const syncAllPostInsightsWorkflow = createWorkflow(
  SYNC_ALL_POST_INSIGHTS_WORKFLOW,
  (input: SyncAllPostInsightsWorkflowInput) => {
    const selection = selectPostsForSyncStep(input)
    const stepInput = transform({ selection, input }, ({ selection, input }) => ({
      ids: selection.ids,
      force: input.force,
      mode: "bulk" as const,
    }))
    const outcomes = syncPostsInsightsStep(stepInput)
    emitInsightsSyncedStep(outcomes)
    return new WorkflowResponse(
      transform({ outcomes, selection }, ({ outcomes, selection }) => ({
        ...summarizeOutcomes(outcomes),
        next_cursor: selection.cursor,
        /** Left for when their account's budget returns (plan_budget): not synced, not failed. */
        deferred: selection.deferred ?? 0,
      }))
    )
  }
)
