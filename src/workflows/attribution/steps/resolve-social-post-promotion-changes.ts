import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { resolveLinkChanges, type LinkChanges, type LinkChangesInput } from "../../utils/resolve-link-changes"

export const RESOLVE_SOCIAL_POST_PROMOTION_CHANGES_STEP = "resolve-social-post-promotion-changes"

export type SocialPostPromotionChangesInput = LinkChangesInput
export type SocialPostPromotionChanges = LinkChanges

type PromotionWithPost = { id: string; code?: string | null; social_post?: { id: string } | null }

/**
 * Checks the post and the promotions exist and keeps only real changes. A
 * promotion credits one post (one post per order), so one already linked to
 * another post is refused rather than silently moved. Read-only: nothing to undo.
 */
export const resolveSocialPostPromotionChangesStep = createStep(
  RESOLVE_SOCIAL_POST_PROMOTION_CHANGES_STEP,
  async (input: SocialPostPromotionChangesInput, { container }) => {
    const changes: SocialPostPromotionChanges = await resolveLinkChanges<PromotionWithPost>(container, input, {
      relation: "promotions",
      entity: "promotion",
      fields: ["code", "social_post.id"],
      refuse: (toAdd, postId) => {
        const taken = toAdd.filter((p) => p.social_post?.id && p.social_post.id !== postId)
        if (taken.length) {
          throw new MedusaError(
            MedusaError.Types.INVALID_DATA,
            `add: promotion ${taken.map((p) => p.code ?? p.id).join(", ")} is already linked to another post; unlink it there first`
          )
        }
      },
    })
    return new StepResponse(changes)
  }
)
