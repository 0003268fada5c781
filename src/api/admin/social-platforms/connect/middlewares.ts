import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminConnectAccountsBody } from "./validators"
import { AdminImportPostsBody } from "../[id]/import-posts/validators"

export const socialConnectMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/social-platforms/connections/:connection_id/accounts",
    middlewares: [validateAndTransformBody(AdminConnectAccountsBody)],
  },
  {
    method: ["POST"],
    matcher: "/admin/social-platforms/:id/import-posts",
    middlewares: [validateAndTransformBody(AdminImportPostsBody)],
  },
]
