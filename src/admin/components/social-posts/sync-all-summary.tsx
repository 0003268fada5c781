import { Badge, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useSocialPost } from "../../hooks/api/post-insights"
import { formatCount } from "../../lib/format"
import type { SyncAllInsightsResponse, SyncAllResult } from "../../lib/types"

const SHOWN_FAILURES = 20

const SKIP_REASONS: Record<string, string> = {
  fresh: "synced recently",
  sync_in_progress: "a sync was already running",
  not_posted: "not posted",
}

const PostName = ({ id }: { id: string }) => {
  const { social_post } = useSocialPost(id, { staleTime: 60_000, retry: false })
  return (
    <Link to={`/social-posts/${id}`} className="text-ui-fg-interactive hover:underline">
      {social_post?.name || social_post?.caption?.slice(0, 60) || id}
    </Link>
  )
}

const Count = ({ label, value, color }: { label: string; value: number; color: "green" | "grey" | "red" | "blue" }) => (
  <div className="flex flex-col items-start gap-y-1 rounded-lg border px-3 py-2" data-testid={`sync-all-${label.toLowerCase()}`}>
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Badge color={color} size="base" className="tabular-nums">
      {formatCount(value)}
    </Badge>
  </div>
)

/** The bulk sync's outcome: counts, then each failed post with its reason. */
export const SyncAllSummary = ({ result }: { result: SyncAllInsightsResponse }) => {
  const failed = result.results.filter((r) => r.status === "failed")
  const skipped = result.results.filter((r) => r.status === "skipped")
  const skipCounts = skipped.reduce<Record<string, number>>((acc, r: SyncAllResult) => {
    const reason = (r.code && SKIP_REASONS[r.code]) || r.error || "skipped"
    acc[reason] = (acc[reason] ?? 0) + 1
    return acc
  }, {})
  return (
    <div className="flex flex-col gap-y-4" data-testid="sync-all-summary">
      <Text size="small" weight="plus">
        {result.message}
      </Text>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Count label="Synced" value={result.success} color="green" />
        <Count label="Skipped" value={result.skipped} color="grey" />
        <Count label="Failed" value={result.failed} color={result.failed ? "red" : "grey"} />
        <Count label="Total" value={result.total} color="blue" />
      </div>
      {result.total === 0 && (
        <Text size="small" className="text-ui-fg-subtle">
          No posted post needed a sync. Posts synced recently are skipped unless you include them.
        </Text>
      )}
      {Object.keys(skipCounts).length > 0 && (
        <Text size="small" className="text-ui-fg-subtle">
          Skipped: {Object.entries(skipCounts).map(([reason, n]) => `${n} ${reason}`).join(", ")}.
        </Text>
      )}
      {result.retry_after !== undefined && (
        <Text size="small" className="text-ui-fg-error">
          A platform is rate limiting: wait about {Math.ceil(result.retry_after / 60)} minute{result.retry_after > 60 ? "s" : ""} before syncing again.
        </Text>
      )}
      {failed.length > 0 && (
        <div className="flex flex-col gap-y-2">
          <Text size="small" weight="plus">
            Failed posts
          </Text>
          <ul className="flex flex-col divide-y rounded-lg border" data-testid="sync-all-failures">
            {failed.slice(0, SHOWN_FAILURES).map((r) => (
              <li key={r.postId} className="flex flex-col gap-y-0.5 px-3 py-2">
                <Text size="small">
                  <PostName id={r.postId} />
                </Text>
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {r.error ?? "Unknown error"}
                </Text>
              </li>
            ))}
          </ul>
          {failed.length > SHOWN_FAILURES && (
            <Text size="xsmall" className="text-ui-fg-subtle">
              and {failed.length - SHOWN_FAILURES} more.
            </Text>
          )}
        </div>
      )}
    </div>
  )
}
