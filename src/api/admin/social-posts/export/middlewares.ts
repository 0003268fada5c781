import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminExportSocialPostsQuery } from "./validators"

export const socialPostsExportMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/social-posts/export",
    middlewares: [validateAndTransformQuery(AdminExportSocialPostsQuery, {})],
  },
]
