import { EllipsisHorizontal } from "@medusajs/icons"
import { DropdownMenu, IconButton } from "@medusajs/ui"
import { Fragment, type ComponentType } from "react"

export type MenuAction = { label: string; icon: ComponentType<{ className?: string }>; onClick: () => void }

/** The "…" button and its dropdown of actions; a separator stands between groups. */
export const ActionMenu = ({ label, groups }: { label: string; groups: MenuAction[][] }) => (
  <DropdownMenu>
    <DropdownMenu.Trigger asChild>
      <IconButton size="small" variant="transparent" aria-label={label}>
        <EllipsisHorizontal />
      </IconButton>
    </DropdownMenu.Trigger>
    <DropdownMenu.Content align="end">
      {groups.map((group, i) => (
        <Fragment key={i}>
          {i > 0 && <DropdownMenu.Separator />}
          {group.map(({ label, icon: Icon, onClick }) => (
            <DropdownMenu.Item key={label} onClick={onClick} className="gap-x-2">
              <Icon className="text-ui-fg-subtle" />
              {label}
            </DropdownMenu.Item>
          ))}
        </Fragment>
      ))}
    </DropdownMenu.Content>
  </DropdownMenu>
)
