import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { captureAccountSnapshotsWorkflow } from "../workflows/capture-account-snapshots"

/** Daily at 03:30 UTC (after the 02:00 post sweep); SOCIALS_ACCOUNT_SNAPSHOT_CRON overrides. */
export default async function captureAccountSnapshotsJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await captureAccountSnapshotsWorkflow(container).run({ input: {} })
  const count = (status: string) => result.filter((o) => o.status === status).length
  logger.info(`socials: account snapshots: ${count("captured")} captured, ${count("skipped")} skipped, ${count("failed")} failed`)
}

export const config = {
  name: "socials-capture-account-snapshots",
  schedule: process.env.SOCIALS_ACCOUNT_SNAPSHOT_CRON || "30 3 * * *",
}
