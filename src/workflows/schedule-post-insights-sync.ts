import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { schedulePostSyncStep } from "./steps/schedule-post-sync"

export const SCHEDULE_POST_INSIGHTS_SYNC_WORKFLOW = "schedule-post-insights-sync"

/**
 * Makes a post due for a sync after `delaySeconds` (the platform needs a moment to
 * count). The due-sync job picks it up; nothing is held in memory.
 */
export const schedulePostInsightsSyncWorkflow = createWorkflow(
  SCHEDULE_POST_INSIGHTS_SYNC_WORKFLOW,
  (input: { id: string; delaySeconds: number }) => new WorkflowResponse(schedulePostSyncStep(input))
)
