import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { captureAccountSnapshotsStep } from "./steps/capture-account-snapshots"

export const CAPTURE_ACCOUNT_SNAPSHOTS_WORKFLOW = "capture-account-snapshots"

/** Today's followers of every active account, one call each (see docs/reports.md). */
export const captureAccountSnapshotsWorkflow = createWorkflow(CAPTURE_ACCOUNT_SNAPSHOTS_WORKFLOW, () => {
  return new WorkflowResponse(captureAccountSnapshotsStep({}))
})
