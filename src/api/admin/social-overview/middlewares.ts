import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminBestTimeQuery, AdminOverviewSettingsBody, AdminSocialOverviewQuery } from "./validators"

export const socialOverviewMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/social-overview", middlewares: [validateAndTransformQuery(AdminSocialOverviewQuery, {})] },
  { method: ["GET"], matcher: "/admin/social-overview/best-time", middlewares: [validateAndTransformQuery(AdminBestTimeQuery, {})] },
  { method: ["POST"], matcher: "/admin/social-overview/settings", middlewares: [validateAndTransformBody(AdminOverviewSettingsBody)] },
]
