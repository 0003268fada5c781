import { StatusBadge } from "@medusajs/ui"
import { POST_STATUS_LABELS } from "../../lib/platforms"
import type { PlatformStatus, PostStatus, SyncStatus } from "../../lib/types"

type Color = "green" | "red" | "blue" | "orange" | "grey" | "purple"

const SYNC: Record<SyncStatus, { color: Color; label: string }> = {
  success: { color: "green", label: "Synced" },
  partial: { color: "orange", label: "Partly synced" },
  failed: { color: "red", label: "Sync failed" },
}

export const SyncStatusBadge = ({ status }: { status?: SyncStatus | null }) => {
  const meta = status ? SYNC[status] : { color: "grey" as const, label: "Never synced" }
  return (
    <StatusBadge color={meta.color} data-testid="sync-status-badge" className="whitespace-nowrap">
      {meta.label}
    </StatusBadge>
  )
}

const POST: Record<PostStatus, Color> = {
  draft: "grey",
  scheduled: "blue",
  posted: "green",
  failed: "red",
  archived: "purple",
}

export const PostStatusBadge = ({ status }: { status: PostStatus }) => (
  <StatusBadge color={POST[status] ?? "grey"} className="whitespace-nowrap">
    {POST_STATUS_LABELS[status] ?? status}
  </StatusBadge>
)

const PLATFORM: Record<PlatformStatus, { color: Color; label: string }> = {
  active: { color: "green", label: "Connected" },
  needs_reconnect: { color: "red", label: "Needs reconnect" },
  disabled: { color: "grey", label: "Disabled" },
}

export const PlatformStatusBadge = ({ status }: { status: PlatformStatus }) => {
  const meta = PLATFORM[status] ?? { color: "grey" as const, label: status }
  return (
    <StatusBadge color={meta.color} className="whitespace-nowrap">
      {meta.label}
    </StatusBadge>
  )
}
