import { ArrowPath, EllipsisHorizontal } from "@medusajs/icons"
import { Button, DropdownMenu, IconButton } from "@medusajs/ui"

/** "Sync insights", with "Force sync" (ignores the freshness window) one click away. */
export const SyncInsightsButton = ({
  onSync,
  isPending,
  disabled,
}: {
  onSync: (force: boolean) => void
  isPending: boolean
  disabled?: boolean
}) => (
  <div className="flex items-center gap-x-1">
    <Button
      size="small"
      variant="secondary"
      onClick={() => onSync(false)}
      isLoading={isPending}
      disabled={disabled || isPending}
      data-testid="sync-insights-button"
    >
      <ArrowPath />
      {isPending ? "Syncing…" : "Sync insights"}
    </Button>
    <DropdownMenu>
      <DropdownMenu.Trigger asChild>
        <IconButton size="small" variant="transparent" disabled={disabled || isPending} aria-label="More sync options">
          <EllipsisHorizontal />
        </IconButton>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content align="end">
        <DropdownMenu.Item onClick={() => onSync(true)} className="gap-x-2">
          <ArrowPath className="text-ui-fg-subtle" />
          Force sync now
        </DropdownMenu.Item>
      </DropdownMenu.Content>
    </DropdownMenu>
  </div>
)
