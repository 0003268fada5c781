import { formatCompact, formatCount, formatShortDate } from "../../lib/format"

export type ChartPoint = { at: string; value: number | null }

const WIDTH = 640
const HEIGHT = 220
const PAD = { top: 12, right: 16, bottom: 28, left: 48 }

/** A round step (1, 2, 2.5, 5 × 10^n) so the axis reads 250 / 500 rather than 243 / 486. */
function niceStep(span: number): number {
  if (span <= 0) return 1
  const magnitude = 10 ** Math.floor(Math.log10(span))
  return ([1, 2, 2.5, 5, 10].find((s) => s * magnitude >= span) ?? 10) * magnitude
}

/**
 * From 0 when the numbers vary a lot; zoomed in on the data when they barely
 * move (300 → 307 likes would otherwise be a flat line), never below 0.
 */
function yDomain(values: number[]): [low: number, high: number, step: number] {
  const min = Math.min(...values)
  const max = Math.max(...values, 0)
  if (!values.length || max <= 0) return [0, 1, 1]
  const fromZero = min <= 0 || (max - min) / max > 0.5
  const lo = fromZero ? 0 : min - Math.max((max - min) * 0.5, 1)
  const hi = max + (fromZero ? 0 : Math.max((max - min) * 0.25, 1))
  const step = Math.max(1, niceStep((hi - Math.max(lo, 0)) / 4))
  const low = Math.max(0, Math.floor(lo / step) * step)
  return [low, Math.max(low + step, Math.ceil(hi / step) * step), step]
}

/** Dates when syncs are days apart, times when they are minutes apart. */
function timeLabel(range: number): (at: string) => string {
  if (range >= 24 * 3600_000) return formatShortDate
  const options: Intl.DateTimeFormatOptions =
    range < 3600_000 ? { hour: "2-digit", minute: "2-digit", second: "2-digit" } : { hour: "2-digit", minute: "2-digit" }
  return (at) => new Date(at).toLocaleTimeString(undefined, options)
}

/**
 * A small dependency-free SVG line chart: time on x (by sync order when syncs
 * share a timestamp), value on y from 0. A sync without the metric leaves a gap.
 */
export const MetricLineChart = ({ points, label }: { points: ChartPoint[]; label: string }) => {
  const times = points.map((p) => Date.parse(p.at))
  const t0 = Math.min(...times)
  const t1 = Math.max(...times)
  const byTime = t1 > t0
  const innerW = WIDTH - PAD.left - PAD.right
  const innerH = HEIGHT - PAD.top - PAD.bottom
  const x = (i: number) =>
    PAD.left + (points.length === 1 ? innerW / 2 : byTime ? ((times[i] - t0) / (t1 - t0)) * innerW : (i / (points.length - 1)) * innerW)
  const values = points.map((p) => p.value).filter((v): v is number => v !== null)
  const [low, high, step] = yDomain(values)
  const y = (v: number) => PAD.top + innerH - ((v - low) / (high - low)) * innerH
  const ticks = Array.from({ length: Math.round((high - low) / step) + 1 }, (_, i) => low + i * step)
  const label_ = timeLabel(t1 - t0)

  // Consecutive points with a value form one segment.
  const segments: string[] = []
  let current: string[] = []
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current.length) segments.push(current.join(" "))
      current = []
      return
    }
    current.push(`${current.length ? "L" : "M"}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`)
  })
  if (current.length) segments.push(current.join(" "))

  const first = points[0]
  const last = points[points.length - 1]
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className="h-auto w-full"
      role="img"
      aria-label={`${label} over time: ${values.length} syncs`}
      data-testid="insights-chart-svg"
    >
      {ticks.map((t) => (
        <g key={t}>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} className="stroke-ui-border-base" strokeDasharray={t === low ? undefined : "3 3"} />
          <text x={PAD.left - 6} y={y(t)} dy="0.32em" textAnchor="end" className="fill-ui-fg-muted" fontSize="11">
            {formatCompact(t)}
          </text>
        </g>
      ))}
      <text x={PAD.left} y={HEIGHT - 8} className="fill-ui-fg-muted" fontSize="11">
        {label_(first.at)}
      </text>
      {points.length > 1 && label_(last.at) !== label_(first.at) && (
        <text x={WIDTH - PAD.right} y={HEIGHT - 8} textAnchor="end" className="fill-ui-fg-muted" fontSize="11">
          {label_(last.at)}
        </text>
      )}
      {segments.map((d) => (
        <path key={d} d={d} fill="none" className="stroke-ui-fg-interactive" strokeWidth="2" strokeLinejoin="round" strokeLinecap="round" />
      ))}
      {points.map((p, i) =>
        p.value === null ? null : (
          <circle key={`${p.at}-${i}`} cx={x(i)} cy={y(p.value)} r="3.5" className="fill-ui-bg-base stroke-ui-fg-interactive" strokeWidth="2" data-testid="chart-point">
            <title>{`${formatShortDate(p.at)}: ${formatCount(p.value)} ${label.toLowerCase()}`}</title>
          </circle>
        )
      )}
    </svg>
  )
}
