import type { ExecArgs } from "@medusajs/framework/types"
import syncDuePostInsightsJob from "../../../src/jobs/sync-due-post-insights"

/** Process 2 (after the restart): one tick of the due-sync job. */
export default async function runDueJob({ container }: ExecArgs) {
  await syncDuePostInsightsJob(container)
}
