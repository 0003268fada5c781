import { z } from "@medusajs/framework/zod"

export const AdminListAccountSnapshotsQuery = z
  .object({
    /** Days of history to return (the change over 7/30/90 days is always computed). */
    days: z.coerce.number({ message: "days must be a number" }).int("days must be an integer").min(1, "days must be at least 1").max(730, "days must be at most 730").default(90),
  })
  .strict()
export type AdminListAccountSnapshotsQueryType = z.infer<typeof AdminListAccountSnapshotsQuery>
