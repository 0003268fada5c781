import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import {
  AdminCreateSocialPlatform,
  AdminGetSocialPlatformQuery,
  AdminListSocialPlatformsQuery,
  AdminUpdateSocialPlatform,
} from "./validators"

export const socialPlatformsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/social-platforms",
    middlewares: [validateAndTransformQuery(AdminListSocialPlatformsQuery, { isList: true })],
  },
  {
    method: ["POST"],
    matcher: "/admin/social-platforms",
    middlewares: [validateAndTransformBody(AdminCreateSocialPlatform)],
  },
  {
    method: ["GET", "DELETE"],
    matcher: "/admin/social-platforms/:id",
    middlewares: [validateAndTransformQuery(AdminGetSocialPlatformQuery, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/social-platforms/:id",
    middlewares: [validateAndTransformBody(AdminUpdateSocialPlatform)],
  },
]
