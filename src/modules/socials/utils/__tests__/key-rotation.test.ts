import { randomBytes } from "crypto"
import { describe, expect, it } from "vitest"
import { rotateApiConfigKey } from "../key-rotation"
import { decryptSecret, encryptSecret } from "../token-crypto"

const oldKey = randomBytes(32)
const newKey = randomBytes(32)
const otherKey = randomBytes(32)

describe("rotateApiConfigKey", () => {
  it("re-encrypts tokens sealed with the old key and keeps the clear fields", () => {
    const stored = {
      access_token_encrypted: encryptSecret("access-1", oldKey),
      refresh_token_encrypted: encryptSecret("refresh-1", oldKey),
      token_expires_at: "2030-01-01T00:00:00.000Z",
      auth_type: "user_context",
    }
    const outcome = rotateApiConfigKey(stored, oldKey, newKey)
    expect(outcome).toMatchObject({ rotated: 2, current: 0, unreadable: [] })
    expect(decryptSecret(outcome.apiConfig!.access_token_encrypted!, newKey)).toBe("access-1")
    expect(decryptSecret(outcome.apiConfig!.refresh_token_encrypted!, newKey)).toBe("refresh-1")
    expect(() => decryptSecret(outcome.apiConfig!.access_token_encrypted!, oldKey)).toThrow(/re-encryption command/)
    expect(outcome.apiConfig).toMatchObject({ token_expires_at: stored.token_expires_at, auth_type: "user_context" })
  })

  it("is idempotent: values the new key opens stay byte-identical", () => {
    const stored = { access_token_encrypted: encryptSecret("access-2", newKey), refresh_token_encrypted: null }
    const outcome = rotateApiConfigKey(stored, oldKey, newKey)
    expect(outcome).toEqual({ apiConfig: stored, rotated: 0, current: 1, unreadable: [] })
  })

  it("reports, and leaves alone, what neither key opens", () => {
    const foreign = encryptSecret("access-3", otherKey)
    const stored = { access_token_encrypted: foreign, refresh_token_encrypted: "not-sealed" }
    const outcome = rotateApiConfigKey(stored, oldKey, newKey)
    expect(outcome).toEqual({ apiConfig: stored, rotated: 0, current: 0, unreadable: ["access_token_encrypted", "refresh_token_encrypted"] })
  })

  it("handles platforms without credentials", () => {
    expect(rotateApiConfigKey(null, oldKey, newKey)).toEqual({ apiConfig: null, rotated: 0, current: 0, unreadable: [] })
  })
})
