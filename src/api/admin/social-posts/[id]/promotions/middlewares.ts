import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminGetSocialPostPromotionsQuery, AdminUpdateSocialPostPromotions } from "./validators"

export const socialPostPromotionsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/social-posts/:id/promotions",
    middlewares: [validateAndTransformQuery(AdminGetSocialPostPromotionsQuery, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/social-posts/:id/promotions",
    middlewares: [validateAndTransformBody(AdminUpdateSocialPostPromotions)],
  },
]
