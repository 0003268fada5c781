import { Button, toast } from "@medusajs/ui"
import { useState } from "react"
import { useImportPosts, type ImportProgress, type ImportRun } from "../../hooks/api/social-connect"
import type { SocialPlatform } from "../../lib/types"
import { ImportPostsDrawer } from "./import-posts-drawer"

/** Accounts whose posts the plugin can list (the import route's listers). */
const IMPORTABLE = ["instagram", "facebook", "twitter", "linkedin", "threads"]
/** X bills every post it returns: ask first, one call of this many (the route's default). */
export const X_IMPORT_LIMIT = 100

/**
 * "Import posts": free listings start at once, page by page; X first shows the
 * estimated reads and spend and imports only once the merchant confirms. The
 * drawer shows the progress, then the summary (imported, updated, skipped).
 */
export const ImportPostsButton = ({ platform }: { platform: SocialPlatform }) => {
  const [open, setOpen] = useState(false)
  const [progress, setProgress] = useState<ImportProgress | null>(null)
  const run = useImportPosts(platform.id, setProgress)
  const billed = platform.provider === "twitter"
  if (!IMPORTABLE.includes(platform.provider)) return null

  const start = (opts: ImportRun) => {
    setProgress(null)
    run.mutate(opts, {
      onSuccess: (s) => toast.success(`Imported ${s.imported}, updated ${s.updated}, skipped ${s.skipped}`, { description: s.message }),
      onError: (e) => toast.error(e.message),
    })
  }
  const onOpen = () => {
    run.reset()
    setProgress(null)
    setOpen(true)
    if (!billed) start({})
  }

  return (
    <>
      <Button size="small" variant="secondary" data-testid="import-posts" isLoading={run.isPending && !open} onClick={onOpen}>
        Import posts
      </Button>
      <ImportPostsDrawer
        open={open}
        onOpenChange={(next) => !run.isPending && setOpen(next)}
        platform={platform}
        billed={billed}
        limit={X_IMPORT_LIMIT}
        progress={progress}
        result={run.data ?? null}
        error={run.error?.message ?? null}
        isPending={run.isPending}
        // X: one billed call of `limit` posts per confirmation; the others run to the end.
        onConfirm={(cursor) => start(billed ? { limit: X_IMPORT_LIMIT, maxCalls: 1, cursor } : { cursor })}
      />
    </>
  )
}
