import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { importPlatformPosts, type ImportOptions } from "../../../modules/socials/services/import-posts"
import type { PlatformRecord } from "../../../modules/socials/services/sync-persistence"
import { resolveSocials } from "../../steps/resolve-socials"

export const IMPORT_PLATFORM_POSTS_STEP = "import-platform-posts"

/** Lists the account's published posts and upserts them (idempotent, so nothing to compensate). */
export const importPlatformPostsStep = createStep(IMPORT_PLATFORM_POSTS_STEP, async (input: { platform_id: string } & ImportOptions, { container }) => {
  const socials = resolveSocials(container)
  const [platform] = await socials.listSocialPlatforms({ id: input.platform_id }, { take: 1 })
  if (!platform) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Social platform ${input.platform_id} was not found.`)
  if (platform.status === "disabled") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This account is disabled: enable it before importing.", "platform_disabled")
  // Workflow inputs travel serialized: the date may arrive as a string.
  const options = { limit: input.limit, cursor: input.cursor, since: input.since ? new Date(input.since) : undefined }
  const summary = await importPlatformPosts({ socials, logger: container.resolve(ContainerRegistrationKeys.LOGGER) }, platform as unknown as PlatformRecord, options)
  return new StepResponse(summary)
})
