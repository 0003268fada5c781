import { generateEntityId } from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import type { PlatformSyncStatus } from "../services/insights-store"
import type { PostUpdateRow, SnapshotRow } from "../services/sync-persistence"
import type { InsightsPatch } from "../services/insights-patch"
import { SNAPSHOT_COUNT_METRICS, SNAPSHOT_METRICS, SNAPSHOT_RATE_METRIC } from "../insights/snapshot-metrics"

/**
 * The module's raw SQL, all of it: the writes that must be one statement per batch
 * (rows travel as one JSON parameter) or read-modify-write in the database itself.
 * Every value is a bound parameter.
 */

/**
 * A failed sync sends no insights_synced_at: the last good sync's time stays.
 * `insights` gets only the keys the sync changed, over the row as it is now (an
 * admin edit saved during the platform calls keeps its keys); `next_sync_at`
 * moved by someone else since the sync read it (an edit made the post due) stays.
 */
const UPDATE_SYNCED_POSTS = `
  update social_post as p set
    insights = (coalesce(p.insights, '{}'::jsonb) - array(select jsonb_array_elements_text(r.insights_unset))) || r.insights_set,
    insights_sync_status = r.insights_sync_status,
    insights_synced_at = coalesce(r.insights_synced_at, p.insights_synced_at),
    next_sync_at = case
      when date_trunc('milliseconds', p.next_sync_at) is not distinct from r.read_next_sync_at then r.next_sync_at
      else p.next_sync_at
    end,
    updated_at = now()
  from jsonb_to_recordset(?::jsonb) as r(
    id text, insights_set jsonb, insights_unset jsonb, insights_sync_status text, insights_synced_at timestamptz,
    next_sync_at timestamptz, read_next_sync_at timestamptz
  )
  where p.id = r.id and p.deleted_at is null`

/** An admin edit's insights keys (platform post ids), applied over the row as it is now. */
const PATCH_POST_INSIGHTS = `
  update social_post set
    insights = (coalesce(insights, '{}'::jsonb) - array(select jsonb_array_elements_text(?::jsonb))) || ?::jsonb,
    updated_at = now()
  where id = ? and deleted_at is null`

const MARK_NEEDS_RECONNECT = `
  update social_platform set status = 'needs_reconnect', updated_at = now()
  where id = ? and deleted_at is null and status <> 'disabled'
    and api_config->>'access_token_encrypted' is not distinct from ?`

const MARK_ACTIVE_AGAIN = `
  update social_platform set status = 'active', updated_at = now()
  where id = ? and deleted_at is null and status = 'needs_reconnect'
    and api_config->>'access_token_encrypted' is not distinct from ?`

// The metric columns come from the one list (a constant, never input): integer counts and the float rate.
const SNAPSHOT_COLUMNS = ["id", "post_id", "synced_at", ...SNAPSHOT_METRICS].join(", ")
const SNAPSHOT_RECORD = [
  "id text, post_id text, synced_at timestamptz",
  ...SNAPSHOT_COUNT_METRICS.map((m) => `${m} integer`),
  `${SNAPSHOT_RATE_METRIC} real`,
].join(", ")
const INSERT_SNAPSHOTS = `
  insert into social_post_insights_snapshot (${SNAPSHOT_COLUMNS})
  select ${SNAPSHOT_COLUMNS}
  from jsonb_to_recordset(?::jsonb) as r(${SNAPSHOT_RECORD})`

/** One batch of sync results: posts, snapshots and the account's status (inside the caller's transaction). */
export async function writeSyncBatch(manager: SqlEntityManager, posts: PostUpdateRow[], snapshots: SnapshotRow[], platform: PlatformSyncStatus): Promise<void> {
  if (posts.length) {
    await manager.execute(UPDATE_SYNCED_POSTS, [JSON.stringify(posts)])
  }
  if (snapshots.length) {
    const rows = snapshots.map((snapshot) => ({ id: generateEntityId(undefined, "socsnap"), ...snapshot }))
    await manager.execute(INSERT_SNAPSHOTS, [JSON.stringify(rows)])
  }
  // Only while the token this sync knew is still the stored one: a refusal of a token another
  // run or a reconnect has replaced says nothing about the account; a success makes it active again.
  const known = [platform.platformId, platform.sealedToken ?? null]
  if (platform.needsReconnect) {
    await manager.execute(MARK_NEEDS_RECONNECT, known)
  } else if (platform.synced) {
    await manager.execute(MARK_ACTIVE_AGAIN, known)
  }
}

/** Sets and removes top-level `insights` keys of one post in one statement. */
export async function patchPostInsights(manager: SqlEntityManager, id: string, patch: InsightsPatch): Promise<void> {
  await manager.execute(PATCH_POST_INSIGHTS, [JSON.stringify(patch.unset), JSON.stringify(patch.set), id])
}
