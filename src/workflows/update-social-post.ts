import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { updateSocialPostStep, UpdateSocialPostStepInput } from "./steps/update-social-post"
import { SOCIAL_POST_PUBLISHED_EVENT } from "./events"

export const UPDATE_SOCIAL_POST_WORKFLOW = "update-social-post"

/** Edits a post; moving it to `posted` emits social_post.published. */
export const updateSocialPostWorkflow = createWorkflow(
  UPDATE_SOCIAL_POST_WORKFLOW,
  (input: UpdateSocialPostStepInput) => {
    const result = updateSocialPostStep(input)
    when({ result }, ({ result }) => result.becamePosted).then(() => {
      emitEventStep({
        eventName: SOCIAL_POST_PUBLISHED_EVENT,
        data: transform({ result }, ({ result }) => ({ id: result.post.id })),
      })
    })
    return new WorkflowResponse(transform({ result }, ({ result }) => result.post))
  }
)
