import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"

/**
 * X read counters (table social_x_read_count, one row per account and UTC month).
 * A reservation is one statement: it books the reads only if the total stays
 * within the cap, so processes racing for the last reads cannot pass it together.
 */
const RESERVE = `
  insert into social_x_read_count as c (platform_id, month, reads, updated_at)
  select ?, ?, ?, now() where ? <= ?
  on conflict (platform_id, month) do update set reads = c.reads + excluded.reads, updated_at = now()
  where c.reads + excluded.reads <= ?
  returning c.reads`

const ADJUST = `
  update social_x_read_count set reads = greatest(0, reads + ?), updated_at = now()
  where platform_id = ? and month = ?`

const READS = `select reads from social_x_read_count where platform_id = ? and month = ?`

/** No cap: the column's own limit. */
const NO_CAP = 2_147_483_647

export async function readXReads(manager: SqlEntityManager, platformId: string, month: string): Promise<number> {
  const rows = (await manager.execute(READS, [platformId, month])) as { reads: number }[]
  return Number(rows[0]?.reads ?? 0)
}

export async function reserveXReads(manager: SqlEntityManager, platformId: string, month: string, n: number, cap: number | undefined): Promise<number | null> {
  const limit = cap ?? NO_CAP
  const rows = (await manager.execute(RESERVE, [platformId, month, n, n, limit, limit])) as { reads: number }[]
  return rows.length ? Number(rows[0].reads) : null
}

export async function adjustXReads(manager: SqlEntityManager, platformId: string, month: string, n: number): Promise<void> {
  await manager.execute(ADJUST, [n, platformId, month])
}
