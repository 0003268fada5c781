/**
 * How often a post is synced as it ages: numbers move fast in the first hours and
 * barely after a few weeks, so syncing old posts as often as new ones only burns
 * rate budget (and money, on X). Each step: posts younger than `maxAgeHours` are
 * synced every `everyHours`; past the last step, only on demand.
 */
export type CadenceStep = { maxAgeHours: number; everyHours: number }

export const DEFAULT_CADENCE: CadenceStep[] = [
  { maxAgeHours: 24, everyHours: 1 },
  { maxAgeHours: 24 * 7, everyHours: 6 },
  { maxAgeHours: 24 * 30, everyHours: 24 },
  { maxAgeHours: 24 * 90, everyHours: 24 * 7 },
]

const HOUR_MS = 3_600_000

/** The next scheduled sync after a sync at `syncedAt`, or null when the post is past its horizon. */
export function nextSyncAt(postedAt: Date | null, syncedAt: Date, cadence: CadenceStep[] = DEFAULT_CADENCE): Date | null {
  const publishedAt = postedAt ?? syncedAt
  const ageHours = (syncedAt.getTime() - publishedAt.getTime()) / HOUR_MS
  const step = [...cadence].sort((a, b) => a.maxAgeHours - b.maxAgeHours).find((s) => ageHours < s.maxAgeHours)
  if (!step) {
    return null
  }
  return new Date(syncedAt.getTime() + step.everyHours * HOUR_MS)
}

/** After a failed sync, try again sooner than the cadence but back off: 15 min, 30, 60, ... capped at 6 h. */
export function retryAfterFailureAt(now: Date, consecutiveFailures: number, retryAfterMs?: number): Date {
  const backoff = Math.min(6 * HOUR_MS, 15 * 60_000 * 2 ** Math.max(0, consecutiveFailures - 1))
  return new Date(now.getTime() + Math.max(backoff, retryAfterMs ?? 0))
}
