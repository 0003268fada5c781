import { graphError, type GraphError } from "./graph-errors"

/**
 * Versions served on the sandbox clock's "today" (Nov 2026): v20.0 expired Sep 24 2026, v21.0
 * lives until Jan 21 2027, v26.0 is the newest (Graph changelog, platform-apis.md header).
 */
export const OLDEST_VERSION = 21
export const NEWEST_VERSION = 26
export const SUPPORTED_VERSIONS = Array.from({ length: NEWEST_VERSION - OLDEST_VERSION + 1 }, (_, i) => `v${OLDEST_VERSION + i}.0`)

/** UNCONFIRMED wording: Graph's exact text for an unknown / expired version is not in our sources. */
export function unsupportedVersion(segment: string): GraphError {
  return graphError(100, `(#100) Unsupported Graph API version "${segment}". Supported versions: ${SUPPORTED_VERSIONS.join(", ")}`)
}

/** Unversioned calls are refused too (third-party report, 2026-03: "HTTP 400 with a version error"). */
export function missingVersion(): GraphError {
  return graphError(100, `(#100) An explicit Graph API version is required in the path, e.g. /${SUPPORTED_VERSIONS[SUPPORTED_VERSIONS.length - 2]}/{id}`)
}

export function parseVersion(segment: string): { version: string; number: number } | GraphError {
  const match = /^v(\d+)\.(\d+)$/.exec(segment)
  if (!match) return unsupportedVersion(segment)
  const major = Number(match[1])
  if (match[2] !== "0" || major < OLDEST_VERSION || major > NEWEST_VERSION) return unsupportedVersion(segment)
  return { version: segment, number: major }
}
