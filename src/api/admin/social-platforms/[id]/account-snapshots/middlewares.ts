import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminListAccountSnapshotsQuery } from "./validators"

export const accountSnapshotsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/social-platforms/:id/account-snapshots",
    middlewares: [validateAndTransformQuery(AdminListAccountSnapshotsQuery, {})],
  },
]
