import { ArrowDownTray } from "@medusajs/icons"
import { Button } from "@medusajs/ui"

type Filters = { q?: string; platform_id?: string; status?: string }

/**
 * A plain link to the export: the browser sends the session cookie and writes the
 * streamed file straight to disk, so a large export never sits in the page's memory.
 */
export const ExportCsvButton = ({ filters }: { filters: Filters }) => {
  const params = new URLSearchParams({ format: "csv" })
  for (const key of ["q", "platform_id", "status"] as const) {
    const value = filters[key]
    if (value) params.set(key, value)
  }
  return (
    <Button size="small" variant="secondary" asChild>
      <a href={`/admin/social-posts/export?${params.toString()}`} download data-testid="export-csv">
        <ArrowDownTray />
        Export CSV
      </a>
    </Button>
  )
}
