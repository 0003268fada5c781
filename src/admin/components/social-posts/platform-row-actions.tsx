import { ArrowPath, EllipsisHorizontal, PencilSquare, Trash } from "@medusajs/icons"
import { DropdownMenu, IconButton, toast, usePrompt } from "@medusajs/ui"
import { useDeleteSocialPlatform } from "../../hooks/api/post-insights"
import type { SocialPlatform } from "../../lib/types"

export const PlatformRowActions = ({
  platform,
  onEdit,
  onReconnect,
}: {
  platform: SocialPlatform
  onEdit: () => void
  onReconnect: () => void
}) => {
  const prompt = usePrompt()
  const { mutateAsync } = useDeleteSocialPlatform(platform.id)
  const onDelete = async () => {
    const confirmed = await prompt({
      title: `Disconnect ${platform.name}?`,
      description: "The account's stored token and all of its posts and their insights are deleted. Nothing is deleted on the platform.",
      confirmText: "Delete",
      cancelText: "Cancel",
      variant: "danger",
    })
    if (!confirmed) return
    try {
      await mutateAsync()
      toast.success(`${platform.name} disconnected`)
    } catch (e) {
      toast.error("Could not delete the platform", { description: (e as Error).message })
    }
  }
  return (
    <DropdownMenu>
      <DropdownMenu.Trigger asChild>
        <IconButton size="small" variant="transparent" aria-label={`Actions for ${platform.name}`}>
          <EllipsisHorizontal />
        </IconButton>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content align="end">
        <DropdownMenu.Item onClick={onEdit} className="gap-x-2">
          <PencilSquare className="text-ui-fg-subtle" />
          Edit
        </DropdownMenu.Item>
        <DropdownMenu.Item onClick={onReconnect} className="gap-x-2">
          <ArrowPath className="text-ui-fg-subtle" />
          Reconnect (new token)
        </DropdownMenu.Item>
        <DropdownMenu.Separator />
        <DropdownMenu.Item onClick={onDelete} className="gap-x-2">
          <Trash className="text-ui-fg-subtle" />
          Delete
        </DropdownMenu.Item>
      </DropdownMenu.Content>
    </DropdownMenu>
  )
}
