import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminGetSocialPostSalesQuery } from "./validators"

export const socialPostSalesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/social-posts/:id/sales",
    middlewares: [validateAndTransformQuery(AdminGetSocialPostSalesQuery, {})],
  },
]
