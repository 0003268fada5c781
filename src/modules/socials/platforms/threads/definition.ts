import { parseAppUsage, type HeaderLookup, type UsageReading } from "../http/usage-headers"
import { THREADS_ADMIN } from "./admin"
import { createThreadsClient } from "./client"
import { THREADS_DEFAULT_BUDGET, THREADS_ENV, threadsConfigFrom, threadsConfigSchema } from "./config"
import { mapThreadsError } from "./errors"
import { THREADS_MEDIA_ID, syncThreadsPosts } from "./sync"

/**
 * Threads as one platform definition (draft: the registry aligns the exact type; the field
 * names are the ones issue 12 lists).
 */
export const threadsDefinition = {
  id: "threads",
  label: "Threads",
  providers: ["threads"],
  /** Where a post keeps its id in `insights`. */
  postIdField: "threads_media_id",
  isValidPostId: (id: string): boolean => THREADS_MEDIA_ID.test(id),
  blockName: "threads_insights",
  adminMetrics: THREADS_ADMIN,
  defaultBudget: THREADS_DEFAULT_BUDGET,
  config: { schema: threadsConfigSchema, env: THREADS_ENV, from: threadsConfigFrom },
  createClient: createThreadsClient,
  sync: syncThreadsPosts,
  mapError: mapThreadsError,
  /**
   * Threads documents no usage header; should it send Graph's `X-App-Usage` (UNCONFIRMED),
   * it reads as on Meta: percentages, throttling at 100.
   */
  readUsage: (get: HeaderLookup): UsageReading[] => {
    const app = parseAppUsage(get("x-app-usage"))
    return app ? [app] : []
  },
  /** Query and body parameters that carry secrets on Threads (the refresh call's token; app secret on connect). */
  secretParams: ["access_token", "client_secret"],
} as const

export type ThreadsDefinition = typeof threadsDefinition
