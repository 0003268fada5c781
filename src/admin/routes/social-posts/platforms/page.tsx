import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowLeft, Plus } from "@medusajs/icons"
import { Alert, Button, Container, Heading, Skeleton, Table, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { Link, useSearchParams } from "react-router-dom"
import { PlatformFormDrawer, type PlatformFormMode } from "../../../components/social-posts/platform-form-drawer"
import { AccountGrowthSection } from "../../../components/reports/account-growth-section"
import { XSpendSection } from "../../../components/x-spend/x-spend-section"
import { PlatformRowActions } from "../../../components/social-posts/platform-row-actions"
import { PlatformStatusBadge } from "../../../components/social-posts/status-badges"
import { TokenStatus } from "../../../components/social-posts/token-status"
import { ConnectButtons } from "../../../components/social-connect/connect-buttons"
import { ImportPostsButton } from "../../../components/social-connect/import-posts-button"
import { useSocialPlatforms } from "../../../hooks/api/post-insights"
import { useReconnect } from "../../../hooks/use-reconnect"
import { providerLabel, tokenHealth } from "../../../lib/platforms"
import type { SocialPlatform } from "../../../lib/types"

/** /social-posts/platforms — the connected accounts: connect, edit, reconnect, delete. */
const SocialPlatformsPage = () => {
  const { social_platforms: platforms, isPending, isError, error, refetch } = useSocialPlatforms({ limit: 200, order: "name" })
  const [searchParams, setSearchParams] = useSearchParams()
  const [form, setForm] = useState<{ mode: PlatformFormMode; platform?: SocialPlatform }>({ mode: "create" })
  const [open, setOpen] = useState(false)
  // The drawer keeps its mode while it animates closed.
  const setDrawer = (next: { mode: PlatformFormMode; platform?: SocialPlatform }) => {
    setForm(next)
    setOpen(true)
  }

  // Reconnect signs in on the platform again; pasting a token stays as the advanced way (and the only one without app credentials).
  const pasteToken = (platform: SocialPlatform) => setDrawer({ mode: "reconnect", platform })
  const { reconnect, ready: reconnectReady, reconnectingId } = useReconnect(pasteToken)

  // Links elsewhere ("Reconnect the account") land here with ?reconnect=<id>.
  const reconnectId = searchParams.get("reconnect")
  useEffect(() => {
    if (!reconnectId || !platforms || !reconnectReady) return
    const platform = platforms.find((p) => p.id === reconnectId)
    setSearchParams((params) => {
      params.delete("reconnect")
      return params
    }, { replace: true })
    if (platform) reconnect(platform)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reconnectId, platforms, reconnectReady, setSearchParams])

  const needsAttention = (p: SocialPlatform) => p.status === "needs_reconnect" || ["missing", "expired"].includes(tokenHealth(p.api_config).state)

  return (
    <div className="flex flex-col gap-y-3">
      <Link to="/social-posts" className="txt-compact-small text-ui-fg-subtle hover:text-ui-fg-base flex w-fit items-center gap-x-1">
        <ArrowLeft /> Social Posts
      </Link>
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">
          <div className="flex flex-col">
            <Heading>Platforms</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              The accounts whose posts are synced. Tokens are stored encrypted and never shown again.
            </Text>
          </div>
          <Button size="small" variant="transparent" onClick={() => setDrawer({ mode: "create" })} data-testid="connect-platform">
            <Plus />
            Add with an access token
          </Button>
        </div>
        <div className="px-6 py-4">
          <ConnectButtons />
        </div>
        {isPending ? (
          <div className="flex flex-col gap-y-2 px-6 py-4">
            <Skeleton className="h-8 w-full" />
            <Skeleton className="h-8 w-full" />
          </div>
        ) : isError ? (
          <div className="px-6 py-4">
            <Alert variant="error">
              Could not load platforms: {error?.message}{" "}
              <button type="button" className="text-ui-fg-interactive underline" onClick={() => refetch()}>
                Try again
              </button>
            </Alert>
          </div>
        ) : !platforms?.length ? (
          <div className="flex flex-col items-center gap-y-2 px-6 py-10 text-center">
            <Text weight="plus">No platform connected</Text>
            <Text size="small" className="text-ui-fg-subtle">
              Start with a Connect button above: sign in on the platform, pick your accounts, then Import posts to see
              their numbers after the first sync.
            </Text>
          </div>
        ) : (
          <div className="overflow-x-auto">
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Name</Table.HeaderCell>
                  <Table.HeaderCell>Platform</Table.HeaderCell>
                  <Table.HeaderCell>Account id</Table.HeaderCell>
                  <Table.HeaderCell>Token</Table.HeaderCell>
                  <Table.HeaderCell>Status</Table.HeaderCell>
                  <Table.HeaderCell />
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {platforms.map((p) => (
                  <Table.Row key={p.id} data-testid="platform-row" data-platform-id={p.id}>
                    <Table.Cell className="font-medium">{p.name}</Table.Cell>
                    <Table.Cell>{providerLabel(p.provider)}</Table.Cell>
                    <Table.Cell>
                      <code className="txt-compact-small break-all">{p.account_id ?? "–"}</code>
                    </Table.Cell>
                    <Table.Cell>
                      <TokenStatus apiConfig={p.api_config} />
                    </Table.Cell>
                    <Table.Cell>
                      <PlatformStatusBadge status={p.status} />
                    </Table.Cell>
                    <Table.Cell>
                      <div className="flex items-center justify-end gap-x-2">
                        <ImportPostsButton platform={p} />
                        {needsAttention(p) && (
                          <Button size="small" variant="secondary" data-testid="reconnect-platform" isLoading={reconnectingId === p.id} onClick={() => reconnect(p)}>
                            Reconnect
                          </Button>
                        )}
                        <PlatformRowActions
                          platform={p}
                          onEdit={() => setDrawer({ mode: "edit", platform: p })}
                          onReconnect={() => reconnect(p)}
                          onPasteToken={() => pasteToken(p)}
                        />
                      </div>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
      </Container>
      {platforms && <AccountGrowthSection platforms={platforms} />}
      {platforms && <XSpendSection platforms={platforms} />}
      <PlatformFormDrawer
        open={open}
        onOpenChange={setOpen}
        mode={form.mode}
        platform={form.platform}
      />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Platforms",
})

export default SocialPlatformsPage
