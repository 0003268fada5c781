import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { platformFacts } from "../../modules/socials/platforms/catalog"
import { resolvePostUrl } from "../../modules/socials/services/resolve-post-url"
import type { PlatformRecord } from "../../modules/socials/services/sync-persistence"
import type { CreateSocialPostStepInput } from "./create-social-post"
import { resolveSocials } from "./resolve-socials"
import { loadPlatformForPost } from "./validate-post-platform"

export const RESOLVE_POST_URL_STEP = "resolve-post-url"

/**
 * A post given by its URL alone (no platform post id): fills the id from the URL
 * or the account's listing, and what the platform knows (caption, publish time,
 * media type, permalink) where the admin left it empty. With a manual id (the
 * Advanced fields) or no URL, the input passes through untouched. Reads only.
 */
export const resolvePostUrlStep = createStep(RESOLVE_POST_URL_STEP, async (input: CreateSocialPostStepInput, { container }) => {
  const hasId = Object.values(input.insights ?? {}).some((v) => !!v)
  if (!input.post_url || hasId) return new StepResponse(input)
  const socials = resolveSocials(container)
  const platform = await loadPlatformForPost(socials, input.platform_id)
  const post = await resolvePostUrl({ socials, logger: container.resolve(ContainerRegistrationKeys.LOGGER) }, platform as unknown as PlatformRecord, input.post_url)
  return new StepResponse({
    ...input,
    name: input.name ?? (post.caption ? post.caption.split("\n")[0].slice(0, 80) : null),
    caption: input.caption ?? post.caption ?? null,
    status: input.status ?? "posted",
    post_url: post.permalink ?? input.post_url,
    posted_at: input.posted_at ?? post.postedAt ?? null,
    media_type: input.media_type ?? post.mediaType ?? null,
    insights: { ...input.insights, [platformFacts(platform.provider).postIdField]: post.platformPostId },
  })
})
