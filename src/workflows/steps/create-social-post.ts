import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { resolveSocials } from "./resolve-socials"
import { loadPlatformForPost } from "./validate-post-platform"

export type CreateSocialPostStepInput = {
  platform_id: string
  name?: string | null
  caption?: string | null
  status?: "draft" | "scheduled" | "posted" | "failed" | "archived"
  post_url?: string | null
  posted_at?: string | null
  media_type?: "IMAGE" | "VIDEO" | "CAROUSEL_ALBUM" | "REELS" | "STORY" | "TEXT" | null
  media_attachments?: Record<string, unknown>[] | null
  insights?: Record<string, string | null | undefined>
  metadata?: Record<string, unknown> | null
}

export const CREATE_SOCIAL_POST_STEP = "create-social-post"

/** Creates a post on an existing platform; compensation deletes it. */
export const createSocialPostStep = createStep(
  CREATE_SOCIAL_POST_STEP,
  async (input: CreateSocialPostStepInput, { container }) => {
    const socials = resolveSocials(container)
    await loadPlatformForPost(socials, input.platform_id, input.insights)
    const { posted_at, insights, media_attachments, ...rest } = input
    const post = await socials.createSocialPosts({
      ...rest,
      posted_at: posted_at ? new Date(posted_at) : posted_at === null ? null : undefined,
      // A post recorded as already published without a date is taken as published now.
      ...(rest.status === "posted" && !posted_at ? { posted_at: new Date() } : {}),
      media_attachments: asJsonColumn(media_attachments),
      insights: withoutNulls(insights ?? {}),
    })
    return new StepResponse(post, post.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await resolveSocials(container).deleteSocialPosts(id)
  }
)

export function withoutNulls(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null && v !== undefined))
}

/** JSON columns are typed as objects by the DML, but a JSON array is stored as is. */
export function asJsonColumn(value: Record<string, unknown>[] | null | undefined) {
  return value as unknown as Record<string, unknown> | null | undefined
}
