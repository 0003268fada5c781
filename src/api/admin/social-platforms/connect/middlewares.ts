import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminConnectAccountsBody } from "./validators"

export const socialConnectMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/social-platforms/connections/:connection_id/accounts",
    middlewares: [validateAndTransformBody(AdminConnectAccountsBody)],
  },
]
