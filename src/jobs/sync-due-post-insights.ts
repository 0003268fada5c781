import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { syncAllPostInsightsWorkflow } from "../workflows/sync-all-post-insights"
import { readSocialsOptions } from "../modules/socials/utils/module-options"
import { cadenceTiers } from "../modules/socials/scheduling/cadence-tiers"

const BATCH = 100

/**
 * Every minute: syncs posts whose `next_sync_at` has come (a minute after publish,
 * then the age-based cadence). The due time lives in the database, so a restart
 * between publish and due loses nothing. Only posts a sync can act on are picked
 * (active account, platform post id present, not fresh): a page of posts that
 * would be skipped must never keep the others waiting. Each account gets only what
 * its remaining budget covers, youngest posts first; the rest are due again when
 * the budget returns (plan_budget).
 */
export default async function syncDuePostInsightsJob(container: MedusaContainer) {
  const totals = { total: 0, success: 0, failed: 0, skipped: 0, deferred: 0 }
  // Youngest tier first: their hourly cadence gets the account's budget before an old backlog.
  for (const posted_between of cadenceTiers(new Date())) {
    const limit = BATCH - totals.total - totals.deferred
    if (limit <= 0) break
    const { result } = await syncAllPostInsightsWorkflow(container).run({
      input: { limit, due_only: true, syncable_only: true, plan_budget: true, posted_between },
    })
    totals.total += result.total
    totals.success += result.success
    totals.failed += result.failed
    totals.skipped += result.skipped
    totals.deferred += result.deferred
  }
  if (totals.total || totals.deferred) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(
        `socials: due insights sync: ${totals.success} synced, ${totals.failed} failed, ${totals.skipped} skipped` +
          (totals.deferred ? `; ${totals.deferred} left for when their account's budget returns` : "")
      )
  }
}

export const config = {
  name: "socials-sync-due-post-insights",
  schedule: process.env.SOCIALS_DUE_SYNC_CRON || readSocialsOptions().dueSyncCron || "* * * * *",
}
