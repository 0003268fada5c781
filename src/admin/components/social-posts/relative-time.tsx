import { formatDateTime, formatRelative, MISSING, toDate } from "../../lib/format"

/** "5 minutes ago", with the exact date and time on hover (and for screen readers). */
export const RelativeTime = ({ value, fallback = MISSING }: { value?: string | null; fallback?: string }) => {
  const date = toDate(value)
  if (!date) {
    return <span className="text-ui-fg-muted">{fallback}</span>
  }
  return (
    <time dateTime={date.toISOString()} title={formatDateTime(date)} className="cursor-help underline decoration-dotted underline-offset-2">
      {formatRelative(date)}
    </time>
  )
}
