/**
 * How long snapshots are kept at which density. Every sync writes one row per
 * post, so a post synced hourly in its first day and every few hours in its
 * first week would otherwise keep growing the table for ever. The chart of a
 * post's growth needs detail while the numbers move, and a daily, then a weekly,
 * point after that:
 * - younger than `keepAllDays`: every snapshot;
 * - then, until `dailyUntilDays`: the last snapshot of each UTC day;
 * - older: the last snapshot of each ISO week (UTC).
 * A post's newest snapshot is always kept, whatever its age.
 */
export type SnapshotRetentionPolicy = {
  keepAllDays: number
  dailyUntilDays: number
}

export type SnapshotRetentionOptions = Partial<SnapshotRetentionPolicy> & { enabled?: boolean }

export const DEFAULT_SNAPSHOT_RETENTION: SnapshotRetentionPolicy = { keepAllDays: 7, dailyUntilDays: 90 }

function days(name: string, raw: unknown, fallback: number): number {
  if (raw === undefined || raw === null || raw === "") return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(`${name} must be a number of days (0 or more), got "${String(raw)}"`)
  }
  return value
}

/**
 * The policy from the module option `snapshotRetention` and the environment
 * (`SOCIALS_SNAPSHOT_KEEP_ALL_DAYS`, `SOCIALS_SNAPSHOT_DAILY_UNTIL_DAYS`,
 * `SOCIALS_SNAPSHOT_RETENTION=off`; the environment wins). Null when disabled.
 */
export function resolveSnapshotRetention(
  options: SnapshotRetentionOptions | false | undefined,
  env: NodeJS.ProcessEnv = process.env
): SnapshotRetentionPolicy | null {
  const switchedOff = env.SOCIALS_SNAPSHOT_RETENTION
    ? /^(off|false|0|no)$/i.test(env.SOCIALS_SNAPSHOT_RETENTION)
    : options === false || options?.enabled === false
  if (switchedOff) return null
  const fromOptions = options || {}
  const keepAllDays = days(
    "SOCIALS_SNAPSHOT_KEEP_ALL_DAYS",
    env.SOCIALS_SNAPSHOT_KEEP_ALL_DAYS ?? fromOptions.keepAllDays,
    DEFAULT_SNAPSHOT_RETENTION.keepAllDays
  )
  const dailyUntilDays = days(
    "SOCIALS_SNAPSHOT_DAILY_UNTIL_DAYS",
    env.SOCIALS_SNAPSHOT_DAILY_UNTIL_DAYS ?? fromOptions.dailyUntilDays,
    DEFAULT_SNAPSHOT_RETENTION.dailyUntilDays
  )
  if (dailyUntilDays < keepAllDays) {
    throw new Error(
      `SOCIALS_SNAPSHOT_DAILY_UNTIL_DAYS (${dailyUntilDays}) must not be below SOCIALS_SNAPSHOT_KEEP_ALL_DAYS (${keepAllDays})`
    )
  }
  return { keepAllDays, dailyUntilDays }
}
