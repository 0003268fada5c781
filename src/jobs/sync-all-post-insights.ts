import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { syncAllPostInsightsWorkflow } from "../workflows/sync-all-post-insights"
import { readSocialsOptions } from "../modules/socials/utils/module-options"
import type { SyncCursor } from "../modules/socials/services/select-posts"
import { cadenceTiers } from "../modules/socials/scheduling/cadence-tiers"

/** Posts per workflow run; SOCIALS_SYNC_PAGE_SIZE overrides (tests use tiny pages). */
const pageSize = () => Number(process.env.SOCIALS_SYNC_PAGE_SIZE) || 200
/** Safety net: a run never loops forever, even if posts keep appearing. */
const MAX_PAGES = 500

/**
 * The scheduled sweep (default daily at 02:00), the safety net of the due job:
 * pages through the posted posts the cadence makes due (or that were never
 * synced) and that can be synced, oldest sync first. Posts past the cadence
 * horizon are left to on-demand syncs and posts on a slow step to that step
 * (on X every read is billed). A platform whose rate budget runs out is left
 * alone for the rest of the run. The run goes through the cadence's age tiers
 * youngest first and takes from each account only what its remaining budget
 * covers; the rest are due again when it returns. Logs one summary line.
 */
export default async function syncAllPostInsightsJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const totals = { success: 0, failed: 0, skipped: 0, deferred: 0, pages: 0 }
  let runs = 0
  const exhausted = new Set<string>()
  const startedAt = new Date().toISOString()

  // Youngest tier first (see cadenceTiers), each paged oldest sync first.
  tiers: for (const posted_between of cadenceTiers(new Date(startedAt))) {
    let after: SyncCursor | undefined
    while (runs++ < MAX_PAGES) {
      const { result } = await syncAllPostInsightsWorkflow(container).run({
        input: {
          limit: pageSize(),
          stale_only: true,
          syncable_only: true,
          cadence_due: true,
          plan_budget: true,
          posted_between,
          synced_before: startedAt,
          after,
          exclude_platform_ids: [...exhausted],
        },
      })
      // Pages that held posts (a tier with none due costs one empty query, not a page).
      if (result.total + result.deferred > 0) totals.pages++
      totals.success += result.success
      totals.failed += result.failed
      totals.skipped += result.skipped
      totals.deferred += result.deferred
      for (const platformId of result.rate_limited_platform_ids ?? []) {
        exhausted.add(platformId)
      }
      // A page is full when its synced and its deferred posts fill it.
      if (!result.next_cursor || result.total + result.deferred < pageSize()) {
        continue tiers
      }
      after = result.next_cursor
    }
  }
  logger.info(
    `socials: scheduled insights sync: ${totals.success} synced, ${totals.failed} failed, ${totals.skipped} skipped` +
      ` in ${totals.pages} page(s)${totals.deferred ? `; ${totals.deferred} left for when their account's budget returns` : ""}${exhausted.size ? `; rate budget spent on ${exhausted.size} platform(s), resuming next run` : ""}`
  )
}

export const config = {
  name: "socials-sync-all-post-insights",
  schedule: process.env.SOCIALS_SYNC_CRON || readSocialsOptions().scheduleCron || "0 2 * * *",
}
