import { hostIs, pathOf, type ParsedPostUrl } from "../listing/post-url"

/** Host, path and the two query keys that name a story; nothing else (tracking parameters) matters. */
export function normalizeFacebookLink(raw: string): string | undefined {
  try {
    const url = new URL(raw)
    const keep = ["story_fbid", "id"].flatMap((k) => (url.searchParams.get(k) ? [`${k}=${url.searchParams.get(k)}`] : []))
    return `facebook.com${pathOf(url).toLowerCase()}${keep.length ? `?${keep.join("&")}` : ""}`
  } catch {
    return undefined
  }
}

/**
 * facebook.com/{page}/posts/{n|pfbid…} or permalink.php?story_fbid={n}&id={page}:
 * matched in the Page's own published posts, by the numeric story id ({page}_{n})
 * or by the normalised permalink (pfbid links have no documented decoding).
 * Share links (share/p/, fb.watch) need a browser session to expand.
 */
export function parseFacebookPostUrl(url: URL): ParsedPostUrl {
  if (!hostIs(url, "facebook.com", "fb.com", "fb.watch")) return undefined
  if (hostIs(url, "fb.watch") || /^\/share\//.test(url.pathname)) {
    return { platform: "facebook", problem: "Facebook share links cannot be resolved: open the post and copy the address from the date link (…/posts/…)" }
  }
  const story = url.searchParams.get("story_fbid") ?? /\/posts\/(\d+)$/.exec(pathOf(url))?.[1]
  const pasted = normalizeFacebookLink(url.toString())
  if (!story && !/\/posts\/pfbid[A-Za-z0-9]+$/.test(pathOf(url))) {
    return { platform: "facebook", problem: "this Facebook link is not a Page post (it should look like facebook.com/<page>/posts/<id>)" }
  }
  return {
    platform: "facebook",
    kind: "listing",
    match: (p) => (story !== undefined && p.platformPostId.endsWith(`_${story}`)) || (!!p.permalink && normalizeFacebookLink(p.permalink) === pasted),
  }
}
