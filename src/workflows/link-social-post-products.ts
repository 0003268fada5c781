import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createRemoteLinkStep, dismissRemoteLinkStep } from "@medusajs/medusa/core-flows"
import { SOCIALS_MODULE } from "../modules/socials"
import {
  resolveSocialPostProductChangesStep,
  SocialPostProductChangesInput,
} from "./steps/resolve-social-post-product-changes"

export const LINK_SOCIAL_POST_PRODUCTS_WORKFLOW = "link-social-post-products"

/** Links a post to the products it promotes and unlinks others, in one go (compensated by Medusa's link steps). */
export const linkSocialPostProductsWorkflow = createWorkflow(
  LINK_SOCIAL_POST_PRODUCTS_WORKFLOW,
  (input: SocialPostProductChangesInput) => {
    const changes = resolveSocialPostProductChangesStep(input)
    const links = transform({ changes }, ({ changes }) => {
      const link = (productId: string) => ({
        [SOCIALS_MODULE]: { social_post_id: changes.post_id },
        [Modules.PRODUCT]: { product_id: productId },
      })
      return { add: changes.add.map(link), remove: changes.remove.map(link) }
    })
    dismissRemoteLinkStep(links.remove)
    createRemoteLinkStep(links.add)
    return new WorkflowResponse(changes)
  }
)
