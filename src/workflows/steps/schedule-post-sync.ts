import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { resolveSocials } from "./resolve-socials"

export const SCHEDULE_POST_SYNC_STEP = "schedule-post-sync"

/** Records when a post's next sync is due; compensation restores the previous time. */
export const schedulePostSyncStep = createStep(
  SCHEDULE_POST_SYNC_STEP,
  async (input: { id: string; delaySeconds: number }, { container }) => {
    const socials = resolveSocials(container)
    const previous = await socials.retrieveSocialPost(input.id, { select: ["id", "next_sync_at"] })
    const due = new Date(Date.now() + input.delaySeconds * 1000)
    await socials.updateSocialPosts({ id: input.id, next_sync_at: due })
    return new StepResponse(due, { id: input.id, next_sync_at: previous.next_sync_at })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    await resolveSocials(container).updateSocialPosts(previous)
  }
)
