import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { connectChosenAccountsStep, type ConnectChosenAccountsInput } from "./steps/connect-chosen-accounts"

export const CONNECT_SOCIAL_ACCOUNTS_WORKFLOW = "connect-social-accounts"

/** The admin picked accounts of a pending connection: create or reconnect them. */
export const connectSocialAccountsWorkflow = createWorkflow(CONNECT_SOCIAL_ACCOUNTS_WORKFLOW, (input: ConnectChosenAccountsInput) => {
  return new WorkflowResponse(connectChosenAccountsStep(input))
})
