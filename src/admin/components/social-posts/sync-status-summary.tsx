import { Text } from "@medusajs/ui"
import type { SyncStatus } from "../../lib/types"
import { RelativeTime } from "./relative-time"
import { SyncStatusBadge } from "./status-badges"

/** Sync status, last synced (relative, exact on hover) and the next scheduled sync. */
export const SyncStatusSummary = ({
  status,
  lastSyncedAt,
  nextSyncAt,
  showNext,
}: {
  status?: SyncStatus | null
  lastSyncedAt?: string | null
  nextSyncAt?: string | null
  showNext: boolean
}) => (
  <dl className="flex flex-wrap items-center gap-x-6 gap-y-2" data-testid="sync-status-summary">
    <div className="flex items-center gap-x-2">
      <dt className="sr-only">Sync status</dt>
      <dd>
        <SyncStatusBadge status={status} />
      </dd>
    </div>
    <div className="flex items-center gap-x-1.5">
      <dt>
        <Text size="small" className="text-ui-fg-subtle">
          Last synced
        </Text>
      </dt>
      <dd>
        <Text size="small" data-testid="last-synced">
          <RelativeTime value={lastSyncedAt} fallback="never" />
        </Text>
      </dd>
    </div>
    {showNext && (
      <div className="flex items-center gap-x-1.5">
        <dt>
          <Text size="small" className="text-ui-fg-subtle">
            Next sync
          </Text>
        </dt>
        <dd>
          <Text size="small">
            <RelativeTime value={nextSyncAt} fallback="only on demand" />
          </Text>
        </dd>
      </div>
    )}
  </dl>
)
