import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { resolveSocials } from "./resolve-socials"
import { ApiConfigInput } from "../../modules/socials/utils/api-config"
import type { SocialPlatform } from "../../modules/socials/platforms/catalog"

export type CreateSocialPlatformStepInput = {
  name: string
  provider: SocialPlatform
  account_id?: string | null
  api_config?: ApiConfigInput
  status?: "active" | "needs_reconnect" | "disabled"
  metadata?: Record<string, unknown> | null
}

export const CREATE_SOCIAL_PLATFORM_STEP = "create-social-platform"

/** Creates a platform with its tokens sealed; compensation deletes it. */
export const createSocialPlatformStep = createStep(
  CREATE_SOCIAL_PLATFORM_STEP,
  async (input: CreateSocialPlatformStepInput, { container }) => {
    const socials = resolveSocials(container)
    const { api_config, ...rest } = input
    // Tokens are bound to their row, so the id is chosen before the insert.
    const platform = await socials.createSocialPlatforms({ ...rest, ...socials.sealForNewPlatform(api_config) })
    return new StepResponse(platform, platform.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await resolveSocials(container).deleteSocialPlatforms(id)
  }
)
