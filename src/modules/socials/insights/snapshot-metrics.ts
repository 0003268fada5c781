/**
 * The numbers a post's insights snapshot keeps per sync (columns of
 * `social_post_insights_snapshot`, one per metric). The model and its migration
 * spell the columns out (the DML needs literals); everything else (the batch
 * insert, the persistence row, the CSV export, the API type and the admin
 * chart) reads this list. Plain data and nothing imported: the admin bundle
 * reads it too.
 */
export const SNAPSHOT_COUNT_METRICS = ["likes", "comments", "shares", "saves", "impressions", "reach", "video_views", "engagement"] as const

/** Whole numbers (integer columns) rounded on the way in. */
export type SnapshotCountMetric = (typeof SNAPSHOT_COUNT_METRICS)[number]

/** Percent, a float column: kept as the platform's rate, never rounded to an integer. */
export const SNAPSHOT_RATE_METRIC = "engagement_rate" as const

export const SNAPSHOT_METRICS = [...SNAPSHOT_COUNT_METRICS, SNAPSHOT_RATE_METRIC] as const
export type SnapshotMetric = (typeof SNAPSHOT_METRICS)[number]

/** A snapshot's numbers: null where that sync had none (never shown as 0). */
export type SnapshotNumbers = { [K in SnapshotMetric]: number | null }
