import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createOAuthStateStep } from "./steps/create-oauth-state"

export const START_SOCIAL_CONNECTION_WORKFLOW = "start-social-connection"

/** "Connect" clicked: a single-use state bound to the admin, and where to send the browser. */
export const startSocialConnectionWorkflow = createWorkflow(START_SOCIAL_CONNECTION_WORKFLOW, (input: { provider: string; user_id: string }) => {
  return new WorkflowResponse(createOAuthStateStep(input))
})
