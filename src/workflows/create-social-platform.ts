import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createSocialPlatformStep, CreateSocialPlatformStepInput } from "./steps/create-social-platform"

export const CREATE_SOCIAL_PLATFORM_WORKFLOW = "create-social-platform"

/** Connects a social account; its tokens are encrypted before they are stored. */
export const createSocialPlatformWorkflow = createWorkflow(
  CREATE_SOCIAL_PLATFORM_WORKFLOW,
  (input: CreateSocialPlatformStepInput) => new WorkflowResponse(createSocialPlatformStep(input))
)
