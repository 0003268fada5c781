import type { SocialPlatform } from "../../insights/schema"

/**
 * The shared layers (PlatformApiError, budgets, sync results) are typed on SocialPlatform,
 * which the platform registry will derive from the definitions, "threads" included. Until
 * it does, this is the one place that bridges the id; delete the cast then.
 */
export const THREADS = "threads" as unknown as SocialPlatform

export const THREADS_LABEL = "Threads"
