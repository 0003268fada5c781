import { headerLookup } from "../../http/usage-headers"
import { mapXError } from "../errors"

const res = (status: number, body: unknown) => ({ platform: "twitter" as const, status, body, headers: headerLookup({}), url: "https://api.x.com/2/tweets", secrets: [] })

describe("X error mapping", () => {
  it("429 in both documented shapes is a rate limit", () => {
    expect(mapXError(res(429, { title: "Too Many Requests", detail: "Too Many Requests", type: "about:blank", status: 429 })).isRateLimit).toBe(true)
    expect(mapXError(res(429, { errors: [{ code: 88, message: "Rate limit exceeded" }] })).isRateLimit).toBe(true)
  })

  it("a spent monthly usage cap waits until the next month", () => {
    const now = Date.UTC(2026, 2, 31, 12)
    const e = mapXError(res(429, { title: "UsageCapExceeded", detail: "Usage cap exceeded: Monthly product cap", type: "https://api.twitter.com/2/problems/usage-capped", period: "Monthly" }), now)
    expect(e.isRateLimit).toBe(true)
    expect(e.retryAfterMs).toBe(Date.UTC(2026, 3, 1) - now)
  })

  it("401 is auth, 403 permission, 404 not found, 5xx server", () => {
    expect(mapXError(res(401, { title: "Unauthorized", type: "about:blank", status: 401, detail: "Unauthorized" })).isAuth).toBe(true)
    expect(mapXError(res(403, { title: "Client Forbidden", type: "https://api.twitter.com/2/problems/client-forbidden" })).isPermission).toBe(true)
    expect(mapXError(res(404, { title: "Not Found" })).message).toBe("Post not found")
    expect(mapXError(res(503, "Service Unavailable")).kind).toBe("server")
  })

  it("400 about the ids parameter is an invalid id", () => {
    const body = { errors: [{ parameters: { ids: ["abc"] }, message: "The `ids` query parameter value [abc] does not match ^[0-9]{1,19}$" }], title: "Invalid Request", type: "https://api.twitter.com/2/problems/invalid-request" }
    expect(mapXError(res(400, body)).message).toBe("Invalid media ID")
  })
})

describe("X throttles and app-level refusals", () => {
  const now = Date.UTC(2026, 7, 24, 12, 0)
  const withHeaders = (status: number, body: unknown, headers: Record<string, string>) => ({ ...res(status, body), headers: headerLookup(headers) })

  it("a 429 without headers waits for the end of X's 15-minute window; with a reset header, until the reset", () => {
    expect(mapXError(res(429, { title: "Too Many Requests", type: "about:blank", status: 429 }), now).retryAfterMs).toBe(15 * 60_000)
    const reset = withHeaders(429, { title: "Too Many Requests" }, { "x-rate-limit-limit": "300", "x-rate-limit-remaining": "0", "x-rate-limit-reset": String(now / 1000 + 120) })
    expect(mapXError(reset, now).retryAfterMs).toBe(120_000)
  })

  it("a usage cap waits for the cap's reset even when the 15-minute headers show room, and says so", () => {
    const body = { title: "UsageCapExceeded", detail: "Usage cap exceeded: Monthly product cap", type: "https://api.twitter.com/2/problems/usage-capped", period: "Monthly", scope: "Product" }
    const e = mapXError(withHeaders(429, body, { "x-rate-limit-limit": "300", "x-rate-limit-remaining": "299", "x-rate-limit-reset": String(now / 1000 + 900) }), now)
    expect(e.retryAfterMs).toBe(Date.UTC(2026, 8, 1) - now)
    expect(e.message).toBe("Rate limit exceeded: the X app's monthly usage cap is reached; X reads resume when it resets on 2026-09-01 (UTC)")
  })

  it("client-not-enrolled (app not attached to a Project) is an app setting, not a post or token problem", () => {
    const body = {
      client_id: "12345678",
      detail: "When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project. You can create a project via the developer portal.",
      registration_url: "https://developer.twitter.com/en/docs/projects/overview",
      title: "Client Forbidden",
      required_enrollment: "Appropriate Level of API Access",
      reason: "client-not-enrolled",
      type: "https://api.twitter.com/2/problems/client-forbidden",
    }
    const e = mapXError(res(403, body))
    expect(e.kind).toBe("app_config")
    expect(e.isPermission || e.isAuth).toBe(false)
    expect(e.message).toMatch(/add the app to a Project/)
  })
})
