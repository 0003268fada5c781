import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { readSocialsOptions } from "../modules/socials/utils/module-options"
import { discoverNewPostsWorkflow } from "../workflows/discover-new-posts"

/**
 * Hourly by default (SOCIALS_DISCOVERY_CRON or the module's `discoveryCron`): every
 * active account's posts published since its newest known one become social posts,
 * due for their first sync. The logic lives in services/discover-new-posts.ts.
 */
export default async function discoverNewPostsJob(container: MedusaContainer) {
  const { result } = await discoverNewPostsWorkflow(container).run({ input: {} })
  const imported = result.reduce((sum, o) => sum + o.imported, 0)
  const count = (status: string) => result.filter((o) => o.status === status).length
  if (imported || count("failed")) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`socials: discovery: ${imported} new posts over ${count("imported")} accounts; ${count("skipped")} skipped, ${count("failed")} failed`)
  }
}

export const config = {
  name: "socials-discover-new-posts",
  schedule: process.env.SOCIALS_DISCOVERY_CRON || readSocialsOptions().discoveryCron || "0 * * * *",
}
