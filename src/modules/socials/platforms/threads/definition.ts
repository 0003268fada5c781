import { platformFacts } from "../catalog"
import { definePlatform } from "../definition"
import { parseAppUsage, type HeaderLookup, type UsageReading } from "../http/usage-headers"
import { createThreadsClient, type ThreadsClient } from "./client"
import { THREADS_ENV, threadsConfigFrom, threadsConfigSchema } from "./config"
import { mapThreadsError } from "./errors"
import { THREADS_MEDIA_ID, syncThreadsPosts } from "./sync"

/** Threads (graph.threads.net): its facts are the catalog's "threads" entry; this is its server half. */
export const threadsDefinition = definePlatform<ThreadsClient>(platformFacts("threads"), {
  isValidPostId: (id: string): boolean => THREADS_MEDIA_ID.test(id),
  // Resolved at boot onto `config.threads` (threadsConfigOf reads it there).
  config: { key: "threads", schema: threadsConfigSchema, env: THREADS_ENV, from: threadsConfigFrom },
  createClient: (ctx) => createThreadsClient(ctx),
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
})

export type ThreadsDefinition = typeof threadsDefinition
