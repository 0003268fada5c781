import { platformFacts } from "../catalog"
import { definePlatform } from "../definition"
import { createThreadsClient, type ThreadsClient } from "./client"
import { THREADS_ENV, threadsConfigFrom, threadsConfigSchema } from "./config"
import { threadsDialect } from "./dialect"
import { THREADS_MEDIA_ID, syncThreadsPosts } from "./sync"

/** Threads (graph.threads.net): its facts are the catalog's "threads" entry; this is its server half. */
export const threadsDefinition = definePlatform<ThreadsClient>(platformFacts("threads"), {
  isValidPostId: (id: string): boolean => THREADS_MEDIA_ID.test(id),
  // Resolved at boot onto `config.threads` (threadsConfigOf reads it there).
  config: { key: "threads", schema: threadsConfigSchema, env: THREADS_ENV, from: threadsConfigFrom },
  createClient: (ctx) => createThreadsClient(ctx),
  sync: syncThreadsPosts,
  // th_refresh_token at /refresh_access_token: the long-lived token renews itself (token-refresh.ts).
  renewToken: (ctx) => createThreadsClient(ctx).tokens.renew(),
  ...threadsDialect,
})

export type ThreadsDefinition = typeof threadsDefinition
