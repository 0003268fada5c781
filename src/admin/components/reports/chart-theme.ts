/**
 * Medusa UI's CSS variables, so charts follow the dashboard's light and dark
 * themes without reading the theme in JavaScript.
 */
export const CHART = {
  line: "var(--fg-interactive)",
  grid: "var(--border-base)",
  axis: "var(--fg-muted)",
  tooltipBg: "var(--bg-base)",
  tooltipBorder: "var(--border-base)",
  text: "var(--fg-base)",
  dotFill: "var(--bg-base)",
  fontSize: 11,
} as const

export const tooltipStyle = {
  contentStyle: { background: CHART.tooltipBg, border: `1px solid ${CHART.tooltipBorder}`, borderRadius: 8, fontSize: 12, color: CHART.text },
  labelStyle: { color: CHART.axis },
  itemStyle: { color: CHART.text },
}
