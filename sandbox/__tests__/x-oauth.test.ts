import { beforeAll, describe, expect, it } from "vitest"
import { X_DEMO_TOKENS, X_SEED_IDS } from "../x/seed"
import { formPost, usePinned, xGet } from "./x-linkedin-support"

describe("X POST /2/oauth2/token (refresh grant, rotating refresh tokens)", () => {
  const p = usePinned()
  let url: string
  beforeAll(() => {
    url = `${p.sb.urls.x}/2/oauth2/token`
  })

  const refresh = (refreshToken: string) =>
    formPost(url, { grant_type: "refresh_token", refresh_token: refreshToken, client_id: "sandbox-client" })

  it("issues a new access + refresh token pair, rotates the refresh token and expires the new token after its TTL", async () => {
    const first = await refresh(X_DEMO_TOKENS.refresh)
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ token_type: "bearer", expires_in: 7200, scope: expect.any(String) })
    expect(first.body.access_token).not.toBe(X_DEMO_TOKENS.user)
    expect(first.body.refresh_token).not.toBe(X_DEMO_TOKENS.refresh)

    // The new token is a user-context token of the same account: private metrics answer.
    const read = await xGet(p.sb, `/2/tweets/${X_SEED_IDS.example}?tweet.fields=non_public_metrics`, first.body.access_token)
    expect(read.status).toBe(200)
    expect(read.body.data.non_public_metrics.impression_count).toBe(3500)

    // X rotates: the used refresh token is dead, the new one works once.
    const reused = await refresh(X_DEMO_TOKENS.refresh)
    expect(reused.status).toBe(400)
    expect(reused.body).toEqual({ error: "invalid_request", error_description: "Value passed for the token was invalid." })
    const second = await refresh(first.body.refresh_token)
    expect(second.status).toBe(200)

    p.clock.now += 7200 * 1000
    const expired = await xGet(p.sb, `/2/tweets/${X_SEED_IDS.example}`, second.body.access_token)
    expect(expired.status).toBe(401)
  })

  it("takes the TTL from issuedTokenTtlSeconds", async () => {
    p.sb.setOptions({ issuedTokenTtlSeconds: 60 })
    try {
      const token = p.sb.fixtures.tokens.find((t) => t.family === "x" && t.refresh_token)
      expect(token).toBeDefined()
      const res = await refresh(token?.refresh_token ?? "")
      expect(res.body.expires_in).toBe(60)
    } finally {
      p.sb.setOptions({ issuedTokenTtlSeconds: undefined })
    }
  })

  it("answers 400 invalid_request for a bad refresh token, a missing client_id or a wrong grant", async () => {
    const bad = await refresh("not-a-refresh-token")
    expect(bad.status).toBe(400)
    expect(bad.body).toEqual({ error: "invalid_request", error_description: "Value passed for the token was invalid." })
    const noClient = await formPost(url, { grant_type: "refresh_token", refresh_token: "x" })
    expect(noClient.status).toBe(400)
    expect(noClient.body.error).toBe("invalid_request")
    const wrongGrant = await formPost(url, { grant_type: "password", refresh_token: "x", client_id: "c" })
    expect(wrongGrant.status).toBe(400)
  })

  it("accepts the client id in Basic auth (confidential clients)", async () => {
    const token = p.sb.fixtures.tokens.find((t) => t.family === "x" && t.refresh_token)
    const res = await formPost(
      url,
      { grant_type: "refresh_token", refresh_token: token?.refresh_token ?? "" },
      { authorization: `Basic ${Buffer.from("sandbox-client:secret").toString("base64")}` }
    )
    expect(res.status).toBe(200)
  })
})
