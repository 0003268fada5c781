import { Badge, Text } from "@medusajs/ui"
import { formatDateTime, formatRelative } from "../../lib/format"
import { tokenHealth } from "../../lib/platforms"
import type { PublicApiConfig } from "../../lib/types"

/** "Token stored · expires in 3 days": never the token itself, which the API does not return. */
export const TokenStatus = ({ apiConfig }: { apiConfig: PublicApiConfig | null | undefined }) => {
  const health = tokenHealth(apiConfig)
  const expiry = health.expiresAt ? (
    <span title={formatDateTime(health.expiresAt)}>
      {health.state === "expired" ? "expired " : "expires "}
      {formatRelative(health.expiresAt)}
    </span>
  ) : null
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1" data-testid="token-status">
      {health.state === "missing" ? (
        <Badge size="2xsmall" color="red">
          No token
        </Badge>
      ) : health.state === "expired" ? (
        <Badge size="2xsmall" color="red">
          Token expired
        </Badge>
      ) : health.state === "expiring" ? (
        <Badge size="2xsmall" color="orange">
          Token expires soon
        </Badge>
      ) : (
        <Badge size="2xsmall" color="green">
          Token stored
        </Badge>
      )}
      {expiry && (
        <Text size="xsmall" className={health.state === "ok" ? "text-ui-fg-subtle" : "text-ui-fg-error"}>
          {expiry}
        </Text>
      )}
    </div>
  )
}
