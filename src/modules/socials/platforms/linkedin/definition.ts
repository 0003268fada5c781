import { platformFacts } from "../catalog"
import { socialsConfigSchema } from "../config"
import { definePlatform } from "../definition"
import { createLinkedInClient, type LinkedInClient } from "./client"
import { linkedinDialect } from "./dialect"
import { syncLinkedInPosts } from "./sync"

/** LinkedIn organization posts: batched share statistics and social metadata, comments per post. */
export const linkedinDefinition = definePlatform<LinkedInClient>(platformFacts("linkedin"), {
  ...linkedinDialect,
  config: {
    schema: socialsConfigSchema.pick({ linkedinApiUrl: true, linkedinApiVersion: true, linkedinClientId: true, linkedinClientSecret: true }),
    env: {
      linkedinApiUrl: "LINKEDIN_API_URL",
      linkedinApiVersion: "LINKEDIN_API_VERSION",
      linkedinClientId: "LINKEDIN_CLIENT_ID",
      linkedinClientSecret: "LINKEDIN_CLIENT_SECRET",
    },
  },
  createClient: createLinkedInClient,
  sync: syncLinkedInPosts,
  // Only with a refresh token (approved partners) and LINKEDIN_CLIENT_ID/SECRET; otherwise not_renewable.
  renewToken: (ctx) => createLinkedInClient(ctx).tokens.renew(),
})
