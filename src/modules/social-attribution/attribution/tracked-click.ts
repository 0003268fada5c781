/**
 * Reading the storefront's UTM values out of order metadata. Metadata is written
 * by the shopper's browser, so every value is untrusted: anything that is not
 * exactly what the storefront helper writes is ignored, and nothing here throws.
 */

export const KNOWN_PLATFORMS = ["instagram", "facebook", "twitter", "x", "linkedin"] as const

/** Medusa ids: a short prefix, "_", a ULID. The post must still be looked up before it is credited. */
const POST_ID = /^socpost_[0-9A-Za-z]{10,40}$/
const MAX_DATE_LENGTH = 40

export type TrackedClick = {
  post_id: string
  /** utm_source when it is a known platform, else null (the click still counts). */
  platform: string | null
  clicked_at: Date
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

function readDate(value: unknown): Date | null {
  if (typeof value === "number" && Number.isFinite(value)) {
    const date = new Date(value)
    return Number.isNaN(date.getTime()) ? null : date
  }
  if (typeof value !== "string" || value.length > MAX_DATE_LENGTH || !/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    return null
  }
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

/** The click recorded in cart (now order) metadata, or null when absent or malformed. */
export function readTrackedClick(metadata: unknown): TrackedClick | null {
  if (!isPlainObject(metadata)) {
    return null
  }
  const { utm_content, utm_medium, utm_source, utm_clicked_at } = metadata
  if (typeof utm_content !== "string" || !POST_ID.test(utm_content)) {
    return null
  }
  if (utm_medium !== undefined && utm_medium !== "social") {
    return null
  }
  const clickedAt = readDate(utm_clicked_at)
  if (!clickedAt) {
    return null
  }
  const source = typeof utm_source === "string" ? utm_source.toLowerCase() : null
  const platform = source && (KNOWN_PLATFORMS as readonly string[]).includes(source) ? source : null
  return { post_id: utm_content, platform, clicked_at: clickedAt }
}
