import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { discoverNewPosts, discoveryLimitFrom, type DiscoveryOutcome } from "../../modules/socials/services/discover-new-posts"
import { accountImportLock, refreshLockOf } from "./account-import-lock"
import { resolveSocials } from "./resolve-socials"

export const DISCOVER_NEW_POSTS_STEP = "discover-new-posts"

/** An account busy with a merchant's import is left for the next run rather than waited for. */
const ACCOUNT_LOCK_WAIT_SECONDS = 1

/** Imports every active account's new posts (idempotent: creates only unknown ones, so nothing to compensate). */
export const discoverNewPostsStep = createStep(DISCOVER_NEW_POSTS_STEP, async (input: { limit?: number }, { container }) => {
  const socials = resolveSocials(container)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const outcomes: DiscoveryOutcome[] = await discoverNewPosts({
    socials,
    logger,
    refreshLock: refreshLockOf(container),
    accountLock: accountImportLock(container, ACCOUNT_LOCK_WAIT_SECONDS),
    limit: input.limit ?? discoveryLimitFrom(socials.moduleOptions, process.env, logger),
  })
  return new StepResponse(outcomes)
})
