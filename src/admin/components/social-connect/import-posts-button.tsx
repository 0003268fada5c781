import { Button, toast } from "@medusajs/ui"
import { useState } from "react"
import { useImportPosts, type ImportSummary } from "../../hooks/api/social-connect"

const IMPORTABLE = ["instagram", "facebook"]

/** Imports the account's published posts page by page, with progress and a summary. */
export const ImportPostsButton = ({ platformId, provider }: { platformId: string; provider: string }) => {
  const [progress, setProgress] = useState<ImportSummary | null>(null)
  const run = useImportPosts(platformId, setProgress)
  if (!IMPORTABLE.includes(provider)) return null
  return (
    <Button
      size="small"
      variant="secondary"
      data-testid="import-posts"
      isLoading={run.isPending}
      onClick={() =>
        run.mutate(undefined, {
          onSuccess: (s) => toast.success(`Imported ${s.imported}, updated ${s.updated}, skipped ${s.skipped}`, { description: s.message }),
          onError: (e) => toast.error(e.message),
          onSettled: () => setProgress(null),
        })
      }
    >
      {run.isPending && progress ? `Importing… ${progress.total}` : "Import posts"}
    </Button>
  )
}
