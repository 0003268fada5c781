import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import {
  AdminCreateSocialPost,
  AdminListSnapshotsQuery,
  AdminSyncAllInsightsBody,
  AdminSyncAllInsightsParams,
  AdminSyncPostInsightsQuery,
  AdminGetSocialPostQuery,
  AdminListSocialPostsQuery,
  AdminUpdateSocialPost,
} from "./validators"

/** "/admin/social-posts/:id" without also matching the static routes beside it (bulk sync, export). */
const POST_ID_ROUTE = /^\/admin\/social-posts\/(?!(?:sync-all-insights|export)$)[^/]+$/

export const socialPostsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/social-posts/sync-all-insights",
    middlewares: [
      validateAndTransformQuery(AdminSyncAllInsightsParams, {}),
      validateAndTransformBody(AdminSyncAllInsightsBody),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/social-posts/:id/sync-insights",
    middlewares: [validateAndTransformQuery(AdminSyncPostInsightsQuery, {})],
  },
  {
    method: ["GET"],
    matcher: "/admin/social-posts/:id/insights-snapshots",
    middlewares: [validateAndTransformQuery(AdminListSnapshotsQuery, {})],
  },
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
    matcher: POST_ID_ROUTE,
    middlewares: [validateAndTransformQuery(AdminGetSocialPostQuery, {})],
  },
  {
    method: ["POST"],
    matcher: POST_ID_ROUTE,
    middlewares: [validateAndTransformBody(AdminUpdateSocialPost)],
  },
]
