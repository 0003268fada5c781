import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { readSocialsOptions } from "../modules/socials/utils/module-options"
import { refreshPlatformTokensWorkflow } from "../workflows/refresh-platform-tokens"

/**
 * Daily at 04:15 server time (SOCIALS_TOKEN_LIFECYCLE_CRON or the module's `tokenLifecycleCron`):
 * renews tokens nearing their expiry where the platform allows it, and puts a notice in
 * the admin's notification feed for what must be reconnected. Logic: services/token-lifecycle.ts.
 */
export default async function refreshPlatformTokensJob(container: MedusaContainer) {
  const { result } = await refreshPlatformTokensWorkflow(container).run({ input: {} })
  const count = (status: string) => result.filter((o) => o.status === status).length
  container
    .resolve(ContainerRegistrationKeys.LOGGER)
    .info(`socials: token check: ${count("renewed")} renewed, ${count("notified")} notices sent, ${count("failed")} failed (of ${result.length} accounts)`)
}

export const config = {
  name: "socials-refresh-platform-tokens",
  schedule: process.env.SOCIALS_TOKEN_LIFECYCLE_CRON || readSocialsOptions().tokenLifecycleCron || "15 4 * * *",
}
