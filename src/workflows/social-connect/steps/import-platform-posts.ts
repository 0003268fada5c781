import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ImportBusyError } from "../../../modules/socials/services/discover-new-posts"
import { importPlatformPosts, type ImportOptions } from "../../../modules/socials/services/import-posts"
import type { PlatformRecord } from "../../../modules/socials/services/sync-persistence"
import { accountImportLock, refreshLockOf } from "../../steps/account-import-lock"
import { resolveSocials } from "../../steps/resolve-socials"

export const IMPORT_PLATFORM_POSTS_STEP = "import-platform-posts"

/** A discovery run of the account takes seconds; the merchant's import waits for it rather than failing. */
const ACCOUNT_LOCK_WAIT_SECONDS = 60

/**
 * Lists the account's published posts and upserts them (idempotent, so nothing to
 * compensate), holding the account's import lock: the hourly discovery importing the
 * same account at that moment would otherwise create the same new post twice.
 */
export const importPlatformPostsStep = createStep(IMPORT_PLATFORM_POSTS_STEP, async (input: { platform_id: string } & ImportOptions, { container }) => {
  const socials = resolveSocials(container)
  const [platform] = await socials.listSocialPlatforms({ id: input.platform_id }, { take: 1 })
  if (!platform) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Social platform ${input.platform_id} was not found.`)
  if (platform.status === "disabled") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This account is disabled: enable it before importing.", "platform_disabled")
  // Workflow inputs travel serialized: the date may arrive as a string.
  const options = { limit: input.limit, cursor: input.cursor, since: input.since ? new Date(input.since) : undefined }
  const deps = { socials, logger: container.resolve(ContainerRegistrationKeys.LOGGER), refreshLock: refreshLockOf(container) }
  try {
    const summary = await accountImportLock(container, ACCOUNT_LOCK_WAIT_SECONDS)(platform.id, () => importPlatformPosts(deps, platform as unknown as PlatformRecord, options))
    return new StepResponse(summary)
  } catch (error) {
    if (error instanceof ImportBusyError) throw new MedusaError(MedusaError.Types.CONFLICT, "Another import of this account is still running: try again in a minute.", "import_running")
    throw error
  }
})
