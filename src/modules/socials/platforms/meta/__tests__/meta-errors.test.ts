import { META_CAPTURED_ERRORS } from "../../../../../../sandbox/meta/captured-errors"
import { isMetaAccountProblem, isPermanentlyWithoutInsights, mapMetaErrorBody } from "../errors"
import { findRefusedMetrics } from "../refused-metrics"

const graph = (code: number, message: string, error_subcode?: number) => ({ error: { message, type: "OAuthException", code, error_subcode, fbtrace_id: "x" } })

describe("Meta error mapping", () => {
  it.each([4, 17, 32, 613, 80001, 80002])("code %i is a rate limit with the spec's message", (code) => {
    const e = mapMetaErrorBody("instagram", 400, graph(code, "(#x) too many calls"))
    expect(e.isRateLimit).toBe(true)
    expect(e.message).toBe("Rate limit exceeded")
  })

  it("190/463 is an expired token, 190/467 and 102 invalid: both ask to reconnect", () => {
    const expired = mapMetaErrorBody("facebook", 400, graph(190, "Error validating access token: Session has expired on Thursday", 463))
    expect(expired.isAuth).toBe(true)
    expect(expired.expired).toBe(true)
    expect(expired.message).toBe("Access token expired: reconnect your Facebook account")
    const invalid = mapMetaErrorBody("instagram", 400, graph(190, "Invalid OAuth access token", 467))
    expect(invalid.isAuth && !invalid.expired).toBe(true)
    expect(invalid.message).toContain("reconnect your Instagram account")
    expect(mapMetaErrorBody("facebook", 400, graph(102, "Session key invalid")).isAuth).toBe(true)
  })

  it("10 and 200-299 are permissions (naming the permission when Meta does)", () => {
    const e = mapMetaErrorBody("instagram", 403, graph(10, "(#10) Requires instagram_manage_comments permission"))
    expect(e.isPermission).toBe(true)
    expect(e.message).toBe("Permission denied (instagram_manage_comments)")
    expect(mapMetaErrorBody("facebook", 403, graph(200, "(#200) Permissions error")).message).toBe("Permission denied")
    expect(mapMetaErrorBody("facebook", 403, graph(283, "(#283) Requires extended permission")).isPermission).toBe(true)
  })

  it("story insights with too few viewers are not a permission problem", () => {
    expect(mapMetaErrorBody("instagram", 400, graph(10, "(#10) Not enough viewers for the media to show insights")).kind).toBe("insights_unavailable")
  })

  it("100/33 and 'does not exist' are Post not found; 100 about a metric is a retired metric", () => {
    const gone = mapMetaErrorBody("instagram", 400, graph(100, "Unsupported get request. Object with ID '1790' does not exist, cannot be loaded due to missing permissions, or does not support this operation.", 33))
    expect(gone.isNotFound).toBe(true)
    expect(gone.message).toBe("Post not found")
    const metric = mapMetaErrorBody("instagram", 400, graph(100, "(#100) Starting from version v22.0 and above, the impressions metric is no longer supported for the queried media"))
    expect(metric.isRetiredMetric).toBe(true)
    expect(mapMetaErrorBody("facebook", 400, graph(100, "(#100) The value must be a valid insights metric")).isRetiredMetric).toBe(true)
  })

  it("transient codes and 5xx are server errors; non-JSON bodies map by status", () => {
    expect(mapMetaErrorBody("facebook", 500, graph(2, "Service temporarily unavailable")).isRetryable).toBe(true)
    expect(mapMetaErrorBody("facebook", 502, "<html>Bad gateway</html>").kind).toBe("server")
    expect(mapMetaErrorBody("facebook", 429, "").isRateLimit).toBe(true)
  })
})

