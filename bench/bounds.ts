import type { BenchWorkload, Provider } from "./workload"

/** Platform limits the bound is built from (platform-apis.md §1.6, §1.8, §4.1, §5.2, §5.3). */
export const LIMITS = {
  metaBatch: 50,
  instagramCommentsPage: 50,
  facebookCommentsPage: 100,
  xLookupIds: 100,
  xSearchPage: 100,
  /** search/recent covers the last 7 days (§4.1). */
  xSearchRecentWindowMs: 7 * 24 * 3_600_000,
  linkedinList: 50,
  linkedinCommentsPage: 100,
  /** VIDEO_VIEW and TIME_WATCHED: one videoAnalytics call per type. */
  linkedinVideoCalls: 2,
} as const

export interface ProviderBound {
  posts: number
  /** Fewest HTTP requests that fetch this workload's data, one token per request. */
  requests: number
  /** Longest chain of requests that must wait for an earlier answer (comment cursors, reply counts). */
  depth: number
  /** Line items, for the report. */
  parts: Record<string, number>
}

const ceilDiv = (a: number, b: number): number => Math.ceil(a / b)

function groupCount<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>()
  for (const item of items) {
    const list = map.get(key(item))
    if (list) list.push(item)
    else map.set(key(item), [item])
  }
  return map
}

/**
 * The lower bound on requests for this workload, computed from the sandbox's
 * fixtures (what the platform actually holds), per account because every request
 * carries one account's token:
 *
 * - Instagram: ceil(n/50) Batch API calls, then the comment pages beyond the first
 *   (50 top-level comments a page, up to `commentsLimit`), batched 50 a call.
 * - Facebook: ceil(n/50) batch calls (one sub-request per post reads everything);
 *   comment pages beyond 100 only if `commentsLimit` asks for more.
 * - X: ceil(n/100) lookups, plus search/recent pages for each post younger than 7 days
 *   that has replies: search/recent sees the last 7 days only, so an older post's search
 *   cannot return anything on a first sync (full-archive access is not assumed).
 * - LinkedIn: share statistics ceil(shares/50) + ceil(ugcPosts/50) (one URN kind per
 *   call), socialMetadata ceil(n/50), every comments page of a post with comments (the
 *   order is not guaranteed, so finding the newest takes them all), two videoAnalytics
 *   calls per video post.
 */
export function lowerBounds(workload: BenchWorkload, commentsLimit: number): Record<Provider, ProviderBound> {
  const instagram = (() => {
    let batches = 0
    let commentBatches = 0
    let extraPagesMax = 0
    for (const posts of groupCount(workload.instagram, (m) => m.owner_id).values()) {
      batches += ceilDiv(posts.length, LIMITS.metaBatch)
      const pagesWanted = ceilDiv(commentsLimit, LIMITS.instagramCommentsPage)
      const extra = posts.map((m) => Math.max(0, Math.min(ceilDiv(m.comments.length, LIMITS.instagramCommentsPage), pagesWanted) - 1))
      // Page k of every post that has one goes out together: one batch round per page depth.
      for (let depth = 1; depth <= Math.max(0, ...extra); depth++) {
        commentBatches += ceilDiv(extra.filter((e) => e >= depth).length, LIMITS.metaBatch)
      }
      extraPagesMax = Math.max(extraPagesMax, ...extra)
    }
    return { posts: workload.instagram.length, requests: batches + commentBatches, depth: 1 + extraPagesMax, parts: { batches, comment_page_batches: commentBatches } }
  })()

  const facebook = (() => {
    let batches = 0
    let commentBatches = 0
    for (const posts of groupCount(workload.facebook, (p) => p.page_id).values()) {
      batches += ceilDiv(posts.length, LIMITS.metaBatch)
      const extra = posts.filter((p) => Math.min(p.comments.length, commentsLimit) > LIMITS.facebookCommentsPage).length
      commentBatches += ceilDiv(extra, LIMITS.metaBatch)
    }
    return { posts: workload.facebook.length, requests: batches + commentBatches, depth: commentBatches ? 2 : 1, parts: { batches, comment_page_batches: commentBatches } }
  })()

  const x = (() => {
    let lookups = 0
    let searches = 0
    for (const tweets of groupCount(workload.tweets, (t) => t.author_id).values()) {
      lookups += ceilDiv(tweets.length, LIMITS.xLookupIds)
      for (const t of tweets) {
        const replies = Math.min(t.public_metrics.reply_count, commentsLimit)
        const young = workload.accounts.now - Date.parse(t.created_at) < LIMITS.xSearchRecentWindowMs
        if (replies > 0 && young) searches += ceilDiv(replies, LIMITS.xSearchPage)
      }
    }
    return { posts: workload.tweets.length, requests: lookups + searches, depth: searches ? 2 : 1, parts: { lookups, reply_searches: searches } }
  })()

  const linkedin = (() => {
    let statistics = 0
    let metadata = 0
    let comments = 0
    let video = 0
    for (const posts of groupCount(workload.linkedin, (p) => p.organization).values()) {
      const shares = posts.filter((p) => p.urn.startsWith("urn:li:share:")).length
      statistics += ceilDiv(shares, LIMITS.linkedinList) + ceilDiv(posts.length - shares, LIMITS.linkedinList)
      metadata += ceilDiv(posts.length, LIMITS.linkedinList)
      for (const p of posts) {
        if (commentsLimit > 0 && p.comments.length > 0) comments += ceilDiv(p.comments.length, LIMITS.linkedinCommentsPage)
        if (p.video) video += LIMITS.linkedinVideoCalls
      }
    }
    return {
      posts: workload.linkedin.length,
      requests: statistics + metadata + comments + video,
      depth: comments ? 2 : 1,
      parts: { share_statistics: statistics, social_metadata: metadata, comments, video_analytics: video },
    }
  })()

  return { instagram, facebook, twitter: x, linkedin }
}

/**
 * The lower bound on wall time for `requests` requests at most `concurrency` in
 * flight (our code: accounts side by side, one shared limit on requests in
 * flight), each taking the sandbox's mean added latency, with at least `depth`
 * rounds one after the other. Local work (JSON, database) counts as zero.
 */
export function timeBoundMs(requests: number, depth: number, concurrency: number, meanLatencyMs: number): number {
  return Math.max(Math.ceil(requests / concurrency), depth) * meanLatencyMs
}
