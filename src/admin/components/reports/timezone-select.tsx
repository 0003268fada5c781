import { Select, Text, toast } from "@medusajs/ui"
import { useMemo } from "react"
import { useUpdateOverviewSettings } from "../../hooks/api/reports"

/** The value that means "no setting: use the browser's zone" (saved as null). */
const BROWSER = "__browser__"

/** Every IANA zone the browser knows (sorted), plus the ones in use if it cannot list them. */
function zoneNames(...inUse: string[]): string[] {
  const list = (Intl as unknown as { supportedValuesOf?: (key: "timeZone") => string[] }).supportedValuesOf?.("timeZone") ?? []
  return [...new Set([...list, ...inUse, "UTC"])].sort()
}

type Props = { stored: string | null; browserZone: string }

/**
 * The store's best-time zone: choosing one saves it on the store for every admin;
 * "Browser's" forgets it, and each admin then sees the heatmap in their own zone.
 */
export const TimezoneSelect = ({ stored, browserZone }: Props) => {
  const update = useUpdateOverviewSettings()
  const zones = useMemo(() => zoneNames(browserZone, ...(stored ? [stored] : [])), [browserZone, stored])
  const save = (value: string) =>
    update.mutate(
      { timezone: value === BROWSER ? null : value },
      { onError: (error) => toast.error("Could not save the time zone", { description: error.message }) }
    )
  return (
    <div className="flex items-center gap-x-2">
      <Text size="small" className="text-ui-fg-subtle">Time zone</Text>
      <Select value={stored ?? BROWSER} onValueChange={save} size="small" disabled={update.isPending}>
        <Select.Trigger data-testid="best-time-timezone" className="w-[230px]"><Select.Value /></Select.Trigger>
        <Select.Content>
          <Select.Item value={BROWSER}>{`Browser's (${browserZone})`}</Select.Item>
          {zones.map((z) => <Select.Item key={z} value={z}>{z}</Select.Item>)}
        </Select.Content>
      </Select>
    </div>
  )
}
