import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { schedulePostInsightsSyncWorkflow } from "../workflows/schedule-post-insights-sync"
import { SOCIAL_POST_PUBLISHED_EVENT } from "../workflows/events"
import { SOCIALS_MODULE } from "../modules/socials"
import type SocialsModuleService from "../modules/socials/service"

const DEFAULT_DELAY_SECONDS = 60

/** A published post gets its first sync about a minute later (configurable). */
export default async function scheduleSyncAfterPublish({ event, container }: SubscriberArgs<{ id: string }>) {
  const socials = container.resolve<SocialsModuleService>(SOCIALS_MODULE)
  const fromEnv = process.env.SOCIALS_PUBLISH_SYNC_DELAY_SECONDS
  const delaySeconds = Number(fromEnv ?? socials.moduleOptions.publishSyncDelaySeconds ?? DEFAULT_DELAY_SECONDS)
  await schedulePostInsightsSyncWorkflow(container).run({ input: { id: event.data.id, delaySeconds } })
}

export const config: SubscriberConfig = {
  event: SOCIAL_POST_PUBLISHED_EVENT,
}
