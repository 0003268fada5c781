import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { refreshPlatformTokensStep } from "./steps/refresh-platform-tokens"

export const REFRESH_PLATFORM_TOKENS_WORKFLOW = "refresh-platform-tokens"

/** The daily token job: renew what can be renewed, notify the admin of what must be reconnected (docs/connecting-accounts.md). */
export const refreshPlatformTokensWorkflow = createWorkflow(REFRESH_PLATFORM_TOKENS_WORKFLOW, () => {
  return new WorkflowResponse(refreshPlatformTokensStep({}))
})
