import { socialsConfigSchema } from "../config"
import type { PlatformConfigSlice } from "../definition"

/**
 * What Instagram and Facebook share as definitions: one Meta token reads a Page and
 * its Instagram account, one Graph dialect (meta/dialect.ts, which the Graph client
 * hands to the HTTP layer too), one set of options.
 */
export { metaDialect } from "./dialect"

/** Meta's options are flat keys of the module config (platforms/config.ts). */
export const META_CONFIG: PlatformConfigSlice = {
  schema: socialsConfigSchema.pick({ metaGraphApiUrl: true, metaGraphApiVersion: true, instagramGraphApiUrl: true, instagramMetrics: true, facebookMetrics: true }),
  env: { metaGraphApiUrl: "META_GRAPH_API_URL", metaGraphApiVersion: "META_GRAPH_API_VERSION", instagramGraphApiUrl: "INSTAGRAM_GRAPH_API_URL" },
}
