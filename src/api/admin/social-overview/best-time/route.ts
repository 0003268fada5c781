import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { bestTimeCells } from "../../../utils/reports/overview-queries"
import { readStoreTimeZone } from "../../../utils/reports/store-timezone"
import { AdminBestTimeQueryType, resolvePeriod } from "../validators"
import type { BestTimeResponse } from "../../../../types/api"

/**
 * Weekday × hour of the posts published in [from, to) (default the last 30 days)
 * in `tz`: the median engagement rate of each cell, or `insufficient` where fewer
 * than `min_posts` posts have a rate. Only cells with posts are listed. Without
 * `tz`, the store's zone setting (GET/POST /admin/social-overview/settings), else UTC.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminBestTimeQueryType>, res: MedusaResponse<BestTimeResponse>) => {
  const query = req.validatedQuery as AdminBestTimeQueryType
  const { from, to } = resolvePeriod(query)
  const tz = query.tz ?? (await readStoreTimeZone(req.scope)) ?? "UTC"
  const knex = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Knex
  const cells = await bestTimeCells(knex, from, to, query.platform ?? null, tz)
  res.json({
    period: { from: from.toISOString(), to: to.toISOString() },
    tz,
    min_posts: query.min_posts,
    cells: cells.map((c) => {
      const enough = c.posts >= query.min_posts
      return { weekday: c.weekday, hour: c.hour, posts: c.posts, insufficient: !enough, median_engagement_rate: enough && c.median_rate !== null ? Math.round(c.median_rate * 100) / 100 : null }
    }),
  })
}
