import { platformFacts } from "../catalog"
import { socialsConfigSchema } from "../config"
import { definePlatform } from "../definition"
import { readXUsage } from "../http/usage-headers"
import { createXClient, type XClient } from "./client"
import { mapXError } from "./errors"
import { syncTwitterPosts } from "./sync"

/** X posts: up to 100 per lookup; private metrics only where they can exist. */
export const xDefinition = definePlatform<XClient>(platformFacts("twitter"), {
  mapError: mapXError,
  readUsage: readXUsage,
  // Bearer headers on reads; the OAuth 2.0 refresh sends these in its form body.
  secretParams: ["refresh_token", "client_secret", "access_token"],
  config: {
    schema: socialsConfigSchema.pick({ xApiUrl: true, xClientId: true, xClientSecret: true, xRepliesInBulk: true, xFullArchiveSearch: true }),
    env: { xApiUrl: "X_API_URL", xClientId: "X_CLIENT_ID", xClientSecret: "X_CLIENT_SECRET", xRepliesInBulk: "SOCIALS_X_REPLIES_IN_BULK", xFullArchiveSearch: "X_FULL_ARCHIVE_SEARCH" },
  },
  createClient: createXClient,
  sync: syncTwitterPosts,
})
