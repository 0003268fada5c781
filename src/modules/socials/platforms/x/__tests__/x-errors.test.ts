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
