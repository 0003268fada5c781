import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import {
  AdminCreateSocialPost,
  AdminGetSocialPostQuery,
  AdminListSocialPostsQuery,
  AdminUpdateSocialPost,
} from "./validators"

export const socialPostsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/social-posts",
    middlewares: [validateAndTransformQuery(AdminListSocialPostsQuery, { isList: true })],
  },
  {
    method: ["POST"],
    matcher: "/admin/social-posts",
    middlewares: [validateAndTransformBody(AdminCreateSocialPost)],
  },
  {
    method: ["GET", "DELETE"],
    matcher: "/admin/social-posts/:id",
    middlewares: [validateAndTransformQuery(AdminGetSocialPostQuery, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/social-posts/:id",
    middlewares: [validateAndTransformBody(AdminUpdateSocialPost)],
  },
]
