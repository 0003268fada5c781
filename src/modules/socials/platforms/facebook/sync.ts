import type { SocialsConfig } from "../config"
import { refusedMetricsOf } from "../meta/meta-context"
import { syncMetaPosts, type MetaPostSpec } from "../meta/sync-meta-posts"
import type { PostSyncResult, SyncContext, SyncTarget } from "../types"
import {
  createFacebookClient,
  FACEBOOK_COMMENT_FIELDS,
  FACEBOOK_COMMENTS_PAGE,
  FACEBOOK_METRICS,
  FACEBOOK_POST_FIELDS,
  FACEBOOK_REPLACEMENTS,
} from "./client"
import { normalizeFacebookComment, normalizeFacebookPost } from "./normalize"

export function facebookSpec(config: Pick<SocialsConfig, "facebookMetrics"> = {}): MetaPostSpec {
  return {
    platform: "facebook",
    commentsPageSize: FACEBOOK_COMMENTS_PAGE,
    // "{page-id}_{post-id}"; a bare numeric id is a valid object id too.
    isValidId: (id) => /^\d+(_\d+)?$/.test(id),
    scopeFor: () => "post",
    metricsFor: () => [...(config.facebookMetrics ?? FACEBOOK_METRICS)],
    baseFields: () => FACEBOOK_POST_FIELDS,
    commentsExpansion: (pageSize) => `comments.order(reverse_chronological).limit(${pageSize}).summary(true){${FACEBOOK_COMMENT_FIELDS}}`,
    commentsEdgeQuery: (pageSize) => `fields=${encodeURIComponent(FACEBOOK_COMMENT_FIELDS)}&order=reverse_chronological&summary=true&limit=${pageSize}`,
    mapComment: normalizeFacebookComment,
    normalize: normalizeFacebookPost,
    replacementFor: (metric) => FACEBOOK_REPLACEMENTS[metric],
  }
}

/**
 * Facebook Page posts: ONE Graph sub-request per post (reactions by type via
 * aliases, comments and insights by field expansion): a lone post costs one GET,
 * N posts cost ceil(N/50) batch calls (each item still counts toward Meta's limit).
 */
export async function syncFacebookPosts(ctx: SyncContext, targets: SyncTarget[]): Promise<PostSyncResult[]> {
  const graph = createFacebookClient(ctx)
  return syncMetaPosts(facebookSpec(ctx.config), graph, { accountId: ctx.credentials.accountId, refusedMetrics: refusedMetricsOf(ctx), commentsLimit: ctx.config.commentsLimit, now: ctx.now ?? Date.now, logger: ctx.logger }, targets)
}
