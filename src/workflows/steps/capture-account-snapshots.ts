import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { resolveSocials } from "./resolve-socials"
import { captureAccountSnapshots, snapshotDay, type AccountSnapshotOutcome } from "../../modules/socials/services/account-snapshots"

export const CAPTURE_ACCOUNT_SNAPSHOTS_STEP = "capture-account-snapshots"

/** A capture run is one audience call per account: a minute covers it with room. */
const RUN_LOCK_TIMEOUT_SECONDS = 120
const REFRESH_LOCK_TIMEOUT_SECONDS = 30

/**
 * Captures today's audience of every active account. Runs hold one lock per UTC
 * day, so two processes starting the job together run one after the other and the
 * second finds every account already captured. Nothing to compensate.
 */
export const captureAccountSnapshotsStep = createStep(CAPTURE_ACCOUNT_SNAPSHOTS_STEP, async (_input: Record<string, never>, { container }) => {
  const socials = resolveSocials(container)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const locking = container.resolve(Modules.LOCKING)
  const outcomes: AccountSnapshotOutcome[] = await locking.execute(
    `socials:account-snapshots:${snapshotDay(new Date())}`,
    () =>
      captureAccountSnapshots({
        socials,
        logger,
        refreshLock: (key, job) => locking.execute(key, job, { timeout: REFRESH_LOCK_TIMEOUT_SECONDS }),
      }),
    { timeout: RUN_LOCK_TIMEOUT_SECONDS }
  )
  return new StepResponse(outcomes)
})
