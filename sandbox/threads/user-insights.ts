import { graphError } from "../meta/graph-errors"
import { requireScope } from "./auth"
import type { ThreadsScope } from "./scope"

/** The user-insights metrics the platform documents (platform-onboarding §6.3). */
const USER_METRICS = ["views", "likes", "replies", "reposts", "quotes", "clicks", "followers_count", "follower_demographics"] as const
/** Totals over the user's own posts (`total_value`), as the platform sums them for the window. */
const TOTAL_METRICS = new Set(["likes", "replies", "reposts", "quotes"])

/**
 * GET /{threads-user-id}/threads_insights?metric=…: `followers_count` (the current total; it
 * ignores since/until) as `total_value`, the engagement totals over the user's posts, `views`
 * as a daily series of profile views (0 here: the sandbox keeps no profile views) and `clicks`
 * as `link_total_values` (none). `follower_demographics` needs a `breakdown` (refused without
 * one) and answers no results.
 */
export function getUserInsights(scope: ThreadsScope): unknown {
  const denied = requireScope(scope.token, "threads_basic") ?? requireScope(scope.token, "threads_manage_insights")
  if (denied) return denied
  const raw = scope.query.get("metric")
  if (!raw) return graphError(100, "(#100) The parameter metric is required")
  const metrics = raw.split(",").map((m) => m.trim()).filter(Boolean)
  const bad = metrics.findIndex((m) => !(USER_METRICS as readonly string[]).includes(m))
  if (bad >= 0) return graphError(100, `(#100) metric[${bad}] must be one of the following values: ${USER_METRICS.join(", ")}`)
  if (metrics.includes("follower_demographics") && !scope.query.get("breakdown")) {
    return graphError(100, "(#100) The parameter breakdown is required for follower_demographics")
  }
  const userId = scope.token.user_id
  const own = scope.fixtures.media.filter((m) => m.owner_id === userId && !m.deleted)
  const data = metrics.map((name) => {
    const base = { name, period: "day", title: name, description: `Sandbox ${name}`, id: `${userId}/insights/${name}/day` }
    if (name === "followers_count") return { ...base, total_value: { value: scope.token.followers_count ?? 0 } }
    if (name === "views") return { ...base, values: [{ value: 0, end_time: new Date(scope.now).toISOString().replace(/\.\d{3}Z$/, "+0000") }] }
    if (name === "clicks") return { ...base, link_total_values: [] }
    // No demographics in the sandbox: the breakdown answers with no results.
    if (name === "follower_demographics") return { ...base, total_value: { breakdowns: [{ dimension_keys: [scope.query.get("breakdown")], results: [] }] } }
    const total = own.reduce((sum, m) => sum + (TOTAL_METRICS.has(name) ? m.insights[name as "likes"] ?? 0 : 0), 0)
    return { ...base, total_value: { value: total } }
  })
  return { data }
}
