import { platformFacts } from "../catalog"
import { definePlatform } from "../definition"
import type { GraphClient } from "../meta/graph-client"
import { META_CONFIG, metaDialect } from "../meta/meta-definition"
import { createInstagramClient } from "./client"
import { syncInstagramPosts } from "./sync"

/** Instagram media, also on Facebook Pages' posts cross-published through Meta. */
export const instagramDefinition = definePlatform<GraphClient>(platformFacts("instagram"), {
  ...metaDialect("instagram"),
  config: META_CONFIG,
  createClient: createInstagramClient,
  sync: syncInstagramPosts,
})
