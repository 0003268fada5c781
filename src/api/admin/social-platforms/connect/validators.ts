import { z } from "@medusajs/framework/zod"

export const AdminConnectAccountsBody = z
  .object({ keys: z.array(z.string().min(1).max(300)).min(1, "keys must name at least one account to connect").max(100) })
  .strict()
export type AdminConnectAccountsBodyType = z.infer<typeof AdminConnectAccountsBody>

/** What a platform may send back; anything else is ignored. */
export const AdminConnectCallbackQuery = z.looseObject({
  code: z.string().max(2000).optional(),
  state: z.string().max(600).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
  error_reason: z.string().max(200).optional(),
})
