import { createCipheriv, createDecipheriv, randomBytes } from "crypto"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * AES-256-GCM for access and refresh tokens at rest.
 * Stored form: "v1:<iv>:<auth tag>:<ciphertext>" (base64url parts), so a future
 * scheme can be told apart and a re-encryption command can rotate keys.
 */
const PREFIX = "v1"
const IV_BYTES = 12

export const ENCRYPTION_KEY_ENV = "SOCIALS_ENCRYPTION_KEY"

/** Accepts 32 bytes as base64 (44 chars) or hex (64 chars). */
export function parseEncryptionKey(raw: string | undefined, source = ENCRYPTION_KEY_ENV): Buffer {
  if (!raw) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${source} is not set. Generate one with: openssl rand -base64 32`
    )
  }
  const trimmed = raw.trim()
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, "hex")
    : Buffer.from(trimmed, "base64")
  if (key.length !== 32) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${source} must be 32 bytes encoded as base64 or hex (got ${key.length} bytes)`
    )
  }
  return key
}

export function encryptSecret(plain: string, key: Buffer): string {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv("aes-256-gcm", key, iv)
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()])
  const tag = cipher.getAuthTag()
  return [PREFIX, iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(":")
}

export function isEncryptedSecret(value: unknown): value is string {
  return typeof value === "string" && value.startsWith(`${PREFIX}:`) && value.split(":").length === 4
}

export function decryptSecret(sealed: string, key: Buffer): string {
  if (!isEncryptedSecret(sealed)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Stored token is not in the encrypted format")
  }
  const [, iv, tag, ciphertext] = sealed.split(":")
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"))
    decipher.setAuthTag(Buffer.from(tag, "base64url"))
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8")
  } catch {
    // GCM authentication failed: the key changed without re-encrypting. Never echo the value.
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `A stored token cannot be decrypted with the current ${ENCRYPTION_KEY_ENV}; run the re-encryption command with the previous key`
    )
  }
}
