import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { readSocialsOptions } from "../modules/socials/utils/module-options"
import { resolveSnapshotRetention, type SnapshotRetentionOptions } from "../modules/socials/retention/policy"
import { pruneInsightsSnapshots, type RawSql } from "../modules/socials/retention/prune"

/** Rows per DELETE (SOCIALS_SNAPSHOT_PRUNE_BATCH); a run stops after 100 batches and goes on the next night. */
const batchSize = () => Number(process.env.SOCIALS_SNAPSHOT_PRUNE_BATCH) || 5_000

/**
 * Daily at 04:00 UTC (SOCIALS_SNAPSHOT_PRUNE_CRON): thins insights snapshots out
 * to the retention policy (every sync for 7 days, one a day until 90, one a week
 * after; module option `snapshotRetention`, SOCIALS_SNAPSHOT_* variables).
 * `now` is a parameter so the simulation can run it on its virtual clock.
 */
export default async function pruneInsightsSnapshotsJob(container: MedusaContainer, now: Date = new Date()) {
  const policy = resolveSnapshotRetention(readSocialsOptions().snapshotRetention as SnapshotRetentionOptions | false | undefined)
  if (!policy) return
  const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as RawSql
  const result = await pruneInsightsSnapshots(db, policy, { now, batchSize: batchSize() })
  if (result.deleted) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(
        `socials: snapshot retention: ${result.deleted} snapshot(s) removed in ${result.batches} batch(es)` +
          (result.complete ? "" : "; more left for the next run")
      )
  }
}

export const config = {
  name: "socials-prune-insights-snapshots",
  schedule: process.env.SOCIALS_SNAPSHOT_PRUNE_CRON || "0 4 * * *",
}
