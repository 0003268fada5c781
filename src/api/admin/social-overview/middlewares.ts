import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminBestTimeQuery, AdminSocialOverviewQuery } from "./validators"

export const socialOverviewMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/social-overview", middlewares: [validateAndTransformQuery(AdminSocialOverviewQuery, {})] },
  { method: ["GET"], matcher: "/admin/social-overview/best-time", middlewares: [validateAndTransformQuery(AdminBestTimeQuery, {})] },
]
