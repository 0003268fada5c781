import { Alert, Button, Checkbox, Drawer, Input, Label, Text } from "@medusajs/ui"
import { FormEvent, useEffect, useState } from "react"
import { useSocialPlatforms, useSyncAllPostInsights } from "../../hooks/api/post-insights"
import { adviceFor, toApiFailure } from "../../lib/api-error"
import { platformOptions } from "../../lib/platforms"
import { DrawerFormActions } from "./drawer-form-actions"
import { FormField } from "./form-field"
import { SelectField } from "./select-field"
import { SyncAllSummary } from "./sync-all-summary"

const ALL = "__all__"

/** "Sync all insights": one platform or all, up to a limit; then the summary. */
export const SyncAllDrawer = ({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) => {
  const { social_platforms: platforms } = useSocialPlatforms({ limit: 200, order: "name" })
  const [platformId, setPlatformId] = useState(ALL)
  const [limit, setLimit] = useState("50")
  const [force, setForce] = useState(false)
  const { mutate, isPending, data, error, reset } = useSyncAllPostInsights()

  useEffect(() => {
    if (open) reset()
  }, [open, reset])

  const limitNumber = Number(limit)
  const limitError = Number.isInteger(limitNumber) && limitNumber >= 1 && limitNumber <= 500 ? undefined : "Between 1 and 500 posts."

  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    if (limitError) return
    mutate({ ...(platformId !== ALL ? { platform_id: platformId } : {}), limit: limitNumber, ...(force ? { force: true } : {}) })
  }

  const failure = error ? toApiFailure(error) : undefined

  return (
    <Drawer open={open} onOpenChange={(next) => !isPending && onOpenChange(next)}>
      <Drawer.Content aria-describedby={undefined}>
        <form onSubmit={onSubmit} className="flex h-full flex-col overflow-hidden">
          <Drawer.Header>
            <Drawer.Title>Sync all insights</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
            {data ? (
              <SyncAllSummary result={data} />
            ) : (
              <>
                <Text size="small" className="text-ui-fg-subtle">
                  Fetches the latest numbers of posted posts, the least recently synced first. Each platform's rate limits are
                  respected; one post failing never stops the others.
                </Text>
                <SelectField
                  id="sync-all-platform"
                  label="Platform"
                  value={platformId}
                  onValueChange={setPlatformId}
                  options={[{ value: ALL, label: "All platforms" }, ...platformOptions(platforms)]}
                  disabled={isPending}
                />
                <FormField id="sync-all-limit" label="Up to this many posts" error={limitError}>
                  <Input id="sync-all-limit" type="number" min={1} max={500} value={limit} onChange={(e) => setLimit(e.target.value)} disabled={isPending} />
                </FormField>
                <div className="flex items-start gap-x-2">
                  <Checkbox id="sync-all-force" checked={force} onCheckedChange={(v) => setForce(v === true)} disabled={isPending} />
                  <div className="flex flex-col">
                    <Label htmlFor="sync-all-force" size="small">
                      Include posts synced recently
                    </Label>
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      Uses more of each platform's rate limit.
                    </Text>
                  </div>
                </div>
                {failure && (
                  <Alert variant="error" data-testid="sync-all-error">
                    {failure.message}
                    {adviceFor(failure) ? ` ${adviceFor(failure)}` : ""}
                  </Alert>
                )}
              </>
            )}
          </Drawer.Body>
          <Drawer.Footer>
            {data ? (
              <>
                <Button size="small" variant="secondary" type="button" onClick={() => reset()}>
                  Sync again
                </Button>
                <Button size="small" type="button" onClick={() => onOpenChange(false)}>
                  Done
                </Button>
              </>
            ) : (
              <DrawerFormActions isPending={isPending} submitTestId="sync-all-submit" cancelDisabled={isPending}>
                {isPending ? "Syncing…" : "Start sync"}
              </DrawerFormActions>
            )}
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
