import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import SocialsModule from "../modules/socials"

/**
 * A post promotes products, and a product is promoted by posts: many-to-many,
 * so both sides are lists (`product.social_posts`, `social_post.products`).
 * The link table is created by `medusa db:migrate` (link sync); no migration file.
 */
export default defineLink(
  { linkable: SocialsModule.linkable.socialPost, isList: true },
  { linkable: ProductModule.linkable.product, isList: true }
)
