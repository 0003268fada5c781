import { TimeSeriesChart } from "../reports/time-series-chart"

export type ChartPoint = { at: string; value: number | null }

/** Dates when syncs are days apart, times when they are minutes apart. */
function timeLabel(points: ChartPoint[]): (at: string) => string {
  const times = points.map((p) => Date.parse(p.at))
  const range = Math.max(...times) - Math.min(...times)
  if (range >= 24 * 3600_000) return (at) => new Date(at).toLocaleDateString(undefined, { month: "short", day: "numeric" })
  const options: Intl.DateTimeFormatOptions =
    range < 3600_000 ? { hour: "2-digit", minute: "2-digit", second: "2-digit" } : { hour: "2-digit", minute: "2-digit" }
  return (at) => new Date(at).toLocaleTimeString(undefined, options)
}

/** One post's metric over its syncs (recharts); a sync without the metric leaves a gap. */
export const MetricLineChart = ({ points, label }: { points: ChartPoint[]; label: string }) => (
  <TimeSeriesChart points={points} label={label} testId="insights-chart-svg" pointTestId="chart-point" formatTime={timeLabel(points)} />
)
