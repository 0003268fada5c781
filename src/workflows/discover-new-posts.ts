import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { discoverNewPostsStep } from "./steps/discover-new-posts"

export const DISCOVER_NEW_POSTS_WORKFLOW = "discover-new-posts"

/** The hourly discovery: each active account's posts published since its newest known one (docs/connecting-accounts.md). */
export const discoverNewPostsWorkflow = createWorkflow(DISCOVER_NEW_POSTS_WORKFLOW, (input: { limit?: number }) => {
  return new WorkflowResponse(discoverNewPostsStep(input))
})
