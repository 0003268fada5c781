import { z } from "@medusajs/framework/zod"
import { SOCIAL_PROVIDERS } from "../../../modules/socials/models/social-platform"
import { isTimeZone } from "../../utils/reports/store-timezone"

const isoDate = (field: string) =>
  z.string().datetime({ offset: true, message: `${field} must be an ISO 8601 date-time (e.g. 2026-03-01T00:00:00Z)` })

const period = {
  /** Inclusive. Default: 30 days before `to`. */
  from: isoDate("from").optional(),
  /** Exclusive. Default: now. */
  to: isoDate("to").optional(),
  platform: z.enum(SOCIAL_PROVIDERS, { message: `platform must be one of ${SOCIAL_PROVIDERS.join(", ")}` }).optional(),
}
const ordered = (q: { from?: string; to?: string }) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to)
const orderMessage = { message: "from must be before to", path: ["to"] }

export const AdminSocialOverviewQuery = z.object(period).strict().refine(ordered, orderMessage)
export type AdminSocialOverviewQueryType = z.infer<typeof AdminSocialOverviewQuery>

export const AdminBestTimeQuery = z
  .object({
    ...period,
    /** IANA zone the weekday and hour are read in. Default: the store's setting, else UTC. */
    tz: z.string().max(64).refine(isTimeZone, "tz must be an IANA time zone such as Europe/Berlin").optional(),
    /** Cells with fewer posts are reported as insufficient instead of a median. */
    min_posts: z.coerce.number().int().min(1).max(100).default(3),
  })
  .strict()
  .refine(ordered, orderMessage)
export type AdminBestTimeQueryType = z.infer<typeof AdminBestTimeQuery>

const DAY_MS = 86_400_000
/** The chosen period [from, to) and the previous one of the same length, ending where it starts. */
export function resolvePeriod(q: { from?: string; to?: string }, now = new Date()) {
  const to = q.to ? new Date(q.to) : now
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * DAY_MS)
  const length = to.getTime() - from.getTime()
  return { from, to, previous: { from: new Date(from.getTime() - length), to: from } }
}

export const AdminOverviewSettingsBody = z
  .object({
    /** IANA zone for the best time to post; null forgets it (the admin falls back to the browser's). */
    timezone: z
      .string()
      .max(64, "timezone must be at most 64 characters")
      .refine(isTimeZone, "timezone is not an IANA time zone: use a name such as Europe/Berlin")
      .nullable(),
  })
  .strict()
export type AdminOverviewSettingsBodyType = z.infer<typeof AdminOverviewSettingsBody>
