import type { PlatformDialect } from "../http/dialect"
import { mapLinkedInError } from "./errors"

/** LinkedIn's wire dialect: Rest.li errors, no usage headers, OAuth 2.0 secrets. */
export const linkedinDialect: PlatformDialect = {
  mapError: mapLinkedInError,
  // LinkedIn sends no usage headers: its limits are daily and only a 429 says so.
  readUsage: () => [],
  secretParams: ["refresh_token", "client_secret", "access_token"],
}
