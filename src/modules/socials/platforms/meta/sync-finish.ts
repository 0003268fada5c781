import { knownCommentIds } from "../../insights/comments"
import type { PlatformApiError } from "../http/platform-api-error"
import { buildResult, errorDetail, failedResult } from "../shared/sync-result"
import type { PostSyncResult } from "../types"
import { CommentPager } from "./comment-pages"
import { fetchMoreCommentPages } from "./comment-paging"
import { isMetaAccountProblem } from "./errors"
import type { GraphClient } from "./graph-client"
import { rememberNoInsights, type MetaPostSpec, type TargetState } from "./sync-state"

/**
 * Comment paging: the first page came with each post; the further pages are asked
 * together (comment-paging.ts) unless the account already stopped. Returns the
 * account's stop error, which a failed page may have set.
 */
export async function pageComments(spec: MetaPostSpec, graph: GraphClient, states: TargetState[], commentsLimit: number, now: () => number, stopError: PlatformApiError | undefined): Promise<PlatformApiError | undefined> {
  const paged = states.filter((s) => !s.failure && !s.commentsFailed)
  for (const state of paged) {
    state.pager = new CommentPager(commentsLimit, knownCommentIds(state.target.previousComments), spec.mapComment)
    state.pager.addPage(state.body.comments)
  }
  if (!stopError) {
    stopError = await fetchMoreCommentPages(
      graph,
      paged.flatMap((state) => (state.pager ? [{ pager: state.pager, onPageFailed: (e: PlatformApiError) => state.errors.push(errorDetail("comments", e, now())) }] : []))
    )
  }
  // Pages left unasked because the account stopped: the list is incomplete and must not replace the stored one.
  for (const state of paged) {
    if (!state.pager?.next || !stopError) continue
    state.pager.failed = true
    state.pager.next = undefined
    state.errors.push(errorDetail("comments", stopError, now()))
  }
  return stopError
}

/** One result per post: its failure, or its normalized body with comments, errors and notices. */
export function toResults(spec: MetaPostSpec, states: TargetState[], now: () => number): PostSyncResult[] {
  return states.map((state) => {
    if (state.failure) {
      const accountWide = isMetaAccountProblem(state.failure.error)
      return failedResult(spec.platform, state.target, accountWide ? "account" : state.failure.section, state.failure.error, now(), accountWide)
    }
    const { patch, notices } = spec.normalize(state.body, state.target)
    if (state.pager) patch.comments_data = state.pager.comments
    if (state.withoutInsights) rememberNoInsights(spec.platform, patch)
    return buildResult(spec.platform, state.target, patch, [...state.errors, ...state.notices, ...notices], { commentsComplete: state.pager?.complete })
  })
}
