import { platformFacts } from "../catalog"
import { socialsConfigSchema } from "../config"
import { definePlatform } from "../definition"
import { createXClient, type XClient } from "./client"
import { xDialect } from "./dialect"
import { syncTwitterPosts } from "./sync"

/** X posts: up to 100 per lookup; private metrics only where they can exist. */
export const xDefinition = definePlatform<XClient>(platformFacts("twitter"), {
  ...xDialect,
  config: {
    schema: socialsConfigSchema.pick({ xApiUrl: true, xClientId: true, xClientSecret: true, xRepliesInBulk: true, xFullArchiveSearch: true }),
    env: { xApiUrl: "X_API_URL", xClientId: "X_CLIENT_ID", xClientSecret: "X_CLIENT_SECRET", xRepliesInBulk: "SOCIALS_X_REPLIES_IN_BULK", xFullArchiveSearch: "X_FULL_ARCHIVE_SEARCH" },
  },
  createClient: createXClient,
  sync: syncTwitterPosts,
  // The rotating refresh token (offline.access), with X_CLIENT_ID; the new pair is saved before the lock is released.
  renewToken: (ctx) => createXClient(ctx).tokens.renew(),
})
