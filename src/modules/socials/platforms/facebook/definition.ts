import { platformFacts } from "../catalog"
import { definePlatform } from "../definition"
import type { GraphClient } from "../meta/graph-client"
import { META_CONFIG, metaDialect } from "../meta/meta-definition"
import { createFacebookClient } from "./client"
import { syncFacebookPosts } from "./sync"

/** Facebook Page posts: one Graph sub-request per post, batched 50 per call. */
export const facebookDefinition = definePlatform<GraphClient>(platformFacts("facebook"), {
  ...metaDialect("facebook"),
  config: META_CONFIG,
  createClient: createFacebookClient,
  sync: syncFacebookPosts,
})
