import type { Logger } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { platformFacts } from "../platforms/catalog"
import { parseFacebookPostUrl } from "../platforms/facebook/post-url"
import { isPlatformApiError } from "../platforms/http/platform-api-error"
import { parseInstagramPostUrl } from "../platforms/instagram/post-url"
import { parseLinkedInPostUrl } from "../platforms/linkedin/post-url"
import type { ParsedPostUrl, PostUrlClaim } from "../platforms/listing/post-url"
import type { ListedPost } from "../platforms/listing/types"
import { parseThreadsPostUrl } from "../platforms/threads/post-url"
import type { SyncContext } from "../platforms/types"
import { parseXPostUrl } from "../platforms/x/post-url"
import { accountContext, type AccountContextStore } from "./import-context"
import { POST_LISTERS } from "./import-posts"
import type { PlatformRecord } from "./sync-persistence"

export const UNRESOLVABLE_POST_URL = "unresolvable_post_url"
/** How far back a pasted URL is looked for: 10 pages (up to 1,000 posts), each within the account's budget. */
export const RESOLVE_MAX_PAGES = 10
const RESOLVE_PAGE_SIZE = 100

const PARSERS = [parseInstagramPostUrl, parseFacebookPostUrl, parseXPostUrl, parseLinkedInPostUrl, parseThreadsPostUrl]

const unresolvable = (url: string, why: string) => new MedusaError(MedusaError.Types.INVALID_DATA, `post_url ${url} cannot be resolved: ${why}`, UNRESOLVABLE_POST_URL)

/**
 * The post a pasted URL points at, as the account's platform knows it (id, caption,
 * publish time, permalink). Refused with `unresolvable_post_url` when the URL is no
 * post URL, is another platform's, or is not one of this account's posts.
 */
export async function resolvePostUrl(deps: { socials: AccountContextStore; logger: Logger }, platform: PlatformRecord, raw: string): Promise<ListedPost> {
  const label = platformFacts(platform.provider).label
  const parsed = parsePostUrl(raw)
  if (!parsed) throw unresolvable(raw, "it is not a link to an Instagram, Facebook, X, LinkedIn or Threads post")
  if (parsed.platform !== platform.provider) throw unresolvable(raw, `it is a ${platformFacts(parsed.platform).label} link, but this account is on ${label}`)
  if ("problem" in parsed) throw unresolvable(raw, parsed.problem)
  const ctx = accountContext(deps.socials, platform, deps.logger)
  if (!ctx) throw unresolvable(raw, `this ${label} account has no access token: connect it, or enter the post id under Advanced`)
  try {
    const found = parsed.kind === "lookup" ? await parsed.lookup(ctx) : await findInListing(ctx, platform.provider, parsed)
    if (!found) throw unresolvable(raw, `it is not among this ${label} account's latest posts: it belongs to another account, was deleted, or is older than the last ${RESOLVE_MAX_PAGES * RESOLVE_PAGE_SIZE}`)
    if ("problem" in found) throw unresolvable(raw, found.problem)
    return found
  } catch (e) {
    if (!isPlatformApiError(e)) throw e
    if (e.isRateLimit) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${label}'s rate budget is used up for now: add the post again later (${e.message})`, "rate_limited")
    throw unresolvable(raw, `${label} refused to show this account's posts: ${e.message}`)
  }
}

function parsePostUrl(raw: string): ParsedPostUrl {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return undefined
  }
  for (const parse of PARSERS) {
    const parsed = parse(url)
    if (parsed) return parsed
  }
  return undefined
}

/** Pages through the account's own posts, newest first, until one matches. */
async function findInListing(ctx: SyncContext, provider: string, claim: Extract<PostUrlClaim, { kind: "listing" }>): Promise<ListedPost | undefined> {
  const lister = POST_LISTERS[provider]
  if (!lister) return undefined
  let cursor: string | undefined
  for (let page = 0; page < RESOLVE_MAX_PAGES; page++) {
    const listed = await lister(ctx, { limit: RESOLVE_PAGE_SIZE, cursor })
    const hit = listed.posts.find((p) => claim.match(p))
    if (hit || !listed.nextCursor) return hit
    cursor = listed.nextCursor
  }
  return undefined
}
