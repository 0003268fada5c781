import { ArrowLeft } from "@medusajs/icons"
import { Alert, Badge, Button, Checkbox, Container, Heading, Skeleton, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { Link, useNavigate, useSearchParams } from "react-router-dom"
import { useConnectAccounts, usePendingConnection } from "../../../../hooks/api/social-connect"
import { providerLabel } from "../../../../lib/platforms"

/** /social-posts/platforms/connect — after the platform's consent: pick the accounts to connect (or see why not). */
const ConnectPickerPage = () => {
  const [params] = useSearchParams()
  const connectionId = params.get("connection_id")
  const error = params.get("error")
  const { data, isPending, isError, error: loadError } = usePendingConnection(connectionId)
  const [chosen, setChosen] = useState<Set<string> | null>(null)
  const connect = useConnectAccounts(connectionId ?? "")
  const navigate = useNavigate()
  const selected = chosen ?? new Set(data?.accounts.map((a) => a.key) ?? [])

  const toggle = (key: string) => {
    const next = new Set(selected)
    if (next.has(key)) next.delete(key)
    else next.add(key)
    setChosen(next)
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Link to="/social-posts/platforms" className="txt-compact-small text-ui-fg-subtle hover:text-ui-fg-base flex w-fit items-center gap-x-1">
        <ArrowLeft /> Platforms
      </Link>
      <Container className="flex flex-col gap-y-4 px-6 py-4">
        <Heading>Choose the accounts to connect</Heading>
        {error ? (
          <Alert variant="error" data-testid="connect-error">
            {error}
          </Alert>
        ) : !connectionId ? (
          <Alert variant="warning">No connection to pick from: start from the Platforms page.</Alert>
        ) : isPending ? (
          <Skeleton className="h-16 w-full" />
        ) : isError || !data ? (
          <Alert variant="error" data-testid="connect-error">
            {loadError?.message}
          </Alert>
        ) : data.accounts.length === 0 ? (
          <Alert variant="warning">The consent gave access to no account. Check that you manage a Page (with a linked Instagram professional account).</Alert>
        ) : (
          <>
            <div className="flex flex-col gap-y-2">
              {data.accounts.map((a) => (
                <label key={a.key} className="flex items-center gap-x-3" data-testid="discovered-account">
                  <Checkbox checked={selected.has(a.key)} onCheckedChange={() => toggle(a.key)} data-testid={`pick-${a.key}`} />
                  <Text weight="plus">{a.name}</Text>
                  <Text size="small" className="text-ui-fg-subtle">
                    {providerLabel(a.provider)}
                    {a.username ? ` · @${a.username}` : ""}
                  </Text>
                  {a.already_connected && <Badge size="2xsmall">Reconnect</Badge>}
                </label>
              ))}
            </div>
            <div>
              <Button
                size="small"
                disabled={selected.size === 0}
                isLoading={connect.isPending}
                data-testid="connect-selected"
                onClick={() =>
                  connect.mutate([...selected], {
                    onSuccess: ({ social_platforms }) => {
                      toast.success(`Connected ${social_platforms.length} account${social_platforms.length === 1 ? "" : "s"}`, { description: "Next: Import posts on each account." })
                      navigate("/social-posts/platforms")
                    },
                    onError: (e) => toast.error(e.message),
                  })
                }
              >
                Connect {selected.size} account{selected.size === 1 ? "" : "s"}
              </Button>
            </div>
          </>
        )}
      </Container>
    </div>
  )
}

export default ConnectPickerPage
