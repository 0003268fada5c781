import { Text } from "@medusajs/ui"

/** One number with its emoji label; used by the metrics grid and the platform block. */
export const MetricTile = ({ emoji, label, value, hint }: { emoji?: string; label: string; value: string; hint?: string }) => (
  <div className="bg-ui-bg-subtle flex flex-col gap-y-1 rounded-lg border px-3 py-2" data-testid="metric-tile" title={hint}>
    <Text size="xsmall" className="text-ui-fg-subtle flex items-center gap-x-1">
      {emoji && <span aria-hidden="true">{emoji}</span>}
      <span>{label}</span>
    </Text>
    <Text size="large" weight="plus" className="tabular-nums" data-metric={label}>
      {value}
    </Text>
  </div>
)
