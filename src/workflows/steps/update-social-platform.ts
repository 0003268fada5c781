import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { resolveSocials } from "./resolve-socials"
import { CreateSocialPlatformStepInput } from "./create-social-platform"
import { StoredApiConfig } from "../../modules/socials/utils/api-config"
import { keepPluginMetadata } from "../../modules/socials/utils/platform-metadata"

export type UpdateSocialPlatformStepInput = { id: string } & Partial<CreateSocialPlatformStepInput>

export const UPDATE_SOCIAL_PLATFORM_STEP = "update-social-platform"

/**
 * Updates a platform. New tokens are sealed and merged over the stored ones, so
 * editing the name never drops a token; saved metadata keeps the plugin's own keys
 * (discovery's place). Compensation restores the previous row.
 */
export const updateSocialPlatformStep = createStep(
  UPDATE_SOCIAL_PLATFORM_STEP,
  async (input: UpdateSocialPlatformStepInput, { container }) => {
    const socials = resolveSocials(container)
    const previous = await socials.retrieveSocialPlatform(input.id)
    const { api_config, metadata: savedMetadata, ...rest } = input
    // The merchant's metadata replaces theirs, not the plugin's own state in it (undefined: nothing to change).
    const metadata = keepPluginMetadata(previous.metadata, savedMetadata)
    const update = {
      ...rest,
      ...(metadata !== undefined ? { metadata } : {}),
      // A new access token is a reconnect: the account is usable again unless told otherwise.
      ...(api_config?.access_token && !rest.status && previous.status === "needs_reconnect" ? { status: "active" as const } : {}),
      ...(api_config
        ? { api_config: socials.sealApiConfig(api_config, input.id, previous.api_config as StoredApiConfig | null) }
        : {}),
    }
    const platform = await socials.updateSocialPlatforms(update)
    return new StepResponse(platform, previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const { posts: _posts, created_at: _c, updated_at: _u, deleted_at: _d, ...restorable } = previous
    await resolveSocials(container).updateSocialPlatforms(restorable)
  }
)
