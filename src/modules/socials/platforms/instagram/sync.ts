import type { SocialsConfig } from "../config"
import { syncMetaPosts, type MetaPostSpec } from "../meta/sync-meta-posts"
import type { PostSyncResult, SyncContext, SyncTarget } from "../types"
import { createInstagramClient, INSTAGRAM_COMMENT_FIELDS, INSTAGRAM_COMMENTS_PAGE, INSTAGRAM_MEDIA_FIELDS } from "./client"
import { INSTAGRAM_REPLACEMENTS, instagramMetricsFor, instagramProductType } from "./metrics"
import { normalizeInstagramComment, normalizeInstagramMedia } from "./normalize"

export function instagramSpec(config: Pick<SocialsConfig, "instagramMetrics"> = {}): MetaPostSpec {
  const scopeFor = (target: SyncTarget) => instagramProductType(target.mediaProductType) ?? "UNKNOWN"
  return {
    platform: "instagram",
    commentsPageSize: INSTAGRAM_COMMENTS_PAGE,
    isValidId: (id) => /^\d+$/.test(id),
    scopeFor,
    metricsFor: (target) => [...(config.instagramMetrics?.[scopeFor(target)] ?? instagramMetricsFor(target.mediaProductType))],
    baseFields: () => INSTAGRAM_MEDIA_FIELDS,
    commentsExpansion: (pageSize) => `comments.limit(${pageSize}){${INSTAGRAM_COMMENT_FIELDS}}`,
    commentsEdgeQuery: (pageSize) => `fields=${encodeURIComponent(INSTAGRAM_COMMENT_FIELDS)}&limit=${pageSize}`,
    mapComment: normalizeInstagramComment,
    normalize: (body) => normalizeInstagramMedia(body),
    replacementFor: (metric) => INSTAGRAM_REPLACEMENTS[metric],
  }
}

/**
 * Instagram media insights: one Graph sub-request per post (fields + insights +
 * first 50 comments), batched 50 per HTTP call, plus comment pages beyond the
 * first (batched too) until the newest N or a comment already stored.
 */
export async function syncInstagramPosts(ctx: SyncContext, targets: SyncTarget[]): Promise<PostSyncResult[]> {
  const graph = createInstagramClient(ctx)
  return syncMetaPosts(instagramSpec(ctx.config), graph, { refusedMetrics: ctx.refusedMetrics, commentsLimit: ctx.config.commentsLimit, now: ctx.now ?? Date.now, logger: ctx.logger }, targets)
}
