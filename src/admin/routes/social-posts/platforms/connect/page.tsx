import { ArrowLeft } from "@medusajs/icons"
import { Alert, Badge, Button, Checkbox, Container, Heading, Skeleton, Text, toast } from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { Link, useNavigate, useSearchParams } from "react-router-dom"
import { useConnectAccounts, usePendingConnection } from "../../../../hooks/api/social-connect"
import { forgetReconnect, readReconnect } from "../../../../components/social-connect/reconnect-hint"
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
  // Back from a Reconnect: preselect that account only (it gets the new token and keeps its posts).
  const hint = useMemo(() => (data ? readReconnect(data.provider) : null), [data])
  const hintFound = !!hint && !!data?.accounts.some((a) => a.key === hint.key)
  const selected = chosen ?? new Set(hintFound ? [hint!.key] : (data?.accounts.map((a) => a.key) ?? []))
  // A refused or cancelled consent ends the reconnect.
  useEffect(() => {
    if (error) forgetReconnect()
  }, [error])

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
      <Container className="flex flex-col gap-y-4 px-6 py-4" data-testid="connect-picker">
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
            {hint &&
              (hintFound ? (
                <Alert variant="info" data-testid="reconnect-hint">
                  Reconnecting {hint.name}: it gets the new token and keeps its posts.
                </Alert>
              ) : (
                <Alert variant="warning" data-testid="reconnect-hint">
                  {hint.name} is not among the accounts this sign-in gave access to: sign in with the profile that manages
                  it, or pick other accounts to connect.
                </Alert>
              ))}
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
                      forgetReconnect()
                      const n = social_platforms.length
                      const plural = n === 1 ? "" : "s"
                      const renewed = data.accounts.filter((a) => selected.has(a.key)).every((a) => a.already_connected)
                      if (renewed) toast.success(`Reconnected ${n} account${plural}`, { description: "The new token is stored; the posts stay as they were." })
                      else toast.success(`Connected ${n} account${plural}`, { description: "Next: Import posts on each account." })
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
