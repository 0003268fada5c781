import { DEFAULT_COMMENTS_LIMIT, mergeComments } from "./comments"
import { engagementOf, rateDenominator, rateOf, type EngagementInputs } from "./engagement"
import { mergeWithPrevious, type MergeOptions, type SyncOutcome } from "./merge"
import { platformLabel } from "../platforms/catalog"
import {
  INSIGHTS_SCHEMA_VERSION,
  PLATFORM_METRICS_FIELD,
  PUBLISH_ID_FIELDS,
  SYNC_SECTION_LABELS,
  readStoredInsights,
  validatePostInsights,
  type PlatformEntry,
  type PostInsights,
  type SocialPlatform,
  type SyncErrorDetail,
  type SyncStatus,
} from "./schema"

const SUMMED = ["likes", "comments", "shares", "saves", "impressions", "reach", "video_views", "complete_views"] as const
const FIRST_OF = ["platform_post_id", "permalink", "media_type", "media_product_type", "avg_watch_time"] as const

function entryOf(view: PostInsights): PlatformEntry {
  const { platform_post_id, permalink, media_type, media_product_type, likes, comments, shares, saves, impressions, reach } = view
  const { engagement, engagement_rate, video_views, avg_watch_time, complete_views, reactions, last_synced_at, sync_status, sync_errors } = view
  const entry: PlatformEntry = {
    platform_post_id, permalink, media_type, media_product_type, likes, comments, shares, saves, impressions, reach,
    engagement, engagement_rate, video_views, avg_watch_time, complete_views, reactions, last_synced_at, sync_status, sync_errors,
  }
  for (const key of Object.keys(entry) as (keyof PlatformEntry)[]) if (entry[key] === undefined) delete entry[key]
  return entry
}

/**
 * One platform's slice of a stored (possibly cross-posted) blob, shaped like a
 * single-platform blob so the ordinary keep-last-good merge applies to it.
 */
export function previousForPlatform(stored: unknown, platform: SocialPlatform): PostInsights {
  const prev = readStoredInsights(stored, platform)
  const block = PLATFORM_METRICS_FIELD[platform]
  const entry = prev.by_platform?.[platform]
  const ids = Object.fromEntries(PUBLISH_ID_FIELDS.map((field) => [field, prev[field]]))
  if (entry) {
    return readStoredInsights(
      { ...ids, ...entry, platform, [block]: prev[block], comments_data: prev.comments_data?.filter((c) => c.platform === platform) },
      platform
    )
  }
  if (prev.platform === platform) {
    const { by_platform: _ignored, ...rest } = prev
    return readStoredInsights({ ...rest, comments_data: prev.comments_data?.filter((c) => !c.platform || c.platform === platform) }, platform)
  }
  return readStoredInsights({ ...ids, platform }, platform)
}

function combinedStatus(statuses: (SyncStatus | undefined)[]): SyncStatus {
  const known = statuses.filter((s): s is SyncStatus => !!s)
  if (known.length && known.every((s) => s === "success")) return "success"
  if (!known.length || known.every((s) => s === "failed")) return "failed"
  return "partial"
}

function prefixed(detail: SyncErrorDetail, platform: SocialPlatform): string {
  const section = SYNC_SECTION_LABELS[detail.section]
  return `${platformLabel(platform)} ${section.charAt(0).toLowerCase()}${section.slice(1)}: ${detail.message}`
}

/**
 * A post published to Facebook and Instagram at once: each platform keeps its own
 * numbers under `by_platform` and its own metrics block; top-level counts are the
 * sums; `platform` stays the post's platform. The rate is recomputed over the
 * platforms that report a denominator (see crossPostRate).
 */
