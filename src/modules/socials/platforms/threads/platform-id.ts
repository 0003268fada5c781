import type { SocialPlatform } from "../catalog"

/** The shared layers (PlatformApiError, budgets, sync results) are typed on the catalog's ids. */
export const THREADS: SocialPlatform = "threads"

export const THREADS_LABEL = "Threads"
