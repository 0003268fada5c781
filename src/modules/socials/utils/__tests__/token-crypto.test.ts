import { createCipheriv, randomBytes } from "crypto"
import { describe, expect, it } from "vitest"
import { decryptLegacySecret, decryptSecret, encryptSecret, parseEncryptionKey, sealedVersion } from "../token-crypto"

const key = randomBytes(32)
const access = { platformId: "socplat_A", field: "access_token_encrypted" } as const

/** What the previous release wrote: "v1:" + GCM without additional data. */
function sealV1(plain: string, k: Buffer): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv("aes-256-gcm", k, iv)
  const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()])
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ct.toString("base64url")].join(":")
}

describe("token encryption", () => {
  it("round-trips in the v2 format", () => {
    const sealed = encryptSecret("token-1", key, access)
    expect(sealed).toMatch(/^v2:/)
    expect(sealedVersion(sealed)).toBe("v2")
    expect(decryptSecret(sealed, key, access)).toBe("token-1")
  })

  it("binds a value to its platform and field: a swapped ciphertext does not open", () => {
    const sealed = encryptSecret("token-of-A", key, access)
    expect(() => decryptSecret(sealed, key, { platformId: "socplat_B", field: "access_token_encrypted" })).toThrow(/cannot be decrypted/)
    expect(() => decryptSecret(sealed, key, { platformId: "socplat_A", field: "refresh_token_encrypted" })).toThrow(/cannot be decrypted/)
  })

  it("rejects a truncated authentication tag (Node would otherwise check only its first bytes)", () => {
    const sealed = encryptSecret("token-1", key, access)
    const [v, iv, tag, ct] = sealed.split(":")
    const short = Buffer.from(tag, "base64url").subarray(0, 4).toString("base64url")
    expect(() => decryptSecret([v, iv, short, ct].join(":"), key, access)).toThrow(/cannot be decrypted/)
  })

  it("refuses legacy v1 values at run time, opens them only for the rotation command", () => {
    const legacy = sealV1("old-token", key)
    expect(() => decryptSecret(legacy, key, access)).toThrow(/v1 format.*re-encryption command/)
    expect(decryptLegacySecret(legacy, key)).toBe("old-token")
  })

  it("parses a key strictly: 64 hex characters or base64 of exactly 32 bytes", () => {
    const bytes = randomBytes(32)
    expect(parseEncryptionKey(bytes.toString("hex")).equals(bytes)).toBe(true)
    expect(parseEncryptionKey(bytes.toString("base64")).equals(bytes)).toBe(true)
    expect(parseEncryptionKey(bytes.toString("base64url")).equals(bytes)).toBe(true)
    expect(parseEncryptionKey(` ${bytes.toString("base64")}\n`).equals(bytes)).toBe(true)
  })

  it.each([
    ["a passphrase", "correct horse battery staple"],
    ["31 bytes of base64", randomBytes(31).toString("base64")],
    ["33 bytes of base64", randomBytes(33).toString("base64")],
    ["63 hex characters", randomBytes(32).toString("hex").slice(0, 63)],
    // Buffer.from(…, "base64") drops characters it does not know: 32 bytes plus garbage must not pass.
    ["base64 with stray characters", `${randomBytes(32).toString("base64")}!!`],
    ["base64 with a space inside", (() => { const b = randomBytes(32).toString("base64"); return `${b.slice(0, 20)} ${b.slice(20)}` })()],
  ])("refuses %s with a message that says what a key must be", (_label, raw) => {
    expect(() => parseEncryptionKey(raw)).toThrow(/SOCIALS_ENCRYPTION_KEY .*exactly 32 bytes: 64 hex characters or base64 of 32 bytes/)
  })

  it("names the variable when the key is missing", () => {
    expect(() => parseEncryptionKey(undefined, "SOCIALS_ENCRYPTION_KEY_OLD")).toThrow(/SOCIALS_ENCRYPTION_KEY_OLD is not set/)
  })
})
