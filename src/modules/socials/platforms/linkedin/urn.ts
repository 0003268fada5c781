/**
 * Rest.li 2.0 reserves `(`, `)`, `,`, `:` and `'`: a URN must be percent-encoded
 * as a path key and as each element of `List(...)`, while the List's own
 * parentheses and commas stay literal (platform-apis.md §5.1).
 */
export function encodeUrn(urn: string): string {
  return encodeURIComponent(urn).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

export function restliList(urns: string[]): string {
  return `List(${urns.map(encodeUrn).join(",")})`
}

/** BATCH_GET result keys arrive encoded or decoded depending on the endpoint: compare decoded. */
export function normalizeUrnKey(key: string): string {
  if (!key.includes("%")) return key
  try {
    return decodeURIComponent(key)
  } catch {
    // A broken escape cannot be one of our keys; keep it so it simply never matches.
    return key
  }
}

export type LinkedInPostKind = "share" | "ugcPost"

export function linkedInPostKind(urn: string): LinkedInPostKind | undefined {
  const m = /^urn:li:(share|ugcPost):[^\s]+$/.exec(urn)
  return m ? (m[1] === "share" ? "share" : "ugcPost") : undefined
}

/** Accounts may be stored as the organization URN or just its numeric id. */
export function organizationUrn(accountId: string): string {
  return accountId.startsWith("urn:li:") ? accountId : `urn:li:organization:${accountId}`
}
