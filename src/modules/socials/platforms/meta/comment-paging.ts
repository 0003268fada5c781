import type { PlatformApiError } from "../http/platform-api-error"
import { asPlatformError } from "../shared/sync-result"
import type { CommentPager } from "./comment-pages"
import { isMetaAccountProblem } from "./errors"
import type { GraphClient, GraphItemResult } from "./graph-client"

/** One post's comment pager and where its page failures go. */
export interface PagedComments {
  pager: CommentPager
  onPageFailed(error: PlatformApiError): void
}

/**
 * Comment pages beyond the first: every post's next page goes out in one batched
 * round, until each post has its newest N or reached a comment already stored.
 * Returns the account-wide error that stopped paging, if any.
 */
export async function fetchMoreCommentPages(graph: GraphClient, posts: PagedComments[]): Promise<PlatformApiError | undefined> {
  for (;;) {
    const paging = posts.filter((p) => p.pager.next)
    if (!paging.length) return undefined
    const relatives = paging.map((p) => graph.toRelative(p.pager.next ?? ""))
    // A `next` pointing off the Graph host is dropped: our token never goes elsewhere.
    paging.forEach((p, i) => {
      if (relatives[i] === undefined) p.pager.next = undefined
    })
    const requests = paging.filter((_, i) => relatives[i] !== undefined)
    if (!requests.length) return undefined
    let results: GraphItemResult[]
    try {
      results = await graph.getMany(relatives.filter((r): r is string => r !== undefined), `${graph.platform}.comments`)
    } catch (e) {
      const error = asPlatformError(graph.platform, e)
      for (const p of requests) failPage(p, error)
      return isMetaAccountProblem(error) ? error : undefined
    }
    let stop: PlatformApiError | undefined
    requests.forEach((p, i) => {
      const result = results[i]
      if (result.ok) return p.pager.addPage(result.body)
      failPage(p, result.error)
      if (isMetaAccountProblem(result.error)) stop ??= result.error
    })
    if (stop) return stop
  }
}

function failPage(post: PagedComments, error: PlatformApiError): void {
  post.pager.failed = true
  post.pager.next = undefined
  post.onPageFailed(error)
}
