import { toast, usePrompt } from "@medusajs/ui"

/**
 * Asks for a danger confirmation, then deletes: a success toast (and `onDeleted`)
 * when it worked, an error toast with the API's message when it did not.
 */
export const useConfirmedDelete = () => {
  const prompt = usePrompt()
  return async ({
    title,
    description,
    remove,
    successMessage,
    errorMessage,
    onDeleted,
  }: {
    title: string
    description: string
    remove: () => Promise<unknown>
    successMessage: string
    errorMessage: string
    onDeleted?: () => void
  }) => {
    const confirmed = await prompt({ title, description, confirmText: "Delete", cancelText: "Cancel", variant: "danger" })
    if (!confirmed) return
    try {
      await remove()
      toast.success(successMessage)
      onDeleted?.()
    } catch (e) {
      toast.error(errorMessage, { description: (e as Error).message })
    }
  }
}
