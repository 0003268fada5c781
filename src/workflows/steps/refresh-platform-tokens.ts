import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { refreshPlatformTokens, type NotifyAdmin, type TokenLifecycleOutcome } from "../../modules/socials/services/token-lifecycle"
import { refreshLockOf } from "./account-import-lock"
import { resolveSocials } from "./resolve-socials"

export const REFRESH_PLATFORM_TOKENS_STEP = "refresh-platform-tokens"

/** A run is one token call per due account at most. */
const RUN_LOCK_TIMEOUT_SECONDS = 120

/**
 * Renews due tokens and notifies what must be reconnected. One run at a time across
 * processes (a second one waits, then finds every renewed token far from expiry and
 * every notice already sent). Renewals are saved as they happen: nothing to compensate.
 */
export const refreshPlatformTokensStep = createStep(REFRESH_PLATFORM_TOKENS_STEP, async (_input: Record<string, never>, { container }) => {
  const socials = resolveSocials(container)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const notifications = container.resolve(Modules.NOTIFICATION)
  const locking = container.resolve(Modules.LOCKING)
  const notify: NotifyAdmin = async (notice) => {
    try {
      // Nothing is created (undefined) for an idempotency key the module already has.
      return Boolean(await notifications.createNotifications(notice))
    } catch (error) {
      // Another process created the same key between the module's check and its insert.
      if (/duplicate key|unique|already exists/i.test(error instanceof Error ? error.message : String(error))) return false
      throw error
    }
  }
  const outcomes: TokenLifecycleOutcome[] = await locking.execute(
    "socials:refresh-platform-tokens",
    () => refreshPlatformTokens({ socials, logger, notify, refreshLock: refreshLockOf(container) }),
    { timeout: RUN_LOCK_TIMEOUT_SECONDS }
  )
  return new StepResponse(outcomes)
})
