import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { syncAllPostInsightsWorkflow } from "../workflows/sync-all-post-insights"
import { readSocialsOptions } from "../modules/socials/utils/module-options"

const BATCH = 100

/**
 * Every minute: syncs posts whose `next_sync_at` has come (a minute after publish,
 * then the age-based cadence). The due time lives in the database, so a restart
 * between publish and due loses nothing. Only posts a sync can act on are picked
 * (active account, platform post id present, not fresh): a page of posts that
 * would be skipped must never keep the others waiting.
 */
export default async function syncDuePostInsightsJob(container: MedusaContainer) {
  const { result } = await syncAllPostInsightsWorkflow(container).run({
    input: { limit: BATCH, due_only: true, syncable_only: true },
  })
  if (result.total) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`socials: due insights sync: ${result.success} synced, ${result.failed} failed, ${result.skipped} skipped`)
  }
}

export const config = {
  name: "socials-sync-due-post-insights",
  schedule: process.env.SOCIALS_DUE_SYNC_CRON || readSocialsOptions().dueSyncCron || "* * * * *",
}
