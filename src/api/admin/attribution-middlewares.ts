import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { rejectNulCharacters } from "../utils/reject-nul-characters"

const NoQuery = z.object({}).strict()

/** The attribution routes that live under Medusa's own resources (orders, products). */
export const attributionWidgetMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/orders/:id/social-attribution",
    middlewares: [rejectNulCharacters, validateAndTransformQuery(NoQuery, {})],
  },
  {
    method: ["GET"],
    matcher: "/admin/products/:id/social-sales",
    middlewares: [rejectNulCharacters, validateAndTransformQuery(NoQuery, {})],
  },
]
