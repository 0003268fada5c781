import { ArrowPath, Key, PencilSquare, Trash } from "@medusajs/icons"
import { useDeleteSocialPlatform } from "../../hooks/api/post-insights"
import { useConfirmedDelete } from "../../hooks/use-confirmed-delete"
import type { SocialPlatform } from "../../lib/types"
import { ActionMenu } from "./action-menu"

export const PlatformRowActions = ({
  platform,
  onEdit,
  onReconnect,
  onPasteToken,
}: {
  platform: SocialPlatform
  onEdit: () => void
  /** Through the platform's login (or a token when its app is not configured). */
  onReconnect: () => void
  /** Advanced: paste a token obtained elsewhere. */
  onPasteToken: () => void
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
          { label: "Reconnect", icon: ArrowPath, onClick: onReconnect },
          { label: "Paste a new token (advanced)", icon: Key, onClick: onPasteToken },
        ],
        [{ label: "Delete", icon: Trash, onClick: onDelete }],
      ]}
    />
  )
}
