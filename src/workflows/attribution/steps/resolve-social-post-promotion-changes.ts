import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const RESOLVE_SOCIAL_POST_PROMOTION_CHANGES_STEP = "resolve-social-post-promotion-changes"

export type SocialPostPromotionChangesInput = { post_id: string; add?: string[]; remove?: string[] }
export type SocialPostPromotionChanges = { post_id: string; add: string[]; remove: string[] }

type PromotionWithPost = { id: string; code?: string | null; social_post?: { id: string } | null }

/**
 * Checks the post and the promotions exist and keeps only real changes. A
 * promotion credits one post (one post per order), so one already linked to
 * another post is refused rather than silently moved. Read-only: nothing to undo.
 */
export const resolveSocialPostPromotionChangesStep = createStep(
  RESOLVE_SOCIAL_POST_PROMOTION_CHANGES_STEP,
  async (input: SocialPostPromotionChangesInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const add = [...new Set(input.add ?? [])]
    const remove = [...new Set(input.remove ?? [])]
    const both = add.filter((id) => remove.includes(id))
    if (both.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `add and remove both contain ${both.join(", ")}`)
    }
    const { data: posts } = await query.graph({
      entity: "social_post",
      fields: ["id", "promotions.id"],
      filters: { id: input.post_id },
    })
    const post = posts[0] as { id: string; promotions?: ({ id: string } | null)[] } | undefined
    if (!post) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Social post with id: ${input.post_id} was not found`)
    }
    const linked = new Set((post.promotions ?? []).flatMap((p) => (p ? [p.id] : [])))
    const toAdd = add.filter((id) => !linked.has(id))
    if (toAdd.length) {
      const { data } = await query.graph({ entity: "promotion", fields: ["id", "code", "social_post.id"], filters: { id: toAdd } })
      const found = new Map((data as PromotionWithPost[]).map((p) => [p.id, p]))
      const missing = toAdd.filter((id) => !found.has(id))
      if (missing.length) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `add: no promotion with id ${missing.join(", ")}`)
      }
      const taken = toAdd.map((id) => found.get(id)!).filter((p) => p.social_post?.id && p.social_post.id !== post.id)
      if (taken.length) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `add: promotion ${taken.map((p) => p.code ?? p.id).join(", ")} is already linked to another post; unlink it there first`
        )
      }
    }
    const changes: SocialPostPromotionChanges = { post_id: post.id, add: toAdd, remove: remove.filter((id) => linked.has(id)) }
    return new StepResponse(changes)
  }
)