describe("findRefusedMetrics", () => {
  const requested = ["views", "reach", "impressions", "saved"]

  it("reads the allowed list and the index of metric[N]", () => {
    const msg = "(#100) metric[2] must be one of the following values: reach, replies, saved, likes, comments, shares, total_interactions, views"
    expect(findRefusedMetrics(msg, requested)).toEqual({ refused: ["impressions"], unnamed: false })
  })

  it("reads 'the X metric' wordings", () => {
    expect(findRefusedMetrics("(#100) Starting from version v22.0 and above, the impressions metric is no longer supported for the queried media", requested).refused).toEqual(["impressions"])
    expect(findRefusedMetrics("The Media Insights API does not support the impressions metric for this media product type.", requested).refused).toEqual(["impressions"])
  })

  it("reports nothing named for the generic message", () => {
    expect(findRefusedMetrics("(#100) The value must be a valid insights metric", requested)).toEqual({ refused: [], unnamed: true })
  })
})

describe("Meta error mapping from the whole body (captured real answers)", () => {
  const captured = (name: keyof typeof META_CAPTURED_ERRORS) => ({ error: { ...META_CAPTURED_ERRORS[name].error, fbtrace_id: "x" } })

  it("code 100 naming a missing permission is permission_denied for the account, not 'Post not found'", () => {
    const e = mapMetaErrorBody("facebook", 400, captured("missingPagesReadEngagement"))
    expect(e.kind).toBe("permission")
    expect(e.permission).toBe("pages_read_engagement")
    expect(e.message).toBe("Permission denied (pages_read_engagement): reconnect the Facebook account and grant 'pages_read_engagement'")
    expect(isMetaAccountProblem(e)).toBe(true)
    // A section permission (comments) stays a section problem.
    expect(isMetaAccountProblem(mapMetaErrorBody("instagram", 403, graph(10, "(#10) Requires instagram_manage_comments permission")))).toBe(false)
  })

  it("app-level settings (appsecret_proof, Page Public Content Access) are account-wide and say what to change", () => {
    const proof = mapMetaErrorBody("facebook", 400, captured("appSecretProofRequired"))
    expect(proof.kind).toBe("permission")
    expect(proof.message).toMatch(/Require App Secret.*turn it off/)
    expect(isMetaAccountProblem(proof)).toBe(true)
    const ppca = mapMetaErrorBody("facebook", 403, captured("pagePublicContentAccessNotApproved"))
    expect(ppca.message).toMatch(/Page Public Content Access.*App Review/)
    expect(isMetaAccountProblem(ppca)).toBe(true)
  })

  it("Instagram 100/2108006: insights unavailable for that post by the platform's rule, said plainly", () => {
    const e = mapMetaErrorBody("instagram", 400, captured("mediaBeforeBusinessConversion"))
    expect(e.kind).toBe("insights_unavailable")
    expect(e.message).toBe("Instagram gives no insights for media posted before the account became a business account; likes and comments are still synced")
    expect(isPermanentlyWithoutInsights(e)).toBe(true)
    expect(isMetaAccountProblem(e)).toBe(false)
  })

  it.each([
    ["passwordChanged", "The access token was invalidated because the password was changed: reconnect your Facebook account", false],
    ["sessionExpired", "Access token expired: reconnect your Facebook account", true],
    ["invalidToken", "Access token is invalid or was revoked: reconnect your Facebook account", false],
  ] as const)("190 %s: needs reconnecting, with the reason", (name, message, expired) => {
    const e = mapMetaErrorBody("facebook", 400, captured(name))
    expect(e.isAuth).toBe(true)
    expect(e.expired).toBe(expired)
    expect(e.message).toBe(message)
  })

  it("100/33 'Invalid parameter' is not found with the platform's explanation from error_user_msg", () => {
    const e = mapMetaErrorBody("instagram", 400, captured("invalidParameterNotFound"))
    expect(e.isNotFound).toBe(true)
    expect(e.message).toBe(`Post not found: ${META_CAPTURED_ERRORS.invalidParameterNotFound.error.error_user_msg}`)
  })
})
