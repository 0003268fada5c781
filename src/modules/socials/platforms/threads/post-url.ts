import { hostIs, type ParsedPostUrl } from "../listing/post-url"

const SHORTCODE = /^\/@[^/]+\/post\/([A-Za-z0-9_-]+)/

/** threads.net|threads.com/@{user}/post/{shortcode}: matched against the listing (there is no lookup). */
export function parseThreadsPostUrl(url: URL): ParsedPostUrl {
  if (!hostIs(url, "threads.net", "threads.com")) return undefined
  const code = SHORTCODE.exec(url.pathname)?.[1]
  if (!code) return { platform: "threads", problem: "this Threads link is not a post (it should look like threads.net/@user/post/<code>)" }
  return { platform: "threads", kind: "listing", match: (p) => p.shortcode === code || (p.permalink ?? "").replace(/\/+$/, "").endsWith(`/post/${code}`) }
}
