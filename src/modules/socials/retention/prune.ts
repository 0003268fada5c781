import type { SnapshotRetentionPolicy } from "./policy"

const DAY_MS = 86_400_000

/** Anything with knex's `raw` (the shared PG connection). */
export type RawSql = { raw(sql: string, bindings: unknown[]): Promise<unknown> }

/**
 * One batch: deletes at most `limit` snapshots the policy no longer keeps, in one
 * statement. A snapshot older than `keepAllDays` survives only as the newest of
 * its post's bucket (UTC day until `dailyUntilDays`, ISO week after). Only rows
 * ranked below another of the same post are deleted, so a post's newest snapshot
 * (the newest of its bucket) never is, however old.
 */
const PRUNE_BATCH = `
  with candidates as (
    select s.id,
      row_number() over (
        partition by s.post_id, s.synced_at >= :dailyFrom,
          case when s.synced_at >= :dailyFrom
            then date_trunc('day', s.synced_at at time zone 'UTC')
            else date_trunc('week', s.synced_at at time zone 'UTC')
          end
        order by s.synced_at desc, s.id desc
      ) as rank_in_bucket
    from social_post_insights_snapshot s
    where s.synced_at < :keepAllFrom
  ),
  doomed as (
    select id from candidates where rank_in_bucket > 1 limit :limit
  )
  delete from social_post_insights_snapshot where id in (select id from doomed)`

export type PruneResult = { deleted: number; batches: number; complete: boolean }

/**
 * Applies the policy at `now` in batches of `batchSize` (one statement each, so no
 * long lock and no unbounded transaction), at most `maxBatches` per call: a huge
 * backlog is worked off over several runs.
 */
export async function pruneInsightsSnapshots(
  db: RawSql,
  policy: SnapshotRetentionPolicy,
  { now = new Date(), batchSize = 5_000, maxBatches = 100 }: { now?: Date; batchSize?: number; maxBatches?: number } = {}
): Promise<PruneResult> {
  const bindings = {
    keepAllFrom: new Date(now.getTime() - policy.keepAllDays * DAY_MS),
    dailyFrom: new Date(now.getTime() - policy.dailyUntilDays * DAY_MS),
    limit: batchSize,
  }
  let deleted = 0
  for (let batch = 1; batch <= maxBatches; batch++) {
    const result = (await db.raw(PRUNE_BATCH, bindings as unknown as unknown[])) as { rowCount?: number }
    const count = result.rowCount ?? 0
    deleted += count
    if (count < batchSize) return { deleted, batches: batch, complete: true }
  }
  return { deleted, batches: maxBatches, complete: false }
}
