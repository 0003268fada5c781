import type { SocialPlatform } from "../platforms/catalog"
import { SEARCH_RECENT_WINDOW_MS, X_LOOKUP_LIMIT } from "../platforms/x/sync"
import type { PlanPost } from "./budget-planner"

/**
 * Budget units a sync of these posts books, per budget group of the platform's
 * account budget (`undefined`: the account's main budget; X counts per endpoint
 * group). Estimates of what the clients book (platform-apis.md, bench/bounds.ts):
 * - Instagram, Facebook: one Batch API item per post (the combined read); comment
 *   pages beyond the first are rare and not counted.
 * - X: one tweets lookup per 100 posts; one reply search page (100 replies) for
 *   each post search/recent can see (younger than 7 days) with replies or never synced.
 * - LinkedIn: share statistics (one call per 50 URNs of each kind, both kinds
 *   assumed), socialMetadata per 50, every comments page (100) of a post with
 *   comments, two videoAnalytics calls per video post.
 * - Threads: per post one media read and one insights call, plus one replies page
 *   (100) for a post with replies or never synced: replies are read newest first and
 *   the read stops at the first page holding a stored reply, so an incremental sync
 *   of a post with replies costs one page; a post whose stored count is 0 costs none.
 */
export type UnitsByGroup = Map<string | undefined, number>

const LINKEDIN_LIST = 50
const LINKEDIN_COMMENTS_PAGE = 100
const X_SEARCH_PAGE = 100
/** Threads: the media read and its insights call. */
const THREADS_CALLS_PER_POST = 2

const ceilDiv = (a: number, b: number): number => Math.ceil(a / b)

export function estimateSyncUnits(platform: SocialPlatform, posts: PlanPost[], now: Date): UnitsByGroup | undefined {
  switch (platform) {
    case "instagram":
    case "facebook":
      return new Map([[undefined, posts.length]])
    case "twitter": {
      const searches = posts.reduce((sum, p) => {
        const young = !p.postedAt || now.getTime() - p.postedAt.getTime() < SEARCH_RECENT_WINDOW_MS
        const replies = p.comments === undefined ? 1 : p.comments
        return sum + (young && replies > 0 ? Math.max(1, ceilDiv(replies, X_SEARCH_PAGE)) : 0)
      }, 0)
      return new Map([
        ["tweets-lookup", ceilDiv(posts.length, X_LOOKUP_LIMIT)],
        ["search-recent", searches],
      ])
    }
    case "linkedin": {
      const lists = 3 * ceilDiv(posts.length, LINKEDIN_LIST)
      const perPost = posts.reduce(
        (sum, p) => sum + ceilDiv(p.comments ?? 0, LINKEDIN_COMMENTS_PAGE) + (/video/i.test(p.mediaType ?? "") ? 2 : 0),
        0
      )
      return new Map([[undefined, lists + perPost]])
    }
    case "threads": {
      const replyPages = posts.reduce((sum, p) => sum + (p.comments === 0 ? 0 : 1), 0)
      return new Map([[undefined, THREADS_CALLS_PER_POST * posts.length + replyPages]])
    }
    default:
      return undefined
  }
}
