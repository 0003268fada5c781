import { decryptSecret, encryptSecret } from "./token-crypto"

/** What an admin sends: plaintext tokens, only ever on the way in. */
export type ApiConfigInput = {
  access_token?: string | null
  refresh_token?: string | null
  token_expires_at?: string | null
  auth_type?: string | null
}

/** What is stored in social_platform.api_config. */
export type StoredApiConfig = {
  access_token_encrypted?: string | null
  refresh_token_encrypted?: string | null
  token_expires_at?: string | null
  auth_type?: string | null
}

/** What every API response shows instead of tokens. */
export type PublicApiConfig = {
  has_access_token: boolean
  has_refresh_token: boolean
  token_expires_at: string | null
  auth_type: string | null
}

/**
 * Turns admin input into the stored shape, merging with what is stored: a key that
 * is absent keeps its stored value, null clears it, a string replaces it. Each
 * token is sealed for `platformId` and its field: it opens only in that row.
 */
export function sealApiConfig(
  input: ApiConfigInput,
  key: Buffer,
  platformId: string,
  stored: StoredApiConfig | null = null
): StoredApiConfig {
  const next: StoredApiConfig = { ...(stored ?? {}) }
  if (input.access_token !== undefined) {
    next.access_token_encrypted = input.access_token
      ? encryptSecret(input.access_token, key, { platformId, field: "access_token_encrypted" })
      : null
  }
  if (input.refresh_token !== undefined) {
    next.refresh_token_encrypted = input.refresh_token
      ? encryptSecret(input.refresh_token, key, { platformId, field: "refresh_token_encrypted" })
      : null
  }
  if (input.token_expires_at !== undefined) {
    next.token_expires_at = input.token_expires_at
  }
  if (input.auth_type !== undefined) {
    next.auth_type = input.auth_type
  }
  return next
}

export function toPublicApiConfig(stored: StoredApiConfig | null | undefined): PublicApiConfig {
  return {
    has_access_token: Boolean(stored?.access_token_encrypted),
    has_refresh_token: Boolean(stored?.refresh_token_encrypted),
    token_expires_at: stored?.token_expires_at ?? null,
    auth_type: stored?.auth_type ?? null,
  }
}

export type PlatformSecrets = {
  accessToken: string | null
  refreshToken: string | null
  tokenExpiresAt: string | null
  authType: string | null
}

export function openApiConfig(stored: StoredApiConfig | null | undefined, key: Buffer, platformId: string): PlatformSecrets {
  const access = stored?.access_token_encrypted
  const refresh = stored?.refresh_token_encrypted
  return {
    accessToken: access ? decryptSecret(access, key, { platformId, field: "access_token_encrypted" }) : null,
    refreshToken: refresh ? decryptSecret(refresh, key, { platformId, field: "refresh_token_encrypted" }) : null,
    tokenExpiresAt: stored?.token_expires_at ?? null,
    authType: stored?.auth_type ?? null,
  }
}
