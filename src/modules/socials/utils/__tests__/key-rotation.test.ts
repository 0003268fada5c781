import { createCipheriv, randomBytes } from "crypto"
import { describe, expect, it } from "vitest"
import { rotateApiConfigKey } from "../key-rotation"
import { decryptSecret, encryptSecret, type SealedField } from "../token-crypto"

const oldKey = randomBytes(32)
const newKey = randomBytes(32)
const otherKey = randomBytes(32)
const ID = "socplat_01"
const at = (field: SealedField, platformId = ID) => ({ platformId, field })
const ACCESS = at("access_token_encrypted")
const REFRESH = at("refresh_token_encrypted")

/** What the previous release stored: "v1:" + GCM without additional data. */
function sealV1(plain: string, key: Buffer): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv("aes-256-gcm", key, iv)
  const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()])
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ct.toString("base64url")].join(":")
}

describe("rotateApiConfigKey", () => {
  it("re-encrypts tokens sealed with the old key and keeps the clear fields", () => {
    const stored = {
      access_token_encrypted: encryptSecret("access-1", oldKey, ACCESS),
      refresh_token_encrypted: encryptSecret("refresh-1", oldKey, REFRESH),
      token_expires_at: "2030-01-01T00:00:00.000Z",
      auth_type: "user_context",
    }
    const outcome = rotateApiConfigKey(stored, oldKey, newKey, ID)
    expect(outcome).toMatchObject({ rotated: 2, current: 0, unreadable: [] })
    expect(decryptSecret(outcome.apiConfig!.access_token_encrypted!, newKey, ACCESS)).toBe("access-1")
    expect(decryptSecret(outcome.apiConfig!.refresh_token_encrypted!, newKey, REFRESH)).toBe("refresh-1")
    expect(() => decryptSecret(outcome.apiConfig!.access_token_encrypted!, oldKey, ACCESS)).toThrow(/re-encryption command/)
    expect(outcome.apiConfig).toMatchObject({ token_expires_at: stored.token_expires_at, auth_type: "user_context" })
  })

  it("is idempotent: values the new key opens stay byte-identical", () => {
    const stored = { access_token_encrypted: encryptSecret("access-2", newKey, ACCESS), refresh_token_encrypted: null }
    const outcome = rotateApiConfigKey(stored, oldKey, newKey, ID)
    expect(outcome).toEqual({ apiConfig: stored, rotated: 0, current: 1, unreadable: [] })
  })

  it("reports, and leaves alone, what neither key opens", () => {
    const foreign = encryptSecret("access-3", otherKey, ACCESS)
    const stored = { access_token_encrypted: foreign, refresh_token_encrypted: "not-sealed" }
    const outcome = rotateApiConfigKey(stored, oldKey, newKey, ID)
    expect(outcome).toEqual({ apiConfig: stored, rotated: 0, current: 0, unreadable: ["access_token_encrypted", "refresh_token_encrypted"] })
  })

  it("does not adopt another row's ciphertext: a value sealed for another platform is unreadable here", () => {
    const stored = { access_token_encrypted: encryptSecret("access-of-B", newKey, at("access_token_encrypted", "socplat_B")) }
    expect(rotateApiConfigKey(stored, oldKey, newKey, ID)).toMatchObject({ rotated: 0, current: 0, unreadable: ["access_token_encrypted"] })
  })

  it("upgrades v1 values (old key or new key) to v2 bound to the row and field", () => {
    const stored = { access_token_encrypted: sealV1("access-4", oldKey), refresh_token_encrypted: sealV1("refresh-4", newKey) }
    const outcome = rotateApiConfigKey(stored, oldKey, newKey, ID)
    expect(outcome).toMatchObject({ rotated: 2, current: 0, unreadable: [] })
    expect(outcome.apiConfig!.access_token_encrypted).toMatch(/^v2:/)
    expect(decryptSecret(outcome.apiConfig!.access_token_encrypted!, newKey, ACCESS)).toBe("access-4")
    expect(decryptSecret(outcome.apiConfig!.refresh_token_encrypted!, newKey, REFRESH)).toBe("refresh-4")
  })

  it("with one key for both sides only upgrades the format", () => {
    const stored = { access_token_encrypted: sealV1("access-5", newKey), refresh_token_encrypted: encryptSecret("refresh-5", newKey, REFRESH) }
    const outcome = rotateApiConfigKey(stored, newKey, newKey, ID)
    expect(outcome).toMatchObject({ rotated: 1, current: 1, unreadable: [] })
    expect(outcome.apiConfig!.refresh_token_encrypted).toBe(stored.refresh_token_encrypted)
    expect(decryptSecret(outcome.apiConfig!.access_token_encrypted!, newKey, ACCESS)).toBe("access-5")
  })

  it("handles platforms without credentials", () => {
    expect(rotateApiConfigKey(null, oldKey, newKey, ID)).toEqual({ apiConfig: null, rotated: 0, current: 0, unreadable: [] })
  })
})
