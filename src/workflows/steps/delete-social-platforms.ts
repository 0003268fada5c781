import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { resolveSocials } from "./resolve-socials"

export const DELETE_SOCIAL_PLATFORMS_STEP = "delete-social-platforms"

/** Soft-deletes platforms and, through the cascade, their posts; compensation restores them. */
export const deleteSocialPlatformsStep = createStep(
  DELETE_SOCIAL_PLATFORMS_STEP,
  async (ids: string[], { container }) => {
    await resolveSocials(container).softDeleteSocialPlatforms(ids)
    return new StepResponse(void 0, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await resolveSocials(container).restoreSocialPlatforms(ids)
  }
)
