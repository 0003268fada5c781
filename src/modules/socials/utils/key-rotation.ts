import type { StoredApiConfig } from "./api-config"
import { decryptLegacySecret, decryptSecret, encryptSecret, sealedVersion, type SealedField } from "./token-crypto"

const SEALED_FIELDS: SealedField[] = ["access_token_encrypted", "refresh_token_encrypted"]

export type KeyRotationOutcome = {
  /** The config to store; the same object when nothing changed. */
  apiConfig: StoredApiConfig | null
  /** Tokens re-sealed: moved from the old key to the new one, or upgraded from v1 to v2. */
  rotated: number
  /** Tokens already sealed as v2 for this row with the new key (a previous run, or saved after the switch): left byte-identical. */
  current: number
  /** Fields neither key opens; left as they are so nothing is lost. */
  unreadable: string[]
}

function opens(sealed: string, key: Buffer, platformId: string, field: SealedField): string | undefined {
  try {
    // v1 values carry no binding; reading them here is how they reach the v2 format.
    return sealedVersion(sealed) === "v1" ? decryptLegacySecret(sealed, key) : decryptSecret(sealed, key, { platformId, field })
  } catch {
    // Wrong key, another row's value (GCM authentication fails) or not our format: the caller decides what that means.
    return undefined
  }
}

/**
 * Moves one platform's sealed tokens from `oldKey` to `newKey`, in the v2 format
 * bound to `platformId` and the field. With the same key on both sides it only
 * upgrades v1 values. Idempotent: a v2 value the new key opens is skipped, so the
 * command can be re-run after an interruption with the same two keys.
 */
export function rotateApiConfigKey(
  stored: StoredApiConfig | null | undefined,
  oldKey: Buffer,
  newKey: Buffer,
  platformId: string
): KeyRotationOutcome {
  const outcome: KeyRotationOutcome = { apiConfig: stored ?? null, rotated: 0, current: 0, unreadable: [] }
  if (!stored) {
    return outcome
  }
  const next: StoredApiConfig = { ...stored }
  for (const field of SEALED_FIELDS) {
    const sealed = stored[field]
    if (!sealed) {
      continue
    }
    if (sealedVersion(sealed) === "v2" && opens(sealed, newKey, platformId, field) !== undefined) {
      outcome.current++
      continue
    }
    const plain = opens(sealed, oldKey, platformId, field) ?? opens(sealed, newKey, platformId, field)
    if (plain === undefined) {
      outcome.unreadable.push(field)
      continue
    }
    next[field] = encryptSecret(plain, newKey, { platformId, field })
    outcome.rotated++
  }
  if (outcome.rotated) {
    outcome.apiConfig = next
  }
  return outcome
}
