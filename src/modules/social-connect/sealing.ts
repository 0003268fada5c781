import { readSocialsOptions } from "../socials/utils/module-options"
import { decryptSecret, encryptSecret, ENCRYPTION_KEY_ENV, parseEncryptionKey } from "../socials/utils/token-crypto"
import type { DiscoveredAccount } from "../socials/platforms/connect/types"
import type { PendingAccount } from "./types"

/** The socials module's key: a pending token is sealed with the same key the account row will use. */
export function connectEncryptionKey(): Buffer {
  const configured = readSocialsOptions().encryptionKey
  return configured ? parseEncryptionKey(configured, "socials option encryptionKey") : parseEncryptionKey(process.env[ENCRYPTION_KEY_ENV])
}

export const accountKey = (provider: string, accountId: string) => `${provider}:${accountId}`

// Bound to the pending connection and the account key: a sealed token opens only for that choice.
const binding = (connectionId: string, key: string, field: "access_token_encrypted" | "refresh_token_encrypted") => ({
  platformId: `pending:${connectionId}:${key}`,
  field,
})

export function sealPendingAccounts(connectionId: string, accounts: DiscoveredAccount[], key: Buffer = connectEncryptionKey()): PendingAccount[] {
  return accounts.map((a) => {
    const k = accountKey(a.provider, a.accountId)
    return {
      key: k,
      provider: a.provider,
      account_id: a.accountId,
      name: a.name,
      username: a.username,
      access_token_sealed: encryptSecret(a.accessToken, key, binding(connectionId, k, "access_token_encrypted")),
      refresh_token_sealed: a.refreshToken ? encryptSecret(a.refreshToken, key, binding(connectionId, k, "refresh_token_encrypted")) : null,
      token_expires_at: a.expiresAt ? a.expiresAt.toISOString() : null,
      auth_type: a.authType,
    }
  })
}

export function openPendingAccount(connectionId: string, account: PendingAccount, key: Buffer = connectEncryptionKey()): { accessToken: string; refreshToken: string | null } {
  return {
    accessToken: decryptSecret(account.access_token_sealed, key, binding(connectionId, account.key, "access_token_encrypted")),
    refreshToken: account.refresh_token_sealed ? decryptSecret(account.refresh_token_sealed, key, binding(connectionId, account.key, "refresh_token_encrypted")) : null,
  }
}

// The PKCE verifier is a credential (with the code it buys the tokens): sealed at rest, bound to its state.
const verifierBinding = (state: string) => ({ platformId: `oauth-state:${state}`, field: "access_token_encrypted" as const })

export function sealCodeVerifier(state: string, verifier: string, key: Buffer = connectEncryptionKey()): string {
  return encryptSecret(verifier, key, verifierBinding(state))
}

export function openCodeVerifier(state: string, sealed: string, key: Buffer = connectEncryptionKey()): string {
  return decryptSecret(sealed, key, verifierBinding(state))
}