export function combineCrossPost(postPlatform: SocialPlatform, views: PostInsights[], base: Partial<PostInsights> = {}, commentsLimit = DEFAULT_COMMENTS_LIMIT): PostInsights {
  const ordered = [...views].sort((a, b) => Number(b.platform === postPlatform) - Number(a.platform === postPlatform))
  const out: Record<string, unknown> = { ...base, schema_version: INSIGHTS_SCHEMA_VERSION, platform: postPlatform }
  const byPlatform: Partial<Record<SocialPlatform, PlatformEntry>> = { ...(base.by_platform ?? {}) }

  for (const key of SUMMED) {
    const values = ordered.map((v) => v[key]).filter((n): n is number => typeof n === "number")
    out[key] = values.length ? values.reduce((s, n) => s + n, 0) : undefined
  }
  for (const key of FIRST_OF) out[key] = ordered.find((v) => v[key] !== undefined)?.[key]

  const reactions: Record<string, number> = {}
  for (const v of ordered) for (const [k, n] of Object.entries(v.reactions ?? {})) reactions[k] = (reactions[k] ?? 0) + n
  out.reactions = Object.keys(reactions).length ? reactions : undefined

  const details: SyncErrorDetail[] = []
  const messages: string[] = []
  let comments = [] as NonNullable<PostInsights["comments_data"]>
  for (const v of ordered) {
    byPlatform[v.platform] = entryOf(v)
    const block = PLATFORM_METRICS_FIELD[v.platform]
    if (v[block]) out[block] = v[block]
    comments = mergeComments(comments, (v.comments_data ?? []).map((c) => ({ ...c, platform: v.platform })), commentsLimit)
    for (const d of v.sync_error_details ?? []) {
      details.push({ ...d, platform: v.platform })
      messages.push(prefixed(d, v.platform))
    }
  }
  out.by_platform = byPlatform
  out.comments_data = comments

  const entries = Object.values(byPlatform)
  const engagement = engagementOf(out as EngagementInputs)
  out.engagement = engagement
  out.engagement_rate = engagement === undefined ? undefined : crossPostRate(ordered)
  const times = entries.map((e) => e.last_synced_at).filter((t): t is string => !!t).sort()
  out.last_synced_at = times.length ? times[times.length - 1] : undefined
  out.sync_status = combinedStatus(entries.map((e) => e.sync_status))
  out.sync_errors = messages
  out.sync_error_details = details
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key]
  return validatePostInsights(out)
}

/**
 * The rate over the platforms that report its denominator only: a Facebook side
 * without reach must not add its likes over Instagram's reach (465 / 3,500 = 13.29 %
 * where Instagram alone is 6.14 %). Reach where any platform has reach, impressions
 * otherwise; null when none has either.
 */
function crossPostRate(views: PostInsights[]): number | null {
  const measured = views.flatMap((v) => {
    const engagement = engagementOf(v)
    const denominator = rateDenominator(v)
    return engagement !== undefined && denominator ? [{ engagement, denominator }] : []
  })
  const kind = measured.some((m) => m.denominator.kind === "reach") ? "reach" : "impressions"
  const pool = measured.filter((m) => m.denominator.kind === kind)
  if (!pool.length) return null
  const sum = (f: (m: (typeof pool)[number]) => number) => pool.reduce((s, m) => s + f(m), 0)
  return rateOf(sum((m) => m.engagement), { kind, value: sum((m) => m.denominator.value) })
}

/**
 * Keep-last-good merge for a post synced on several platforms (Facebook + Instagram):
 * each platform's result is merged into its own previous slice, platforms not synced
 * this time keep theirs, then everything is combined.
 */
export function mergeCrossPostWithPrevious(previous: unknown, postPlatform: SocialPlatform, outcomes: SyncOutcome[], options: MergeOptions = {}): PostInsights {
  const prev = readStoredInsights(previous, postPlatform)
  if (!prev.by_platform && outcomes.length === 1 && outcomes[0].platform === postPlatform) {
    return mergeWithPrevious(prev, outcomes[0], options)
  }
  const synced = new Set(outcomes.map((o) => o.platform))
  const views = outcomes.map((o) => mergeWithPrevious(previousForPlatform(prev, o.platform), o, options))
  const untouched = new Set<SocialPlatform>(Object.keys(prev.by_platform ?? {}) as SocialPlatform[])
  if (!prev.by_platform && prev.last_synced_at) untouched.add(prev.platform)
  for (const p of untouched) if (!synced.has(p)) views.push(previousForPlatform(prev, p))

  const { by_platform: _old, comments_data: _c, ...base } = prev
  for (const p of Object.keys(PLATFORM_METRICS_FIELD) as SocialPlatform[]) {
    if (!views.some((v) => v.platform === p)) continue
    delete (base as Record<string, unknown>)[PLATFORM_METRICS_FIELD[p]]
  }
  return combineCrossPost(postPlatform, views, base, options.commentsLimit)
}
