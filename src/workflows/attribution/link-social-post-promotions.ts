import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createRemoteLinkStep, dismissRemoteLinkStep } from "@medusajs/medusa/core-flows"
import { SOCIALS_MODULE } from "../../modules/socials"
import {
  resolveSocialPostPromotionChangesStep,
  type SocialPostPromotionChangesInput,
} from "./steps/resolve-social-post-promotion-changes"

export const LINK_SOCIAL_POST_PROMOTIONS_WORKFLOW = "link-social-post-promotions"

/** Links promotion codes to a post (orders using them are credited to it) and unlinks others (compensated by Medusa's link steps). */
export const linkSocialPostPromotionsWorkflow = createWorkflow(
  LINK_SOCIAL_POST_PROMOTIONS_WORKFLOW,
  (input: SocialPostPromotionChangesInput) => {
    const changes = resolveSocialPostPromotionChangesStep(input)
    const links = transform({ changes }, ({ changes }) => {
      const link = (promotionId: string) => ({
        [SOCIALS_MODULE]: { social_post_id: changes.post_id },
        [Modules.PROMOTION]: { promotion_id: promotionId },
      })
      return { add: changes.add.map(link), remove: changes.remove.map(link) }
    })
    dismissRemoteLinkStep(links.remove)
    createRemoteLinkStep(links.add)
    return new WorkflowResponse(changes)
  }
)
