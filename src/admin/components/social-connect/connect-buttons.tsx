import { Button, Text, toast } from "@medusajs/ui"
import { useConnectProviders, useStartConnection } from "../../hooks/api/social-connect"

/** "Connect Instagram & Facebook", "Connect X"...: one consent each; an app without credentials says what to set. */
export const ConnectButtons = () => {
  const { data, isPending, isError } = useConnectProviders()
  const start = useStartConnection()
  if (isPending) return null
  if (isError || !data) return <Text size="small" className="text-ui-fg-error">Could not load the connect options.</Text>
  return (
    <div className="flex flex-wrap items-start gap-2">
      {data.providers.map((p) => {
        const hint = !p.supported ? "Coming soon" : !p.configured ? `Not configured: set ${p.missing.join(" and ")}` : undefined
        return (
          <div key={p.provider} className="flex flex-col gap-y-1">
            <Button
              size="small"
              variant={p.provider === "meta" ? "primary" : "secondary"}
              disabled={!p.configured || start.isPending}
              isLoading={start.isPending && start.variables === p.provider}
              data-testid={`connect-${p.provider}`}
              onClick={() => start.mutate(p.provider, { onError: (e) => toast.error(e.message) })}
            >
              Connect {p.label}
            </Button>
            {hint && (
              <Text size="xsmall" className="text-ui-fg-subtle max-w-[220px]" data-testid={`connect-${p.provider}-hint`}>
                {hint}
              </Text>
            )}
          </div>
        )
      })}
    </div>
  )
}
