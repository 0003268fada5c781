import { headerLookup } from "../../http/usage-headers"
import { mapLinkedInError, untilUtcMidnight } from "../errors"
import { normalizeLinkedInPost } from "../normalize"
import { encodeUrn, linkedInPostKind, normalizeUrnKey, organizationUrn, restliList } from "../urn"

describe("Rest.li URN encoding", () => {
  it("fully encodes path keys, including parentheses and commas of compound URNs", () => {
    expect(encodeUrn("urn:li:share:123")).toBe("urn%3Ali%3Ashare%3A123")
    expect(encodeUrn("urn:li:comment:(urn:li:activity:1,2)")).toBe("urn%3Ali%3Acomment%3A%28urn%3Ali%3Aactivity%3A1%2C2%29")
  })

  it("encodes only the elements of List(...)", () => {
    expect(restliList(["urn:li:share:1", "urn:li:share:2"])).toBe("List(urn%3Ali%3Ashare%3A1,urn%3Ali%3Ashare%3A2)")
  })

  it("normalizes result keys that come back encoded or decoded", () => {
    expect(normalizeUrnKey("urn%3Ali%3AugcPost%3A7")).toBe("urn:li:ugcPost:7")
    expect(normalizeUrnKey("urn:li:ugcPost:7")).toBe("urn:li:ugcPost:7")
    expect(normalizeUrnKey("%E0%A4%A")).toBe("%E0%A4%A")
  })

  it("recognizes post and organization URNs", () => {
    expect(linkedInPostKind("urn:li:share:1")).toBe("share")
    expect(linkedInPostKind("urn:li:ugcPost:7304968765245411329")).toBe("ugcPost")
    expect(linkedInPostKind("urn:li:activity:1")).toBeUndefined()
    expect(organizationUrn("2414183")).toBe("urn:li:organization:2414183")
    expect(organizationUrn("urn:li:organization:1")).toBe("urn:li:organization:1")
  })
})

describe("LinkedIn error mapping", () => {
  const res = (status: number, body: unknown) => ({ platform: "linkedin" as const, status, body, headers: headerLookup({}), url: "u", secrets: [] })

  it("maps the captured bodies", () => {
    expect(mapLinkedInError(res(401, { status: 401, serviceErrorCode: 65600, code: "INVALID_ACCESS_TOKEN", message: "Invalid access token" })).isAuth).toBe(true)
    const expired = mapLinkedInError(res(401, { status: 401, serviceErrorCode: 65602, code: "EXPIRED_ACCESS_TOKEN", message: "The token used in the request has expired" }))
    expect(expired.expired).toBe(true)
    const denied = mapLinkedInError(res(403, { status: 403, serviceErrorCode: 100, code: "ACCESS_DENIED", message: "Not enough permissions to access: socialActions.GET.NO_VERSION" }))
    expect(denied.message).toBe("Permission denied (socialActions.GET)")
    expect(mapLinkedInError(res(404, { status: 404, code: "RESOURCE_NOT_FOUND", message: "No virtual resource found" })).message).toBe("Post not found")
    expect(mapLinkedInError(res(426, { status: 426, code: "NONEXISTENT_VERSION" })).kind).toBe("version_unsupported")
  })

  it("a daily throttle waits until midnight UTC", () => {
    const now = Date.UTC(2026, 5, 1, 18)
    const e = mapLinkedInError(res(429, { message: "Resource level throttle APPLICATION DAY limit for calls to this resource is reached.", status: 429 }), now)
    expect(e.isRateLimit).toBe(true)
    expect(e.retryAfterMs).toBe(untilUtcMidnight(now))
    expect(e.retryAfterMs).toBe(6 * 3_600_000)
  })
})

describe("LinkedIn normalization", () => {
  it("reproduces the spec's example (45 likes, 8 comments, 12 shares)", () => {
    const patch = normalizeLinkedInPost("urn:li:share:1", {
      statistics: { impressionCount: 1000, uniqueImpressionsCounts: 700, clickCount: 30, likeCount: 40, commentCount: 8, shareCount: 12, engagement: 0.09 },
      metadata: { reactionSummaries: { LIKE: { reactionType: "LIKE", count: 40 }, PRAISE: { reactionType: "PRAISE", count: 5 } }, commentSummary: { count: 8 } },
    })
    expect(patch).toMatchObject({ likes: 45, comments: 8, shares: 12, impressions: 1000, reach: 700, reactions: { like: 40, praise: 5, total: 45 } })
    expect(patch.linkedin_insights).toMatchObject({ clickCount: 30, uniqueImpressionsCount: 700 })
  })

  it("zero activity (no element) is zeros, a failed statistics call is nothing", () => {
    expect(normalizeLinkedInPost("urn:li:share:1", { statistics: null })).toMatchObject({ impressions: 0, reach: 0, shares: 0 })
    const failed = normalizeLinkedInPost("urn:li:share:1", {})
    expect(failed.impressions).toBeUndefined()
    expect(failed.shares).toBeUndefined()
  })

  it("video: views and average watch time in seconds", () => {
    expect(normalizeLinkedInPost("urn:li:ugcPost:1", { video: { views: 200, timeWatchedMs: 1_000_000 } })).toMatchObject({ video_views: 200, avg_watch_time: 5 })
  })
})

describe("LinkedIn 429s are daily", () => {
  const now = Date.UTC(2026, 7, 24, 15, 30)
  const res429 = (body: unknown, headers: Record<string, string> = {}) => ({ platform: "linkedin" as const, status: 429, body, headers: headerLookup(headers), url: "u", secrets: [] })

  it("any 429 without Retry-After waits until midnight UTC, whatever the body says", () => {
    for (const body of [{ status: 429, serviceErrorCode: 101, message: "Too many requests." }, { status: 429 }, "Too Many Requests"]) {
      const e = mapLinkedInError(res429(body), now)
      expect(e.isRateLimit).toBe(true)
      expect(e.retryAfterMs).toBe(Date.UTC(2026, 7, 25) - now)
    }
  })

  it("a Retry-After the platform sends wins over the implied midnight", () => {
    expect(mapLinkedInError(res429({ status: 429 }, { "retry-after": "30" }), now).retryAfterMs).toBe(30_000)
  })
})
