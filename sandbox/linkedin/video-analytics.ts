import type { LinkedInPostFixture, SandboxReply } from "../types"
import type { LinkedInCall } from "./call"
import { accessDenied, invalidQuery, notFound } from "./errors"
import { urnParam } from "./restli"

const TYPES = ["VIDEO_VIEW", "VIEWER", "TIME_WATCHED", "TIME_WATCHED_FOR_VIDEO_VIEWS"] as const
type VideoMetric = (typeof TYPES)[number]

const DAY_MS = 24 * 3600 * 1000
const BUCKET_MS = { DAY: DAY_MS, WEEK: 7 * DAY_MS } as const
/** Fixtures without a publish time are treated as 30 days old. */
const DEFAULT_AGE_MS = 30 * DAY_MS
/** DAY / WEEK series longer than this keep their most recent buckets. */
const MAX_BUCKETS = 366

function isMetric(value: string | null): value is VideoMetric {
  return TYPES.some((t) => t === value)
}

/** Splits a lifetime total over the buckets, remainders on the newest ones, so the series sums to it. */
function series(total: number, start: number, end: number, bucketMs: number): { value: number; start: number; end: number }[] {
  const count = Math.max(1, Math.ceil((end - start) / bucketMs))
  const first = Math.max(0, count - MAX_BUCKETS)
  const base = Math.floor(total / count)
  const extra = total - base * count
  const out: { value: number; start: number; end: number }[] = []
  for (let i = first; i < count; i++) {
    const from = start + i * bucketMs
    out.push({ value: base + (i >= count - extra ? 1 : 0), start: from, end: Math.min(end, from + bucketMs) })
  }
  return out
}

/**
 * GET /rest/videoAnalytics?q=entity&entity=<enc urn>&type=<one metric>&aggregation=ALL|DAY|WEEK:
 * one metric per call (§5.5); watch times are milliseconds. A post without video answers an empty
 * `elements`; a post of another organization 403.
 */
export function videoAnalytics(call: LinkedInCall): SandboxReply {
  const { req, ctx, token } = call
  if (req.query.get("q") !== "entity") return invalidQuery("q=entity is required")
  const entity = urnParam(req, "entity")
  if (!entity?.ok) return invalidQuery("entity must be an encoded ugcPost or share URN")
  const types = req.query.getAll("type")
  const type = types.length === 1 ? types[0] : null
  if (!isMetric(type)) return invalidQuery(`exactly one type of ${TYPES.join(", ")} is required`)
  const aggregation = req.query.get("aggregation")
  if (aggregation !== "ALL" && aggregation !== "DAY" && aggregation !== "WEEK") {
    return invalidQuery("aggregation must be one of ALL, DAY, WEEK")
  }

  const post: LinkedInPostFixture | undefined = ctx.lookup("linkedin", entity.value)
  if (!post || post.deleted) return notFound()
  if (post.organization !== token.account_id) {
    return accessDenied(`Not enough permissions to access: videoAnalytics.FINDER-entity.${call.version.slice(0, 6)}01`)
  }
  const end = ctx.now()
  const start = post.created_at ?? end - DEFAULT_AGE_MS
  const total = post.video?.[type]
  const points = total === undefined ? [] : aggregation === "ALL" ? [{ value: total, start, end }] : series(total, start, end, BUCKET_MS[aggregation])
  const elements = points.map((p) => ({ value: p.value, type, entity: post.urn, timeRange: { start: p.start, end: p.end } }))
  return { status: 200, body: { paging: { count: 10, start: 0, links: [] }, elements } }
}
