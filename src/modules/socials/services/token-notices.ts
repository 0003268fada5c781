import { createHash } from "node:crypto"
import { platformFacts } from "../platforms/catalog"

/**
 * What the token job puts in the admin's notification feed (Medusa's Notification
 * module, `feed` channel, shown by the admin's bell). Only names, dates and what to
 * do: never a token, a sealed token or a platform's raw answer.
 */
export type AdminFeedNotice = {
  to: string
  channel: "feed"
  template: "admin-ui"
  data: { title: string; description: string }
  /** The Notification module creates nothing for a key it already has: "once" holds across runs and processes. */
  idempotency_key: string
  trigger_type: string
  resource_id: string
  resource_type: "social_platform"
}

type Account = { id: string; name?: string | null; provider: string }

const RECONNECT_WHERE = "Reconnect it from Social Posts → Platforms"

const day = (at: Date) => at.toISOString().slice(0, 10)

/** Stands for the stored (sealed) token without revealing it: a reconnect or refresh seals a new one, so a new episode gets a new key. */
export const sealedTokenTag = (sealed: string | null | undefined) => createHash("sha256").update(sealed ?? "none").digest("hex").slice(0, 16)

function named(account: Account): string {
  const label = platformFacts(account.provider).label
  return account.name ? `${account.name} (${label})` : `Your ${label} account`
}

/** Once per account and expiry: a renewed or reconnected token has another expiry, hence another notice when it too nears its end. */
export function tokenExpiringNotice(account: Account, expiresAt: Date, now: Date): AdminFeedNotice {
  const label = platformFacts(account.provider).label
  const past = expiresAt.getTime() <= now.getTime()
  return {
    to: "",
    channel: "feed",
    template: "admin-ui",
    data: {
      title: past ? `${label} access expired` : `${label} access expires on ${day(expiresAt)}`,
      description:
        `${named(account)}: its access token ${past ? "expired" : "expires"} on ${day(expiresAt)} and ${label} offers no way to renew it automatically. ` +
        `${RECONNECT_WHERE} ${past ? "to sync its posts again" : "before then to keep its posts syncing"}.`,
    },
    idempotency_key: `socials:token-expiring:${account.id}:${expiresAt.toISOString()}`,
    trigger_type: "socials.token_expiring",
    resource_id: account.id,
    resource_type: "social_platform",
  }
}

/** Once per needs_reconnect episode (keyed by the refused token's tag): after a reconnect, a later refusal is news again. */
export function needsReconnectNotice(account: Account, sealedToken: string | null | undefined): AdminFeedNotice {
  const label = platformFacts(account.provider).label
  return {
    to: "",
    channel: "feed",
    template: "admin-ui",
    data: {
      title: `Reconnect ${label}`,
      description: `${named(account)}: ${label} refused its access token (expired or revoked), so its posts are not synced. ${RECONNECT_WHERE}.`,
    },
    idempotency_key: `socials:needs-reconnect:${account.id}:${sealedTokenTag(sealedToken)}`,
    trigger_type: "socials.needs_reconnect",
    resource_id: account.id,
    resource_type: "social_platform",
  }
}
