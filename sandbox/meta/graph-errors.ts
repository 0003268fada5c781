import { randomBytes } from "node:crypto"

/** A Graph error on its way out: HTTP status plus the `{"error":{...}}` envelope of §3.3. */
export interface GraphError {
  status: number
  body: {
    error: {
      message: string
      type: string
      code: number
      error_subcode?: number
      is_transient?: boolean
      fbtrace_id: string
    }
  }
}

export function fbtraceId(): string {
  return randomBytes(9).toString("base64").replace(/[+/=]/g, "A")
}

export function graphError(
  code: number,
  message: string,
  opts: { type?: string; subcode?: number; status?: number; transient?: boolean } = {}
): GraphError {
  return {
    status: opts.status ?? 400,
    body: {
      error: {
        message,
        type: opts.type ?? "OAuthException",
        code,
        ...(opts.subcode !== undefined ? { error_subcode: opts.subcode } : {}),
        ...(opts.transient !== undefined ? { is_transient: opts.transient } : {}),
        fbtrace_id: fbtraceId(),
      },
    },
  }
}

export function isGraphError(value: unknown): value is GraphError {
  return typeof value === "object" && value !== null && "body" in value && "status" in value
}

/* ---------------------------- tokens ---------------------------- */

export const missingToken = (): GraphError => graphError(104, "An access token is required to request this resource.")

export const invalidToken = (): GraphError =>
  graphError(190, "Invalid OAuth access token - Cannot parse access token", { subcode: 467 })

export const revokedToken = (): GraphError =>
  graphError(190, "Error validating access token: The session is invalid because the user logged out.", { subcode: 467 })

/** Graph prints both instants in Pacific time, e.g. "Thursday, 15-Mar-18 06:00:00 PDT". */
export function expiredToken(expiresAt: number, now: number): GraphError {
  return graphError(
    190,
    `Error validating access token: Session has expired on ${pacificTime(expiresAt)}. The current time is ${pacificTime(now)}.`,
    { subcode: 463 }
  )
}

function pacificTime(epochMs: number): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: "America/Los_Angeles",
    weekday: "long",
    day: "2-digit",
    month: "short",
    year: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).formatToParts(new Date(epochMs))
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? ""
  return `${get("weekday")}, ${get("day")}-${get("month")}-${get("year")} ${get("hour")}:${get("minute")}:${get("second")} ${get("timeZoneName")}`
}

/* ---------------------------- objects --------------------------- */

/** Deleted, never existed and "no access" are indistinguishable on Graph (§3.3). */
export const objectNotFound = (id: string): GraphError =>
  graphError(
    100,
    `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    { type: "GraphMethodException", subcode: 33 }
  )

export const nonexistingField = (field: string, nodeType: string): GraphError =>
  graphError(100, `(#100) Tried accessing nonexisting field (${field}) on node type (${nodeType})`)

export const unknownPath = (path: string): GraphError => graphError(2500, `Unknown path components: ${path}`)

export const unsupportedPost = (): GraphError =>
  graphError(100, "Unsupported post request. The sandbox only emulates reads and the Batch API.", { type: "GraphMethodException" })

/* -------------------------- permissions -------------------------- */

export const noPermission = (): GraphError => graphError(10, "(#10) Application does not have permission for this action", { status: 403 })

export const pagesReadEngagementRequired = (): GraphError =>
  graphError(
    10,
    "(#10) This endpoint requires the 'pages_read_engagement' permission or the 'Page Public Content Access' feature. Refer to https://developers.facebook.com/docs/apps/review/login-permissions#manage-pages and https://developers.facebook.com/docs/apps/review/feature#reference-PAGES_ACCESS_FEATURE for details.",
    { status: 403 }
  )

/** UNCONFIRMED wording; code 200 "Permissions error" is what Graph answers for a missing insights grant. */
export const permissionsError = (): GraphError => graphError(200, "(#200) Permissions error", { status: 403 })

/* ---------------------------- insights ---------------------------- */

export const notEnoughViewers = (): GraphError => graphError(10, "(#10) Not enough viewers for the media to show insights")

export const invalidFacebookMetric = (): GraphError => graphError(100, "(#100) The value must be a valid insights metric")

export const unknownError = (): GraphError => graphError(1, "An unknown error has occurred.", { transient: true, status: 500 })
