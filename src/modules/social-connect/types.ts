/** A connect provider: one consent flow (Meta yields Facebook Pages and their Instagram accounts). */
export const CONNECT_PROVIDERS = ["meta", "x", "linkedin", "threads"] as const
export type ConnectProvider = (typeof CONNECT_PROVIDERS)[number]

export function isConnectProvider(value: string): value is ConnectProvider {
  return (CONNECT_PROVIDERS as readonly string[]).includes(value)
}

/** What the admin sees of a discovered account (never a token). */
export interface PublicDiscoveredAccount {
  /** `<stored provider>:<account id>`, what the picker sends back. */
  key: string
  /** Stored provider of social_platform: instagram, facebook, twitter, linkedin, threads. */
  provider: string
  account_id: string
  name: string
  username: string | null
  already_connected: boolean
}

/** As kept in a pending connection: tokens sealed for this connection and key. */
export interface PendingAccount extends Omit<PublicDiscoveredAccount, "already_connected"> {
  access_token_sealed: string
  refresh_token_sealed: string | null
  token_expires_at: string | null
  auth_type: string
}

export const STATE_TTL_MS = 10 * 60_000
export const PENDING_TTL_MS = 30 * 60_000
