import { ArrowPath, PencilSquare, Trash } from "@medusajs/icons"
import { useDeleteSocialPlatform } from "../../hooks/api/post-insights"
import { useConfirmedDelete } from "../../hooks/use-confirmed-delete"
import type { SocialPlatform } from "../../lib/types"
import { ActionMenu } from "./action-menu"

export const PlatformRowActions = ({
  platform,
  onEdit,
  onReconnect,
}: {
  platform: SocialPlatform
  onEdit: () => void
  onReconnect: () => void
}) => {
  const confirmDelete = useConfirmedDelete()
  const { mutateAsync } = useDeleteSocialPlatform(platform.id)
  const onDelete = () =>
    confirmDelete({
      title: `Disconnect ${platform.name}?`,
      description: "The account's stored token and all of its posts and their insights are deleted. Nothing is deleted on the platform.",
      remove: mutateAsync,
      successMessage: `${platform.name} disconnected`,
      errorMessage: "Could not delete the platform",
    })
  return (
    <ActionMenu
      label={`Actions for ${platform.name}`}
      groups={[
        [
          { label: "Edit", icon: PencilSquare, onClick: onEdit },
          { label: "Reconnect (new token)", icon: ArrowPath, onClick: onReconnect },
        ],
        [{ label: "Delete", icon: Trash, onClick: onDelete }],
      ]}
    />
  )
}
