import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { syncAllPostInsightsWorkflow } from "../workflows/sync-all-post-insights"
import { readSocialsOptions } from "../modules/socials/utils/module-options"
import type { SyncCursor } from "../modules/socials/services/select-posts"

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
 * alone for the rest of the run. Logs one summary line.
 */
export default async function syncAllPostInsightsJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const totals = { success: 0, failed: 0, skipped: 0, pages: 0 }
  const exhausted = new Set<string>()
  let after: SyncCursor | undefined
  const startedAt = new Date().toISOString()

  for (let page = 0; page < MAX_PAGES; page++) {
    const { result } = await syncAllPostInsightsWorkflow(container).run({
      input: {
        limit: pageSize(),
        stale_only: true,
        syncable_only: true,
        cadence_due: true,
        synced_before: startedAt,
        after,
        exclude_platform_ids: [...exhausted],
      },
    })
    totals.pages++
    totals.success += result.success
    totals.failed += result.failed
    totals.skipped += result.skipped
    for (const platformId of result.rate_limited_platform_ids ?? []) {
      exhausted.add(platformId)
    }
    if (!result.next_cursor || result.total < pageSize()) {
      break
    }
    after = result.next_cursor
  }
  logger.info(
    `socials: scheduled insights sync: ${totals.success} synced, ${totals.failed} failed, ${totals.skipped} skipped` +
      ` in ${totals.pages} page(s)${exhausted.size ? `; rate budget spent on ${exhausted.size} platform(s), resuming next run` : ""}`
  )
}

export const config = {
  name: "socials-sync-all-post-insights",
  schedule: process.env.SOCIALS_SYNC_CRON || readSocialsOptions().scheduleCron || "0 2 * * *",
}
