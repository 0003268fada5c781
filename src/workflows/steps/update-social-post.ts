import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { resolveSocials } from "./resolve-socials"
import { loadPlatformForPost } from "./validate-post-platform"
import { asJsonColumn, CreateSocialPostStepInput } from "./create-social-post"
import type { InsightsPatch } from "../../modules/socials/services/insights-patch"

export type UpdateSocialPostStepInput = { id: string } & Partial<CreateSocialPostStepInput>

export const UPDATE_SOCIAL_POST_STEP = "update-social-post"

/**
 * Updates a post. `insights` keys (the platform post ids) are patched in one
 * statement over the stored JSON (null removes an id), so an edit never drops
 * synced metrics nor writes back older ones a sync replaced meanwhile. A posted
 * post whose ids changed is due for a sync now. Reports whether the post has just
 * become `posted`.
 */
export const updateSocialPostStep = createStep(
  UPDATE_SOCIAL_POST_STEP,
  async (input: UpdateSocialPostStepInput, { container }) => {
    const socials = resolveSocials(container)
    const previous = await socials.retrieveSocialPost(input.id)
    const platformId = input.platform_id ?? (previous as { platform_id: string }).platform_id
    await loadPlatformForPost(socials, platformId, input.insights)

    const { posted_at, insights, media_attachments, ...rest } = input
    const stored = (previous.insights as Record<string, unknown> | null) ?? {}
    const patch = patchFromInput(insights ?? {})
    const idsChanged = patch.unset.some((key) => key in stored) || Object.entries(patch.set).some(([k, v]) => stored[k] !== v)
    const becamePosted = previous.status !== "posted" && input.status === "posted"
    const posted = (input.status ?? previous.status) === "posted"
    await socials.updateSocialPosts({
      ...rest,
      ...(posted_at !== undefined ? { posted_at: posted_at ? new Date(posted_at) : null } : {}),
      ...(becamePosted && !posted_at && !previous.posted_at ? { posted_at: new Date() } : {}),
      ...(media_attachments !== undefined ? { media_attachments: asJsonColumn(media_attachments) } : {}),
      // A new or changed id gives the scheduler something to do (a post without one was left off it),
      // as soon as the post is no longer fresh.
      ...(idsChanged && posted ? { next_sync_at: dueAfterEdit(previous.insights_synced_at, socials.config.freshnessWindowMs) } : {}),
    })
    if (idsChanged) {
      await socials.patchSocialPostInsights(input.id, patch)
    }
    const post = await socials.retrieveSocialPost(input.id)
    // Undo puts back only the keys this edit touched, as they were.
    const undo: InsightsPatch = {
      set: Object.fromEntries([...patch.unset, ...Object.keys(patch.set)].filter((k) => k in stored).map((k) => [k, stored[k]])),
      unset: Object.keys(patch.set).filter((k) => !(k in stored)),
    }
    return new StepResponse({ post, becamePosted }, { previous, undo: idsChanged ? undo : null })
  },
  async (compensation, { container }) => {
    if (!compensation) {
      return
    }
    const { platform: _p, created_at: _c, updated_at: _u, deleted_at: _d, insights: _i, ...restorable } = compensation.previous
    const socials = resolveSocials(container)
    await socials.updateSocialPosts(restorable)
    if (compensation.undo) {
      await socials.patchSocialPostInsights(compensation.previous.id, compensation.undo)
    }
  }
)

function dueAfterEdit(syncedAt: Date | string | null, freshnessWindowMs: number): Date {
  const freshUntil = syncedAt ? new Date(syncedAt).getTime() + freshnessWindowMs : 0
  return new Date(Math.max(Date.now(), freshUntil))
}

/** The edit's `insights` as a patch: a string sets an id, null removes it, undefined leaves it. */
function patchFromInput(insights: Record<string, string | null | undefined>): InsightsPatch {
  const set: Record<string, unknown> = {}
  const unset: string[] = []
  for (const [key, value] of Object.entries(insights)) {
    if (value === null) {
      unset.push(key)
    } else if (value !== undefined) {
      set[key] = value
    }
  }
  return { set, unset }
}
