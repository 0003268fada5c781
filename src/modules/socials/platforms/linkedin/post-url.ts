import { hostIs, type ParsedPostUrl } from "../listing/post-url"

const FEED_URN = /\/feed\/update\/(urn:li:(?:share|ugcPost|activity):\d+)/
const POST_SLUG = /\/posts\/[^/]*-(share|ugcPost|activity)-(\d+)-/
/** A post's URN and its activity id are minted within a second or so ([3P] pair: 0.55 s apart). */
const ACTIVITY_WINDOW_MS = 3_000

/** LinkedIn ids are snowflake-like: epoch ms in the bits above 22 (UNCONFIRMED, from [3P] samples). */
export function linkedInIdTime(urn: string): number | undefined {
  const n = /:(\d+)$/.exec(urn)?.[1]
  return n ? Number(BigInt(n) >> 22n) : undefined
}

/**
 * /feed/update/urn:li:{share|ugcPost}:{n}/ and /posts/{slug}-{share|ugcPost}-{n}-… carry the
 * post URN itself (checked in the organization's listing: it must be one of its posts).
 * Activity ids (…-activity-{n}-, urn:li:activity:) differ from the URN: the post is the
 * listed one minted within a few seconds of the activity (heuristic; platform-onboarding §5.4).
 */
export function parseLinkedInPostUrl(url: URL): ParsedPostUrl {
  if (!hostIs(url, "linkedin.com")) return undefined
  const path = decodeURIComponent(url.pathname)
  const feed = FEED_URN.exec(path)?.[1]
  const slug = POST_SLUG.exec(path)
  const urn = feed ?? (slug ? `urn:li:${slug[1]}:${slug[2]}` : undefined)
  if (!urn) return { platform: "linkedin", problem: "this LinkedIn link is not a post (it should look like linkedin.com/feed/update/urn:li:share:<id>/ or linkedin.com/posts/…)" }
  if (!urn.startsWith("urn:li:activity:")) return { platform: "linkedin", kind: "listing", match: (p) => p.platformPostId === urn }
  const at = linkedInIdTime(urn)!
  return {
    platform: "linkedin",
    kind: "listing",
    match: (p) => {
      const t = linkedInIdTime(p.platformPostId)
      return t !== undefined && Math.abs(t - at) <= ACTIVITY_WINDOW_MS
    },
  }
}
