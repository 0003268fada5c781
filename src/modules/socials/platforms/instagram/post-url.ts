import { hostIs, type ParsedPostUrl } from "../listing/post-url"

const SHORTCODE = /^\/(?:[^/]+\/)?(?:p|reels?|tv)\/([A-Za-z0-9_-]+)/

/**
 * instagram.com/[user/](p|reel|reels|tv)/{shortcode}/: no endpoint resolves a
 * shortcode, so it is matched against the listing's shortcodes (the API may say
 * /reel/ where the merchant pasted /p/, so shortcodes are compared, not links).
 */
export function parseInstagramPostUrl(url: URL): ParsedPostUrl {
  if (!hostIs(url, "instagram.com", "instagr.am")) return undefined
  const code = SHORTCODE.exec(url.pathname)?.[1]
  if (!code) return { platform: "instagram", problem: "this Instagram link is not a post or reel (it should look like instagram.com/p/<code>/); stories cannot be added" }
  return { platform: "instagram", kind: "listing", match: (p) => p.shortcode === code || (p.permalink ?? "").includes(`/${code}/`) }
}
