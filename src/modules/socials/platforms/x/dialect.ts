import type { PlatformDialect } from "../http/dialect"
import { readXUsage } from "../http/usage-headers"
import { mapXError } from "./errors"

/** X's wire dialect: problem-type errors, x-rate-limit-* per endpoint, OAuth 2.0 secrets. */
export const xDialect: PlatformDialect = {
  mapError: mapXError,
  readUsage: readXUsage,
  // Bearer headers on reads; the OAuth 2.0 refresh sends these in its form body.
  secretParams: ["refresh_token", "client_secret", "access_token"],
}
