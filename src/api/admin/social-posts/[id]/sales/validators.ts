import { z } from "@medusajs/framework/zod"

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/** An ISO 8601 date (a whole UTC day) or date-time with offset. `to` is inclusive: a date means its end. */
const bound = (field: "from" | "to") =>
  z
    .union([z.iso.date(), z.iso.datetime({ offset: true })], {
      message: `${field} must be an ISO 8601 date (2026-05-01) or date-time (2026-05-01T10:00:00Z)`,
    })
    .transform((value) =>
      DATE_ONLY.test(value) && field === "to" ? new Date(`${value}T23:59:59.999Z`) : new Date(value)
    )

export const AdminGetSocialPostSalesQuery = z
  .object({ from: bound("from").optional(), to: bound("to").optional() })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to", path: ["from"] })
export type AdminGetSocialPostSalesQueryType = z.infer<typeof AdminGetSocialPostSalesQuery>
