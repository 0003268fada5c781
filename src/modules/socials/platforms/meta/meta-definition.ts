import { socialsConfigSchema } from "../config"
import type { PlatformConfigSlice, PlatformDialect } from "../definition"
import { readGraphUsage } from "../http/usage-headers"
import { metaErrorMapper } from "./errors"

/**
 * What Instagram and Facebook share as definitions: one Meta token reads a Page and
 * its Instagram account, one Graph dialect, one set of options.
 */
export function metaDialect(platform: "instagram" | "facebook"): PlatformDialect {
  const map = metaErrorMapper(platform)
  return {
    mapError: (response) => map(response),
    readUsage: (get) => readGraphUsage(get),
    // Graph takes the token in query strings and batch bodies; token debugging and exchange name theirs.
    secretParams: ["access_token", "input_token", "fb_exchange_token", "client_secret"],
  }
}

/** Meta's options are flat keys of the module config (platforms/config.ts). */
export const META_CONFIG: PlatformConfigSlice = {
  schema: socialsConfigSchema.pick({ metaGraphApiUrl: true, metaGraphApiVersion: true, instagramGraphApiUrl: true, instagramMetrics: true, facebookMetrics: true }),
  env: { metaGraphApiUrl: "META_GRAPH_API_URL", metaGraphApiVersion: "META_GRAPH_API_VERSION", instagramGraphApiUrl: "INSTAGRAM_GRAPH_API_URL" },
}
