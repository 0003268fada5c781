import { defineLink } from "@medusajs/framework/utils"
import PromotionModule from "@medusajs/medusa/promotion"
import SocialsModule from "../modules/socials"

/**
 * Promotion codes handed out in a post: an order that used one is credited to the
 * post (docs/attribution.md). A post has many promotions (`social_post.promotions`);
 * a promotion belongs to at most one post (`promotion.social_post`), which the
 * link workflow enforces. Created by `medusa db:migrate` (link sync).
 */
export default defineLink(SocialsModule.linkable.socialPost, {
  linkable: PromotionModule.linkable.promotion,
  isList: true,
})
