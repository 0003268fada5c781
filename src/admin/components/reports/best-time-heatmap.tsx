import { Text } from "@medusajs/ui"
import { ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from "recharts"
import { formatPercent } from "../../lib/format"
import type { BestTimeCell } from "../../lib/report-types"
import { CHART, tooltipStyle } from "./chart-theme"

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

type ShapeProps = { cx?: number; cy?: number; payload?: BestTimeCell & { strength: number } }

/**
 * Weekday by hour of publishing (recharts scatter with square cells): the
 * stronger the colour, the higher the median engagement rate. Cells with too few
 * posts are drawn hatched-grey and say so in their tooltip.
 */
export const BestTimeHeatmap = ({ cells, tz, minPosts }: { cells: BestTimeCell[]; tz: string; minPosts: number }) => {
  const max = Math.max(0, ...cells.map((c) => c.median_engagement_rate ?? 0))
  const data = cells.map((c) => ({ ...c, strength: max > 0 && c.median_engagement_rate !== null ? c.median_engagement_rate / max : 0 }))
  const enough = cells.filter((c) => !c.insufficient).length
  return (
    <div className="flex flex-col gap-y-2">
      <div data-testid="best-time-heatmap" role="img" aria-label={`Best time to post in ${tz}: ${enough} cells with enough posts`} style={{ width: "100%", height: 260 }}>
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
            <XAxis type="number" dataKey="hour" domain={[-0.5, 23.5]} ticks={[0, 3, 6, 9, 12, 15, 18, 21]} tickFormatter={(h: number) => `${h}:00`} stroke={CHART.grid} tick={{ fill: CHART.axis, fontSize: CHART.fontSize }} />
            <YAxis type="number" dataKey="weekday" domain={[0.5, 7.5]} ticks={[1, 2, 3, 4, 5, 6, 7]} reversed tickFormatter={(d: number) => WEEKDAYS[d - 1] ?? ""} stroke={CHART.grid} tick={{ fill: CHART.axis, fontSize: CHART.fontSize }} width={40} />
            <ZAxis range={[1, 1]} />
            <Tooltip
              {...tooltipStyle}
              cursor={false}
              content={({ payload }) => {
                const cell = payload?.[0]?.payload as BestTimeCell | undefined
                if (!cell) return null
                return (
                  <div style={tooltipStyle.contentStyle} className="px-2 py-1">
                    <div>{`${WEEKDAYS[cell.weekday - 1]} ${cell.hour}:00–${cell.hour + 1}:00`}</div>
                    <div>{cell.insufficient ? `${cell.posts} post(s): not enough (needs ${minPosts})` : `Median ${formatPercent(cell.median_engagement_rate)} over ${cell.posts} posts`}</div>
                  </div>
                )
              }}
            />
            <Scatter data={data} isAnimationActive={false} shape={(props: ShapeProps) => <HeatCell {...props} />} />
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <Text size="xsmall" className="text-ui-fg-subtle" data-testid="best-time-legend">
        Median engagement rate per weekday and hour, in {tz}. Cells with fewer than {minPosts} posts are greyed out: not enough posts to tell.
      </Text>
    </div>
  )
}

const HeatCell = ({ cx, cy, payload }: ShapeProps) => {
  if (cx === undefined || cy === undefined || !payload) return <g />
  const size = 14
  return (
    <rect
      x={cx - size / 2}
      y={cy - size / 2}
      width={size}
      height={size}
      rx={3}
      fill={payload.insufficient ? "var(--bg-disabled)" : CHART.line}
      fillOpacity={payload.insufficient ? 1 : 0.2 + 0.8 * payload.strength}
      stroke={CHART.grid}
      data-testid={payload.insufficient ? "heat-cell-insufficient" : "heat-cell"}
      data-weekday={payload.weekday}
      data-hour={payload.hour}
    />
  )
}
