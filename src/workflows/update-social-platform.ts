import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateSocialPlatformStep, UpdateSocialPlatformStepInput } from "./steps/update-social-platform"

export const UPDATE_SOCIAL_PLATFORM_WORKFLOW = "update-social-platform"

/** Edits a connected account; sending a new access token reconnects it. */
export const updateSocialPlatformWorkflow = createWorkflow(
  UPDATE_SOCIAL_PLATFORM_WORKFLOW,
  (input: UpdateSocialPlatformStepInput) => new WorkflowResponse(updateSocialPlatformStep(input))
)
