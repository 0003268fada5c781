import type { SocialsConfig } from "../config"
import { refusedMetricsOf } from "../meta/meta-context"
import { syncMetaPosts, type MetaPostSpec } from "../meta/sync-meta-posts"
import type { PostSyncResult, SyncContext, SyncTarget } from "../types"
import { createInstagramClient, INSTAGRAM_COMMENT_FIELDS, INSTAGRAM_COMMENTS_PAGE, INSTAGRAM_MEDIA_FIELDS } from "./client"
import { hintedProductType, INSTAGRAM_REPLACEMENTS, instagramMetricsFor, instagramProductType } from "./metrics"
import { normalizeInstagramComment, normalizeInstagramMedia } from "./normalize"

export function instagramSpec(config: Pick<SocialsConfig, "instagramMetrics"> = {}): MetaPostSpec {
  // Refusals are remembered per confirmed product type only; a guessed one must not poison the others.
  const scopeFor = (target: SyncTarget) => instagramProductType(target.mediaProductType) ?? "UNKNOWN"
  const metricsFor = (target: SyncTarget): string[] => {
    const type = instagramProductType(target.mediaProductType) ?? hintedProductType(target.mediaType)
    return [...(config.instagramMetrics?.[type ?? "UNKNOWN"] ?? instagramMetricsFor(type))]
  }
  return {
    platform: "instagram",
    commentsPageSize: INSTAGRAM_COMMENTS_PAGE,
    isValidId: (id) => /^\d+$/.test(id),
    scopeFor,
    metricsFor,
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
  return syncMetaPosts(instagramSpec(ctx.config), graph, { accountId: ctx.credentials.accountId, refusedMetrics: refusedMetricsOf(ctx), commentsLimit: ctx.config.commentsLimit, now: ctx.now ?? Date.now, logger: ctx.logger }, targets)
}
