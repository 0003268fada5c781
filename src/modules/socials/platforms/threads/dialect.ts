import type { PlatformDialect } from "../http/dialect"
import { parseAppUsage, type HeaderLookup, type UsageReading } from "../http/usage-headers"
import { mapThreadsError } from "./errors"

/** Threads' wire dialect: Graph-style error bodies, (maybe) X-App-Usage, its token parameters. */
export const threadsDialect: PlatformDialect = {
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
}
