import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { formatCompact, formatCount, formatShortDate } from "../../lib/format"
import { CHART, tooltipStyle } from "./chart-theme"

export type SeriesPoint = { at: string; value: number | null }

type Props = {
  points: SeriesPoint[]
  label: string
  testId: string
  /** Each drawn point carries this test id (browser tests count them). */
  pointTestId?: string
  height?: number
  formatTime?: (at: string) => string
}

/**
 * One line over time (recharts), in the dashboard's colours. A point without a
 * value leaves a gap (an unknown number is not drawn as 0); the y axis follows
 * the data instead of starting at 0, so 300 → 307 is not a flat line.
 */
export const TimeSeriesChart = ({ points, label, testId, pointTestId, height = 220, formatTime = formatShortDate }: Props) => {
  const data = points.map((p, index) => ({ index, at: p.at, value: p.value }))
  const known = points.filter((p) => p.value !== null).length
  return (
    <div data-testid={testId} role="img" aria-label={`${label} over time: ${known} points`} style={{ width: "100%", height }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 12, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid stroke={CHART.grid} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="index" type="number" domain={["dataMin", "dataMax"]} ticks={ticksFor(data.length)} tickFormatter={(i: number) => (data[i] ? formatTime(data[i].at) : "")} stroke={CHART.grid} tick={{ fill: CHART.axis, fontSize: CHART.fontSize }} />
          <YAxis domain={["auto", "auto"]} allowDecimals={false} tickFormatter={(v: number) => formatCompact(v)} stroke={CHART.grid} tick={{ fill: CHART.axis, fontSize: CHART.fontSize }} width={48} />
          <Tooltip
            {...tooltipStyle}
            labelFormatter={(i: number) => (data[i] ? formatTime(data[i].at) : "")}
            formatter={(v: number) => [formatCount(v), label]}
          />
          <Line
            type="monotone"
            dataKey="value"
            name={label}
            stroke={CHART.line}
            strokeWidth={2}
            connectNulls={false}
            isAnimationActive={false}
            dot={(props: { cx?: number; cy?: number; index?: number; value?: number | null }) =>
              props.value === null || props.value === undefined || props.cx === undefined || props.cy === undefined ? (
                <g key={`gap-${props.index}`} />
              ) : (
                <circle key={`pt-${props.index}`} cx={props.cx} cy={props.cy} r={3.5} fill={CHART.dotFill} stroke={CHART.line} strokeWidth={2} data-testid={pointTestId} />
              )
            }
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  )
}

/** First, last and up to three points between: labels that never overlap. */
function ticksFor(count: number): number[] {
  if (count <= 1) return [0]
  const step = Math.max(1, Math.round((count - 1) / 4))
  const ticks = Array.from({ length: Math.floor((count - 1) / step) + 1 }, (_, i) => i * step)
  if (ticks[ticks.length - 1] !== count - 1) ticks.push(count - 1)
  return ticks
}
