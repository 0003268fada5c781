import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SOCIAL_ATTRIBUTION_MODULE } from "../../../modules/social-attribution"
import type SocialAttributionModuleService from "../../../modules/social-attribution/service"
import type { AttributionRow } from "../../../modules/social-attribution/attribution/rows"

export const SAVE_ATTRIBUTIONS_STEP = "save-attributions"

/**
 * One upsert for the batch, keyed by order id. The workflow's last step, so there
 * is no later failure to undo; running it again with the same orders is harmless.
 */
export const saveAttributionsStep = createStep(SAVE_ATTRIBUTIONS_STEP, async (rows: AttributionRow[], { container }) => {
  await container.resolve<SocialAttributionModuleService>(SOCIAL_ATTRIBUTION_MODULE).upsertAttributions(rows)
  return new StepResponse({ saved: rows.length })
})
