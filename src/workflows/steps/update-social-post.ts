import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { resolveSocials } from "./resolve-socials"
import { loadPlatformForPost } from "./validate-post-platform"
import { asJsonColumn, CreateSocialPostStepInput } from "./create-social-post"

export type UpdateSocialPostStepInput = { id: string } & Partial<CreateSocialPostStepInput>

export const UPDATE_SOCIAL_POST_STEP = "update-social-post"

/**
 * Updates a post. `insights` is merged key by key (null removes an id), so an edit
 * never drops synced metrics. Reports whether the post has just become `posted`.
 */
export const updateSocialPostStep = createStep(
  UPDATE_SOCIAL_POST_STEP,
  async (input: UpdateSocialPostStepInput, { container }) => {
    const socials = resolveSocials(container)
    const previous = await socials.retrieveSocialPost(input.id)
    const platformId = input.platform_id ?? (previous as { platform_id: string }).platform_id
    await loadPlatformForPost(socials, platformId, input.insights)

    const { posted_at, insights, media_attachments, ...rest } = input
    const mergedInsights = { ...((previous.insights as Record<string, unknown>) ?? {}) }
    for (const [key, value] of Object.entries(insights ?? {})) {
      if (value === null) {
        delete mergedInsights[key]
      } else if (value !== undefined) {
        mergedInsights[key] = value
      }
    }
    const becamePosted = previous.status !== "posted" && input.status === "posted"
    const post = await socials.updateSocialPosts({
      ...rest,
      ...(posted_at !== undefined ? { posted_at: posted_at ? new Date(posted_at) : null } : {}),
      ...(becamePosted && !posted_at && !previous.posted_at ? { posted_at: new Date() } : {}),
      ...(media_attachments !== undefined ? { media_attachments: asJsonColumn(media_attachments) } : {}),
      ...(insights ? { insights: mergedInsights } : {}),
    })
    return new StepResponse({ post, becamePosted }, previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const { platform: _p, created_at: _c, updated_at: _u, deleted_at: _d, ...restorable } = previous
    await resolveSocials(container).updateSocialPosts(restorable)
  }
)
