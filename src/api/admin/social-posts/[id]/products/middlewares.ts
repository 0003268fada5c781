import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminGetSocialPostProductsQuery, AdminUpdateSocialPostProducts } from "./validators"

export const socialPostProductsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/social-posts/:id/products",
    middlewares: [validateAndTransformQuery(AdminGetSocialPostProductsQuery, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/social-posts/:id/products",
    middlewares: [validateAndTransformBody(AdminUpdateSocialPostProducts)],
  },
]
