import type { PlatformDialect } from "../http/dialect"
import { readGraphUsage } from "../http/usage-headers"
import { metaErrorMapper } from "./errors"

type MetaPlatform = "instagram" | "facebook"

/** Graph's wire dialect, shared by Instagram and Facebook: Graph error bodies, app and business-use-case usage. */
export function metaDialect(platform: MetaPlatform): PlatformDialect {
  const map = metaErrorMapper(platform)
  return {
    mapError: (response) => map(response),
    readUsage: (get) => readGraphUsage(get),
    // Graph takes the token in query strings and batch bodies; token debugging and exchange name theirs.
    secretParams: ["access_token", "input_token", "fb_exchange_token", "client_secret"],
  }
}
