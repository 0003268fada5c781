import { SYNC_SECTION_LABELS, type SyncErrorDetail, type SyncStatus } from "./schema"

/** The spec's "Section: Message" form, e.g. "Comments: Permission denied". */
export function formatSyncError(detail: SyncErrorDetail): string {
  return `${SYNC_SECTION_LABELS[detail.section]}: ${detail.message}`
}

export function formatSyncErrors(details: SyncErrorDetail[]): string[] {
  return details.map(formatSyncError)
}

export function isBlockingError(detail: SyncErrorDetail): boolean {
  return detail.severity !== "notice"
}

/**
 * success: nothing failed (notices allowed); partial: something failed but some
 * section returned data; failed: no data at all.
 */
export function deriveSyncStatus(hasData: boolean, details: SyncErrorDetail[]): SyncStatus {
  if (!hasData) return "failed"
  return details.some(isBlockingError) ? "partial" : "success"
}
