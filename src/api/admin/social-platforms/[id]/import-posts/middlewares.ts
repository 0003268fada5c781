import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminImportEstimateQuery } from "./validators"

export const importPostsEstimateMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/social-platforms/:id/import-posts/estimate",
    middlewares: [validateAndTransformQuery(AdminImportEstimateQuery, {})],
  },
]
