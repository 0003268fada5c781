import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createSocialPostStep, CreateSocialPostStepInput } from "./steps/create-social-post"
import { resolvePostUrlStep } from "./steps/resolve-post-url"
import { SOCIAL_POST_PUBLISHED_EVENT } from "./events"

export const CREATE_SOCIAL_POST_WORKFLOW = "create-social-post"

/** Records a post (by its platform ids, or by its URL); one created as `posted` emits social_post.published. */
export const createSocialPostWorkflow = createWorkflow(
  CREATE_SOCIAL_POST_WORKFLOW,
  (input: CreateSocialPostStepInput) => {
    // A post added by its URL gets its platform id (and caption, time) from the platform first.
    const resolved = resolvePostUrlStep(input)
    const post = createSocialPostStep(resolved)
    when({ post }, ({ post }) => post.status === "posted").then(() => {
      emitEventStep({
        eventName: SOCIAL_POST_PUBLISHED_EVENT,
        data: transform({ post }, ({ post }) => ({ id: post.id })),
      })
    })
    return new WorkflowResponse(post)
  }
)
