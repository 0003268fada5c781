import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import type { PostSyncOutcome } from "../../modules/socials/services/post-insights-service"
import { SOCIAL_POST_INSIGHTS_SYNCED_EVENT } from "../events"

export const EMIT_INSIGHTS_SYNCED_STEP = "emit-insights-synced"

/** One social_post.insights_synced event per post the platform was asked about. */
export const emitInsightsSyncedStep = createStep(
  EMIT_INSIGHTS_SYNCED_STEP,
  async (outcomes: PostSyncOutcome[], { container }) => {
    const attempted = outcomes.filter((o) => o.status !== "skipped")
    if (attempted.length) {
      await container.resolve(Modules.EVENT_BUS).emit(
        attempted.map((o) => ({ name: SOCIAL_POST_INSIGHTS_SYNCED_EVENT, data: { id: o.postId, sync_status: o.status } }))
      )
    }
    return new StepResponse(attempted.length)
  }
)
