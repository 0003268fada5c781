import type { StoredApiConfig } from "./api-config"
import { decryptSecret, encryptSecret } from "./token-crypto"

const SEALED_FIELDS = ["access_token_encrypted", "refresh_token_encrypted"] as const

export type KeyRotationOutcome = {
  /** The config to store; the same object when nothing changed. */
  apiConfig: StoredApiConfig | null
  /** Tokens re-encrypted from the old key to the new one. */
  rotated: number
  /** Tokens the new key already opens (a previous run, or saved after the switch): left byte-identical. */
  current: number
  /** Fields neither key opens; left as they are so nothing is lost. */
  unreadable: string[]
}

function opens(sealed: string, key: Buffer): string | undefined {
  try {
    return decryptSecret(sealed, key)
  } catch {
    // Wrong key (GCM authentication fails) or not our format: the caller decides what that means.
    return undefined
  }
}

/**
 * Moves one platform's sealed tokens from `oldKey` to `newKey`. Idempotent: a
 * value the new key already opens is skipped, so the command can be re-run after
 * an interruption with the same two keys.
 */
export function rotateApiConfigKey(stored: StoredApiConfig | null | undefined, oldKey: Buffer, newKey: Buffer): KeyRotationOutcome {
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
    if (opens(sealed, newKey) !== undefined) {
      outcome.current++
      continue
    }
    const plain = opens(sealed, oldKey)
    if (plain === undefined) {
      outcome.unreadable.push(field)
      continue
    }
    next[field] = encryptSecret(plain, newKey)
    outcome.rotated++
  }
  if (outcome.rotated) {
    outcome.apiConfig = next
  }
  return outcome
}
