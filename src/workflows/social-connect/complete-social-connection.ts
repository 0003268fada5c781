import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { completeOAuthCallbackStep, type CompleteOAuthCallbackInput } from "./steps/complete-oauth-callback"

export const COMPLETE_SOCIAL_CONNECTION_WORKFLOW = "complete-social-connection"

/** The platform redirected back: code → accounts, kept as a pending connection. */
export const completeSocialConnectionWorkflow = createWorkflow(COMPLETE_SOCIAL_CONNECTION_WORKFLOW, (input: CompleteOAuthCallbackInput) => {
  return new WorkflowResponse(completeOAuthCallbackStep(input))
})
