import { Badge, Heading, Skeleton, Text } from "@medusajs/ui"
import { useAccountSnapshots } from "../../hooks/api/reports"
import { formatCount } from "../../lib/format"
import type { FollowerChange } from "../../lib/report-types"
import { TimeSeriesChart } from "./time-series-chart"

/**
 * A snapshot's day ("2026-03-02", a UTC calendar day) as "Mar 2": a date, no time (one count a
 * day), read in UTC so a browser west of Greenwich does not show the day before.
 */
const dayLabel = (at: string) => new Date(at).toLocaleDateString(undefined, { month: "short", day: "numeric", timeZone: "UTC" })

const changeLabel = (c: FollowerChange) =>
  c.change === null ? "–" : `${c.change > 0 ? "+" : ""}${formatCount(c.change)}${c.change_percent === null ? "" : ` (${c.change_percent > 0 ? "+" : ""}${c.change_percent} %)`}`

/** One account's followers over the last 90 days and the change over 7, 30 and 90 days. */
export const FollowerGrowth = ({ platformId, name }: { platformId: string; name: string }) => {
  const { data, isPending, isError, error } = useAccountSnapshots(platformId, { days: 90 })
  if (isPending) return <Skeleton className="h-[180px] w-full" />
  if (isError) return <Text size="small" className="text-ui-fg-error">{error.message}</Text>
  const points = data.snapshots.map((s) => ({ at: `${s.day}T00:00:00Z`, value: s.followers }))
  return (
    <div className="flex flex-col gap-y-2" data-testid={`follower-growth-${platformId}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Heading level="h3">{name}</Heading>
        <div className="flex gap-x-2">
          {data.change.map((c) => (
            <Badge key={c.days} size="2xsmall" color={c.change === null ? "grey" : c.change >= 0 ? "green" : "red"} data-testid={`follower-change-${c.days}`}>
              {`${c.days} d: ${changeLabel(c)}`}
            </Badge>
          ))}
        </div>
      </div>
      {points.length ? (
        <TimeSeriesChart points={points} label="Followers" testId="follower-chart" pointTestId="follower-point" height={180} formatTime={dayLabel} />
      ) : (
        <Text size="small" className="text-ui-fg-subtle">No follower counts yet: they are captured once a day.</Text>
      )}
    </div>
  )
}
