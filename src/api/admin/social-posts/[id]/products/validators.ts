import { z } from "@medusajs/framework/zod"

const productIds = (field: string) =>
  z.array(z.string().trim().min(1, `${field} must not contain empty ids`).max(100), { message: `${field} must be a list of product ids` })
    .max(100, `${field} accepts at most 100 product ids`)

export const AdminUpdateSocialPostProducts = z
  .object({ add: productIds("add").optional(), remove: productIds("remove").optional() })
  .strict()
export type AdminUpdateSocialPostProductsType = z.infer<typeof AdminUpdateSocialPostProducts>

export const AdminGetSocialPostProductsQuery = z.object({}).strict()
