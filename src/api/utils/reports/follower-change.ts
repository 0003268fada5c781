export type DaySnapshot = { day: string; followers: number | null }

export type { FollowerChange } from "../../../types/api"
import type { FollowerChange } from "../../../types/api"

const DAY_MS = 86_400_000

export const addDays = (day: string, delta: number) => new Date(Date.parse(`${day}T00:00:00Z`) + delta * DAY_MS).toISOString().slice(0, 10)

/**
 * Followers now minus followers `days` ago, from daily snapshots (oldest first).
 * A missed day is not invented: the comparison uses the closest snapshot on or
 * before the target day, and says which one.
 */
export function followerChange(snapshots: DaySnapshot[], days: number): FollowerChange {
  const known = snapshots.filter((s): s is { day: string; followers: number } => typeof s.followers === "number")
  const latest = known[known.length - 1]
  const empty = { days, from_day: null, to_day: latest?.day ?? null, from: null, to: latest?.followers ?? null, change: null, change_percent: null }
  if (!latest) return empty
  const target = addDays(latest.day, -days)
  const base = [...known].reverse().find((s) => s.day <= target)
  if (!base) return empty
  const change = latest.followers - base.followers
  return {
    days,
    from_day: base.day,
    to_day: latest.day,
    from: base.followers,
    to: latest.followers,
    change,
    change_percent: base.followers > 0 ? Math.round((change / base.followers) * 10_000) / 100 : null,
  }
}
