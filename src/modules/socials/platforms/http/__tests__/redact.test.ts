import { PlatformApiError } from "../platform-api-error"
import { REDACTED, redactSecrets, redactUrl } from "../redact"

const TOKEN = "EAAGm0PX4ZCpsBAKZAZCsecret123"

describe("redaction", () => {
  it("blanks access_token in URLs and keeps the rest readable", () => {
    const url = redactUrl(`https://graph.facebook.com/v25.0/1790?fields=id&access_token=${TOKEN}`)
    expect(url).not.toContain(TOKEN)
    expect(url).toContain(`access_token=${REDACTED}`)
    expect(url).toContain("fields=id")
  })

  it("blanks Bearer headers, form bodies, JSON token fields and known token strings anywhere", () => {
    const text = `Authorization: Bearer ${TOKEN}; body access_token=${TOKEN}&refresh_token=rt-abcdef {"access_token":"${TOKEN}"} echoed ${TOKEN} ${encodeURIComponent(TOKEN + "/+")}`
    const out = redactSecrets(text, [TOKEN, `${TOKEN}/+`])
    expect(out).not.toContain(TOKEN)
    expect(out).not.toContain("rt-abcdef")
    expect(out).toContain(`Bearer ${REDACTED}`)
  })

  it("leaves ordinary text alone and ignores very short 'secrets'", () => {
    expect(redactSecrets("Rate limit exceeded", ["abc"])).toBe("Rate limit exceeded")
    expect(redactSecrets(`{"code":"ACCESS_DENIED"}`)).toBe(`{"code":"ACCESS_DENIED"}`)
  })

  it("PlatformApiError never carries a token in message, detail or url", () => {
    const error = new PlatformApiError({
      platform: "facebook",
      kind: "invalid_request",
      message: `failed for ${TOKEN}`,
      detail: `echo ${TOKEN}`,
      url: `https://graph.facebook.com/v25.0/1?access_token=${TOKEN}`,
      secrets: [TOKEN],
    })
    const dump = JSON.stringify({ m: error.message, d: error.detail, u: error.url, s: error.stack, j: error.toJSON() })
    expect(dump).not.toContain(TOKEN)
  })
})
