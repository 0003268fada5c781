import { createCipheriv, createDecipheriv, randomBytes } from "crypto"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * AES-256-GCM for access and refresh tokens at rest.
 *
 * Stored form: "v2:<iv>:<auth tag>:<ciphertext>" (base64url parts). Each value is
 * bound to its row and field as additional authenticated data, so a ciphertext
 * copied into another platform's row (or from the refresh into the access field)
 * fails authentication instead of being used.
 *
 * "v1:" values (no binding, written before) are opened only by the key-rotation
 * command, which re-seals them as v2; the server refuses them so a swapped v1
 * value cannot bypass the binding.
 */
const PREFIX = "v2"
const LEGACY_PREFIX = "v1"
const IV_BYTES = 12
/** GCM's full tag. Node accepts truncated tags unless told the length; a 4-byte tag is forgeable. */
const TAG_BYTES = 16
const KEY_BYTES = 32

export const ENCRYPTION_KEY_ENV = "SOCIALS_ENCRYPTION_KEY"

export type SealedField = "access_token_encrypted" | "refresh_token_encrypted"

/** Where a sealed value lives: it opens only there. */
export type SecretBinding = { platformId: string; field: SealedField }

const HEX_KEY = /^[0-9a-fA-F]{64}$/
/** Standard or URL-safe base64 of 32 bytes: 43 characters plus one optional "=". */
const BASE64_KEY = /^[A-Za-z0-9+/_-]{43}=?$/

function keyError(source: string, detail: string): MedusaError {
  return new MedusaError(
    MedusaError.Types.INVALID_DATA,
    `${source} ${detail}. It must be exactly 32 bytes: 64 hex characters or base64 of 32 bytes. Generate one with: openssl rand -base64 32`
  )
}

/**
 * Exactly 32 bytes from 64 hex characters or from base64 of 32 bytes. Anything
 * else (a passphrase, 31 bytes, stray characters Buffer.from would silently drop)
 * is refused: the process must not boot with a key other than the one configured.
 */
export function parseEncryptionKey(raw: string | undefined, source = ENCRYPTION_KEY_ENV): Buffer {
  if (!raw || !raw.trim()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${source} is not set. Generate one with: openssl rand -base64 32`)
  }
  const text = raw.trim()
  if (HEX_KEY.test(text)) return Buffer.from(text, "hex")
  if (!BASE64_KEY.test(text)) throw keyError(source, `is neither 64 hex characters nor base64 (${text.length} characters)`)
  const key = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64")
  if (key.length !== KEY_BYTES) throw keyError(source, `decodes to ${key.length} bytes`)
  return key
}

function aad(binding: SecretBinding): Buffer {
  if (!binding.platformId) throw new MedusaError(MedusaError.Types.INVALID_DATA, "A token can only be sealed for a known platform id")
  return Buffer.from(`social_platform:${binding.platformId}:${binding.field}`, "utf8")
}

export function encryptSecret(plain: string, key: Buffer, binding: SecretBinding): string {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES })
  cipher.setAAD(aad(binding))
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()])
  const tag = cipher.getAuthTag()
  return [PREFIX, iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(":")
}

/** "v2" (current), "v1" (legacy, rotation command only), or undefined when not ours. */
export function sealedVersion(value: unknown): "v2" | "v1" | undefined {
  if (typeof value !== "string" || value.split(":").length !== 4) return undefined
  if (value.startsWith(`${PREFIX}:`)) return "v2"
  if (value.startsWith(`${LEGACY_PREFIX}:`)) return "v1"
  return undefined
}

export function isEncryptedSecret(value: unknown): value is string {
  return sealedVersion(value) === "v2"
}

function cannotOpen(): MedusaError {
  // GCM authentication failed: another key, another row or field, or a tampered value. Never echo it.
  return new MedusaError(
    MedusaError.Types.UNEXPECTED_STATE,
    `A stored token cannot be decrypted with the current ${ENCRYPTION_KEY_ENV}; run the re-encryption command with the previous key`
  )
}

function open(sealed: string, key: Buffer, additionalData: Buffer | undefined): string {
  const [, iv, tagText, ciphertext] = sealed.split(":")
  const tag = Buffer.from(tagText, "base64url")
  if (tag.length !== TAG_BYTES) throw cannotOpen()
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"), { authTagLength: TAG_BYTES })
    if (additionalData) decipher.setAAD(additionalData)
    decipher.setAuthTag(tag)
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8")
  } catch {
    throw cannotOpen()
  }
}

export function decryptSecret(sealed: string, key: Buffer, binding: SecretBinding): string {
  const version = sealedVersion(sealed)
  if (version === "v1") {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      "A stored token is in the old v1 format (not bound to its platform); run the re-encryption command to upgrade it"
    )
  }
  if (version !== "v2") throw new MedusaError(MedusaError.Types.INVALID_DATA, "Stored token is not in the encrypted format")
  return open(sealed, key, aad(binding))
}

/** Legacy v1 values (no binding): for the key-rotation command only, which re-seals them as v2. */
export function decryptLegacySecret(sealed: string, key: Buffer): string {
  if (sealedVersion(sealed) !== "v1") throw new MedusaError(MedusaError.Types.INVALID_DATA, "Stored token is not in the v1 format")
  return open(sealed, key, undefined)
}
