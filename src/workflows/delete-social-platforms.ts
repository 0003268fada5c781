import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteSocialPlatformsStep } from "./steps/delete-social-platforms"

export const DELETE_SOCIAL_PLATFORMS_WORKFLOW = "delete-social-platforms"

/** Disconnects accounts and removes their posts (soft delete). */
export const deleteSocialPlatformsWorkflow = createWorkflow(
  DELETE_SOCIAL_PLATFORMS_WORKFLOW,
  (input: { ids: string[] }) => new WorkflowResponse(deleteSocialPlatformsStep(input.ids))
)
