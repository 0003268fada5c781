import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { resolveLinkChanges, type LinkChanges, type LinkChangesInput } from "../utils/resolve-link-changes"

export const RESOLVE_SOCIAL_POST_PRODUCT_CHANGES_STEP = "resolve-social-post-product-changes"

export type SocialPostProductChangesInput = LinkChangesInput
export type SocialPostProductChanges = LinkChanges

/**
 * Checks the post and the products to add exist, and keeps only real changes:
 * products already linked are not linked twice, products not linked are not
 * unlinked. Read-only, so nothing to compensate.
 */
export const resolveSocialPostProductChangesStep = createStep(
  RESOLVE_SOCIAL_POST_PRODUCT_CHANGES_STEP,
  async (input: SocialPostProductChangesInput, { container }) => {
    const changes: SocialPostProductChanges = await resolveLinkChanges(container, input, { relation: "products", entity: "product" })
    return new StepResponse(changes)
  }
)
