import { ArrowUpRightOnBox } from "@medusajs/icons"
import { Alert, Container, Heading, Text, toast } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useSyncPostInsights } from "../../hooks/api/post-insights"
import { adviceFor, toApiFailure } from "../../lib/api-error"
import { notSyncableReason, platformPostIdOf, providerLabel } from "../../lib/platforms"
import { safeHref } from "../../lib/safe-href"
import type { PlatformStatus, PostInsights, PostStatus, SocialProvider, SyncStatus } from "../../lib/types"
import { ByPlatformTable } from "./by-platform-table"
import { InsightsMetricsGrid } from "./insights-metrics-grid"
import { LatestComments } from "./latest-comments"
import { PlatformSpecificMetrics } from "./platform-specific-metrics"
import { ReactionsBreakdown } from "./reactions-breakdown"
import { SyncErrorList } from "./sync-error-list"
import { SyncInsightsButton } from "./sync-insights-button"
import { SyncStatusSummary } from "./sync-status-summary"

export type PostInsightsPanelProps = {
  postId: string
  insights: PostInsights | null | undefined
  status: PostStatus
  /** The post's bookkeeping columns, when the caller has them (they outlive a failed sync). */
  lastSyncedAt?: string | null
  syncStatus?: SyncStatus | null
  nextSyncAt?: string | null
  postUrl?: string | null
  platform?: { id: string; name: string; provider: SocialProvider; status: PlatformStatus } | null
}

const FRESH = /fresh/i

/**
 * A post's insights: sync button, the metrics the platform reported, reactions,
 * platform-only numbers, latest comments, and the sync's status and problems.
 * A failed sync leaves the previous numbers in place and says what went wrong.
 */
export const PostInsightsPanel = ({
  postId,
  insights,
  status,
  lastSyncedAt,
  syncStatus,
  nextSyncAt,
  postUrl,
  platform,
}: PostInsightsPanelProps) => {
  const { mutate: syncInsights, isPending, error } = useSyncPostInsights()
  const data: PostInsights = insights ?? {}
  const notPostedReason = notSyncableReason(status)
  const missingId = !notPostedReason && !platformPostIdOf(insights)
  const failure = error ? toApiFailure(error) : undefined
  const permalink = safeHref(data.permalink) ?? safeHref(postUrl)
  const hasSynced = Boolean(data.last_synced_at ?? lastSyncedAt)
  const hasStoredErrors = (data.sync_error_details ?? []).some((d) => d.severity !== "notice") || (!data.sync_error_details?.length && Boolean(data.sync_errors?.length))

  const sync = (force: boolean) =>
    syncInsights(
      { id: postId, force },
      {
        onSuccess: (res) => {
          if (FRESH.test(res.message)) {
            toast.info("Already up to date", {
              description: "These numbers were synced moments ago. Force a sync to fetch them again now.",
              action: { label: "Force sync", altText: "Force a sync now", onClick: () => sync(true) },
            })
          } else if (res.insights?.sync_status === "partial") {
            toast.warning("Insights partly synced", { description: "Some numbers could not be fetched; see the problems below." })
          } else {
            toast.success("Insights synced")
          }
        },
        onError: (e) => {
          const f = toApiFailure(e)
          toast.error("Sync failed", { description: f.message })
        },
      }
    )

  return (
    <Container className="divide-y p-0" data-testid="post-insights-panel">
      <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
        <div className="flex flex-col">
          <Heading level="h2">Insights</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {platform ? `${providerLabel(platform.provider)} · ${platform.name}` : providerLabel(data.platform)}
            {data.media_product_type ? ` · ${data.media_product_type}` : data.media_type ? ` · ${data.media_type}` : ""}
          </Text>
        </div>
        <div className="flex items-center gap-x-3">
          {permalink && (
            <a href={permalink} target="_blank" rel="noopener noreferrer" className="txt-compact-small text-ui-fg-interactive flex items-center gap-x-1 hover:underline">
              View on platform <ArrowUpRightOnBox />
            </a>
          )}
          {!notPostedReason && !missingId && <SyncInsightsButton onSync={sync} isPending={isPending} />}
        </div>
      </div>

      {notPostedReason && (
        <div className="px-6 py-4">
          <Alert variant="info" data-testid="not-syncable">
            {notPostedReason}
          </Alert>
        </div>
      )}
      {missingId && (
        <div className="px-6 py-4">
          <Alert variant="warning" data-testid="not-syncable">
            This post has no id on {providerLabel(platform?.provider ?? data.platform)} yet, so there is nothing to read insights
            from. Edit the post and add its platform post id.
          </Alert>
        </div>
      )}
      {platform?.status === "needs_reconnect" && (
        <div className="px-6 py-4">
          <Alert variant="warning">
            The {platform.name} account needs to be reconnected: its token expired or was revoked.{" "}
            <Link to={`/social-posts/platforms?reconnect=${platform.id}`} className="text-ui-fg-interactive hover:underline">
              Reconnect it
            </Link>
          </Alert>
        </div>
      )}

      <div className="flex flex-col gap-y-3 px-6 py-4">
        <SyncStatusSummary
          status={syncStatus ?? data.sync_status}
          lastSyncedAt={data.last_synced_at ?? lastSyncedAt}
          nextSyncAt={nextSyncAt}
          showNext={status === "posted"}
        />
        {failure && (
          <Alert variant="error" data-testid="sync-failure">
            <Text size="small" weight="plus">
              The last sync attempt failed: {failure.message}
            </Text>
            {/* The stored problems below already say what to do; repeat advice only when they do not. */}
            {!hasStoredErrors && adviceFor(failure) && (
              <Text size="small" className="text-ui-fg-subtle">
                {adviceFor(failure)}
                {(failure.code === "token_expired" || failure.code === "permission_denied") && platform && (
                  <>
                    {" "}
                    <Link to={`/social-posts/platforms?reconnect=${platform.id}`} className="text-ui-fg-interactive hover:underline">
                      Reconnect {platform.name}
                    </Link>
                  </>
                )}
              </Text>
            )}
            {hasSynced && (
              <Text size="small" className="text-ui-fg-subtle">
                The numbers below are from the last successful sync.
              </Text>
            )}
          </Alert>
        )}
        <SyncErrorList details={data.sync_error_details} errors={data.sync_errors} platformId={platform?.id} />
      </div>

      <div className="flex flex-col gap-y-6 px-6 py-4">
        {hasSynced ? (
          <>
            <InsightsMetricsGrid metrics={data} />
            <ByPlatformTable byPlatform={data.by_platform} />
            <ReactionsBreakdown reactions={data.reactions} />
            <PlatformSpecificMetrics insights={data} />
            <LatestComments comments={data.comments_data} total={data.comments} />
          </>
        ) : (
          <Text size="small" className="text-ui-fg-muted" data-testid="insights-empty">
            {status === "posted" && !missingId
              ? "No insights yet. Sync to fetch this post's numbers and comments from the platform."
              : "Insights appear here once the post is published and synced."}
          </Text>
        )}
      </div>
    </Container>
  )
}
