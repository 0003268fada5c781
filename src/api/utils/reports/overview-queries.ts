import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/** A top-level metric of the insights JSON as a number, or null when it is not one (unknown stays unknown). */
const n = (key: string) => `(case when jsonb_typeof(s.insights->'${key}') = 'number' then (s.insights->>'${key}')::numeric end)`

/** Posts that count for reports: published (status posted), not deleted, in [from, to), optionally one platform. */
const PERIOD_POSTS = `
  from social_post s join social_platform p on p.id = s.platform_id and p.deleted_at is null
  where s.deleted_at is null and s.status = 'posted' and s.posted_at >= ? and s.posted_at < ?
    and (cast(? as text) is null or p.provider = ?)`

export type PeriodTotalsRow = {
  provider: string
  posts: number
  likes: string | null
  comments: string | null
  shares: string | null
  views: string | null
  rated_engagement: string | null
  rated_reach: string | null
}

/**
 * Sums per platform. The rate is weighted by reach: the engagement and the reach
 * of the posts that report both, summed separately (a post with 10,000 reach
 * weighs 100 times one with 100), never an average of per-post rates.
 */
export async function periodTotals(knex: Knex, from: Date, to: Date, provider: string | null): Promise<PeriodTotalsRow[]> {
  const rated = `${n("reach")} > 0 and ${n("engagement")} is not null`
  const { rows } = await knex.raw(
    `select p.provider, count(*)::int as posts,
       sum(${n("likes")})::text as likes, sum(${n("comments")})::text as comments, sum(${n("shares")})::text as shares,
       sum(${n("impressions")})::text as views,
       sum(${n("engagement")}) filter (where ${rated})::text as rated_engagement,
       sum(${n("reach")}) filter (where ${rated})::text as rated_reach
     ${PERIOD_POSTS}
     group by p.provider order by p.provider`,
    [from, to, provider, provider]
  )
  return rows
}

export type PeriodPostRow = { id: string; name: string | null; provider: string; posted_at: Date; engagement_rate: number | null; reach: number | null; engagement: number | null }

/** The period's posts with the numbers the top lists use (ids only plus three numbers: bounded by the period). */
export async function periodPosts(knex: Knex, from: Date, to: Date, provider: string | null): Promise<PeriodPostRow[]> {
  const { rows } = await knex.raw(
    `select s.id, s.name, p.provider, s.posted_at,
       ${n("engagement_rate")}::float8 as engagement_rate, ${n("reach")}::float8 as reach, ${n("engagement")}::float8 as engagement
     ${PERIOD_POSTS}`,
    [from, to, provider, provider]
  )
  return rows
}

export type BestTimeRow = { weekday: number; hour: number; posts: number; median_rate: number | null }

/**
 * Weekday (ISO: 1 = Monday) by hour of posting in `tz`, with the median
 * engagement rate of the posts that have one. The zone is a bound parameter.
 */
export async function bestTimeCells(knex: Knex, from: Date, to: Date, provider: string | null, tz: string): Promise<BestTimeRow[]> {
  const { rows } = await knex.raw(
    `select extract(isodow from s.posted_at at time zone ?)::int as weekday,
       extract(hour from s.posted_at at time zone ?)::int as hour,
       count(*)::int as posts,
       percentile_cont(0.5) within group (order by ${n("engagement_rate")})::float8 as median_rate
     ${PERIOD_POSTS} and ${n("engagement_rate")} is not null
     group by 1, 2 order by 1, 2`,
    [tz, tz, from, to, provider, provider]
  )
  return rows
}
