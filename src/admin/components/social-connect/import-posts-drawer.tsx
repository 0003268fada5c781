import { Alert, Badge, Button, Drawer, Skeleton, Text } from "@medusajs/ui"
import { useImportEstimate, type ImportProgress } from "../../hooks/api/social-connect"
import { formatCount } from "../../lib/format"
import type { SocialPlatform } from "../../lib/types"

const usd = (n: number) => n.toLocaleString(undefined, { style: "currency", currency: "USD" })
/** A price per read is a fraction of a cent: $0.005, not $0.01. */
const perRead = (n: number) => n.toLocaleString(undefined, { style: "currency", currency: "USD", maximumFractionDigits: 4 })

const Count = ({ label, value, color, testId }: { label: string; value: number; color: "green" | "grey" | "blue"; testId: string }) => (
  <div className="flex flex-col items-start gap-y-1 rounded-lg border px-3 py-2" data-testid={testId}>
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Badge color={color} size="base" className="tabular-nums">
      {formatCount(value)}
    </Badge>
  </div>
)

const Counts = ({ s }: { s: ImportProgress }) => (
  <div className="flex flex-wrap gap-2">
    <Count label="Imported" value={s.imported} color="green" testId="import-imported" />
    <Count label="Updated" value={s.updated} color="blue" testId="import-updated" />
    <Count label="Skipped" value={s.skipped} color="grey" testId="import-skipped" />
  </div>
)

/** X's estimate for the next call: reads, and the spend when a price per read is set (SOCIALS_X_PRICE_PER_READ). */
const XEstimate = ({ platformId, limit }: { platformId: string; limit: number }) => {
  const { data, isPending, isError, error } = useImportEstimate(platformId, limit, true)
  if (isPending) return <Skeleton className="h-16 w-full" />
  if (isError) return <Alert variant="error">Could not estimate the import: {error.message}</Alert>
  return (
    <div className="flex flex-col gap-y-2 rounded-lg border px-4 py-3" data-testid="import-estimate">
      <Text size="small" weight="plus">
        X bills every post it returns.
      </Text>
      <Text size="small">
        Estimated reads: <span data-testid="import-estimate-reads" className="font-medium tabular-nums">{formatCount(data.estimated_reads)}</span>
        {data.price_per_read > 0 && (
          <>
            {" "}
            · estimated spend: <span data-testid="import-estimate-spend" className="font-medium tabular-nums">{usd(data.estimated_spend)}</span>{" "}
            <span className="text-ui-fg-subtle">(at {perRead(data.price_per_read)} a read)</span>
          </>
        )}
      </Text>
      <Text size="small" className="text-ui-fg-subtle">
        This month: {formatCount(data.reads_this_month)} reads
        {data.cap !== null ? ` of the ${formatCount(data.cap)} cap` : ""}.
      </Text>
      <Text size="xsmall" className="text-ui-fg-subtle" data-testid="import-estimate-message">
        {data.message}
      </Text>
    </div>
  )
}

/** Estimate and confirm (X), progress page by page, then the summary. */
export const ImportPostsDrawer = ({
  open,
  onOpenChange,
  platform,
  billed,
  limit,
  progress,
  result,
  error,
  isPending,
  onConfirm,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  platform: SocialPlatform
  billed: boolean
  limit: number
  progress: ImportProgress | null
  result: ImportProgress | null
  error: string | null
  isPending: boolean
  onConfirm: (cursor: string | null) => void
}) => {
  const asking = billed && !isPending && (!result || !!result.next_cursor)
  const cursor = result?.next_cursor ?? null
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined} data-testid="import-posts-drawer">
        <Drawer.Header>
          <Drawer.Title>Import posts from {platform.name}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          {!result && !isPending && !error && (
            <Text size="small" className="text-ui-fg-subtle">
              {billed
                ? `Imports the account's latest ${limit} posts (without replies and reposts) as posted posts, each synced right after.`
                : "Imports the account's published posts as posted posts, each synced right after. Posts already here are updated, never duplicated."}
            </Text>
          )}
          {isPending && (
            <div className="flex flex-col gap-y-3" data-testid="import-progress">
              <Text size="small" weight="plus">
                {progress ? `Importing… page ${progress.pages}, ${formatCount(progress.total)} posts so far` : "Importing…"}
              </Text>
              {progress && <Counts s={progress} />}
            </div>
          )}
          {result && !isPending && (
            <div className="flex flex-col gap-y-3" data-testid="import-summary">
              <Text size="small" weight="plus">
                {result.message}
              </Text>
              <Counts s={result} />
              <Text size="xsmall" className="text-ui-fg-subtle">
                {formatCount(result.total)} posts read in {result.pages} page{result.pages === 1 ? "" : "s"}. New posts get their numbers
                at their first sync, within a minute.
              </Text>
            </div>
          )}
          {error && !isPending && (
            <Alert variant="error" data-testid="import-error">
              {error}
            </Alert>
          )}
          {asking && <XEstimate platformId={platform.id} limit={limit} />}
        </Drawer.Body>
        <Drawer.Footer>
          <Button size="small" variant="secondary" type="button" disabled={isPending} onClick={() => onOpenChange(false)} data-testid="import-close">
            {result ? "Done" : "Cancel"}
          </Button>
          {(asking || (!billed && result?.next_cursor && !isPending)) && (
            <Button size="small" type="button" onClick={() => onConfirm(cursor)} data-testid="import-confirm">
              {!result ? `Import up to ${limit} posts` : billed ? `Import the next ${limit} posts` : "Continue the import"}
            </Button>
          )}
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
