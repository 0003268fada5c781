import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { resolveSocials } from "./resolve-socials"

export const DELETE_SOCIAL_POSTS_STEP = "delete-social-posts"

/** Soft-deletes posts; compensation restores them. */
export const deleteSocialPostsStep = createStep(
  DELETE_SOCIAL_POSTS_STEP,
  async (ids: string[], { container }) => {
    await resolveSocials(container).softDeleteSocialPosts(ids)
    return new StepResponse(void 0, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await resolveSocials(container).restoreSocialPosts(ids)
  }
)
