import { z } from "@medusajs/framework/zod"

export const AdminImportPostsBody = z
  .object({
    limit: z.number().int().min(1).max(500).optional(),
    since: z.string().datetime({ offset: true, message: "since must be an ISO 8601 date-time" }).optional(),
    cursor: z.string().min(1).max(2000).nullish(),
  })
  .strict()
export type AdminImportPostsBodyType = z.infer<typeof AdminImportPostsBody>

export const AdminImportEstimateQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).optional() }).strict()
export type AdminImportEstimateQueryType = z.infer<typeof AdminImportEstimateQuery>
