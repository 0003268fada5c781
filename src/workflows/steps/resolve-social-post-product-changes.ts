import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const RESOLVE_SOCIAL_POST_PRODUCT_CHANGES_STEP = "resolve-social-post-product-changes"

export type SocialPostProductChangesInput = { post_id: string; add?: string[]; remove?: string[] }
export type SocialPostProductChanges = { post_id: string; add: string[]; remove: string[] }

/**
 * Checks the post and the products to add exist, and keeps only real changes:
 * products already linked are not linked twice, products not linked are not
 * unlinked. Read-only, so nothing to compensate.
 */
export const resolveSocialPostProductChangesStep = createStep(
  RESOLVE_SOCIAL_POST_PRODUCT_CHANGES_STEP,
  async (input: SocialPostProductChangesInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const add = [...new Set(input.add ?? [])]
    const remove = [...new Set(input.remove ?? [])]
    const both = add.filter((id) => remove.includes(id))
    if (both.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `add and remove both contain ${both.join(", ")}`)
    }

    const { data: posts } = await query.graph({
      entity: "social_post",
      fields: ["id", "products.id"],
      filters: { id: input.post_id },
    })
    const post = posts[0] as { id: string; products?: ({ id: string } | null)[] } | undefined
    if (!post) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Social post with id: ${input.post_id} was not found`)
    }
    const linked = new Set((post.products ?? []).flatMap((p) => (p ? [p.id] : [])))

    const toAdd = add.filter((id) => !linked.has(id))
    if (toAdd.length) {
      const { data: products } = await query.graph({ entity: "product", fields: ["id"], filters: { id: toAdd } })
      const found = new Set(products.map((p: { id: string }) => p.id))
      const missing = toAdd.filter((id) => !found.has(id))
      if (missing.length) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `add: no product with id ${missing.join(", ")}`)
      }
    }
    const changes: SocialPostProductChanges = {
      post_id: post.id,
      add: toAdd,
      remove: remove.filter((id) => linked.has(id)),
    }
    return new StepResponse(changes)
  }
)
