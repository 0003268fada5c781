import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"

export const AdminGetProductSocialPostsQuery = z.object({}).strict()

export const productSocialPostsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/products/:id/social-posts",
    middlewares: [validateAndTransformQuery(AdminGetProductSocialPostsQuery, {})],
  },
]
