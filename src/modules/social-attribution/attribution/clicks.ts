/**
 * Link clicks as the platforms report them, read from the post's stored insights
 * (never a platform call): Facebook `post_clicks`, LinkedIn `clickCount`, X
 * `url_link_clicks` (user-context tokens only). Instagram reports none. A
 * cross-posted post sums the platforms that report clicks. Null when none does.
 */
const CLICK_FIELDS = [
  ["facebook_insights", "post_clicks"],
  ["linkedin_insights", "clickCount"],
  ["twitter_insights", "url_link_clicks"],
] as const

export function linkClicksFromInsights(insights: unknown): number | null {
  if (typeof insights !== "object" || insights === null) {
    return null
  }
  let clicks: number | null = null
  for (const [section, field] of CLICK_FIELDS) {
    const metrics = (insights as Record<string, unknown>)[section]
    const value = typeof metrics === "object" && metrics !== null ? (metrics as Record<string, unknown>)[field] : undefined
    if (typeof value === "number" && Number.isFinite(value) && value >= 0) {
      clicks = (clicks ?? 0) + value
    }
  }
  return clicks
}
