import { Client } from "pg"

/** A short-lived direct connection: the tests read what is really stored, not what the API chooses to show. */
export async function withPg<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/** The plugin's tables and its link tables (social_post <-> product), found by name. */
export async function pluginTables(client: Client): Promise<string[]> {
  const { rows } = await client.query(
    `select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' and table_name like '%social%'
      order by table_name`
  )
  return rows.map((r: { table_name: string }) => r.table_name)
}

/** Row count and a hash of every row per plugin table: any insert, update or (soft) delete shows up. */
export async function tableFingerprint(client: Client, tables?: string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const table of tables ?? (await pluginTables(client))) {
    const { rows } = await client.query(
      `select count(*)::int as n, coalesce(md5(string_agg(t::text, ',' order by t::text)), '') as hash from "${table}" t`
    )
    out[table] = `${rows[0].n}|${rows[0].hash}`
  }
  return out
}

export type StoredPostState = {
  id: string
  column_status: string | null
  column_synced_at: Date | null
  json_status: string | null
  json_synced_at: string | null
  snapshots: number
  last_snapshot_at: Date | null
  likes: number | null
  comments: number | null
  comment_ids: string[]
}

export async function readPostStates(client: Client, ids?: string[]): Promise<StoredPostState[]> {
  const { rows } = await client.query(
    `select p.id,
            p.insights_sync_status as column_status,
            p.insights_synced_at as column_synced_at,
            p.insights->>'sync_status' as json_status,
            p.insights->>'last_synced_at' as json_synced_at,
            (p.insights->>'likes')::float as likes,
            (p.insights->>'comments')::float as comments,
            coalesce((select array_agg(c->>'id') from jsonb_array_elements(coalesce(p.insights->'comments_data', '[]'::jsonb)) c), '{}') as comment_ids,
            (select count(*)::int from social_post_insights_snapshot s where s.post_id = p.id and s.deleted_at is null) as snapshots,
            (select max(s.synced_at) from social_post_insights_snapshot s where s.post_id = p.id and s.deleted_at is null) as last_snapshot_at
       from social_post p
      where p.deleted_at is null ${ids ? "and p.id = any($1)" : ""}
      order by p.id`,
    ids ? [ids] : []
  )
  return rows as StoredPostState[]
}

/**
 * What "not half-written" means for one post: the insights JSON, the bookkeeping
 * columns and the snapshots tell the same story. Returns the disagreements.
 */
export function postInconsistencies(state: StoredPostState): string[] {
  const problems: string[] = []
  const where = `post ${state.id}`
  if (state.column_status !== state.json_status) {
    problems.push(`${where}: insights_sync_status=${state.column_status} but insights.sync_status=${state.json_status}`)
  }
  if (state.column_status === null) {
    if (state.column_synced_at || state.json_synced_at || state.snapshots) {
      problems.push(`${where}: never synced, yet has synced_at/last_synced_at/snapshots`)
    }
    return problems
  }
  if (state.column_synced_at) {
    const column = state.column_synced_at.getTime()
    if (!state.json_synced_at || Date.parse(state.json_synced_at) !== column) {
      problems.push(`${where}: insights_synced_at=${state.column_synced_at.toISOString()} but insights.last_synced_at=${state.json_synced_at}`)
    }
    if (!state.last_snapshot_at || state.last_snapshot_at.getTime() !== column) {
      problems.push(`${where}: newest snapshot ${state.last_snapshot_at?.toISOString()} is not the last good sync ${state.column_synced_at.toISOString()}`)
    }
  } else if (state.snapshots) {
    problems.push(`${where}: has snapshots but no insights_synced_at`)
  }
  if (state.column_status !== "failed" && !state.column_synced_at) {
    problems.push(`${where}: ${state.column_status} without insights_synced_at`)
  }
  return problems
}
