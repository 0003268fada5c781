import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteSocialPostsStep } from "./steps/delete-social-posts"

export const DELETE_SOCIAL_POSTS_WORKFLOW = "delete-social-posts"

/** Removes posts (soft delete). */
export const deleteSocialPostsWorkflow = createWorkflow(
  DELETE_SOCIAL_POSTS_WORKFLOW,
  (input: { ids: string[] }) => new WorkflowResponse(deleteSocialPostsStep(input.ids))
)
