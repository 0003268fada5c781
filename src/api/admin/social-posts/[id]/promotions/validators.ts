import { z } from "@medusajs/framework/zod"

const promotionIds = (field: string) =>
  z
    .array(z.string().trim().min(1, `${field} must not contain empty ids`).max(100), { message: `${field} must be a list of promotion ids` })
    .max(100, `${field} accepts at most 100 promotion ids`)

export const AdminUpdateSocialPostPromotions = z
  .object({ add: promotionIds("add").optional(), remove: promotionIds("remove").optional() })
  .strict()
export type AdminUpdateSocialPostPromotionsType = z.infer<typeof AdminUpdateSocialPostPromotions>

export const AdminGetSocialPostPromotionsQuery = z.object({}).strict()
