import { configuredFollowers } from "../core/followers"
import type { SandboxReply } from "../types"
import type { LinkedInCall } from "./call"
import { invalidQuery, notFound } from "./errors"

/**
 * GET /rest/networkSizes/{organization URN}?edgeType=COMPANY_FOLLOWED_BY_MEMBER:
 * the organization's follower total as `firstDegreeSize`. Only organizations the
 * sandbox knows (a token of theirs) exist; another edge type is a 400.
 */
export function networkSize(call: LinkedInCall, urn: string): SandboxReply {
  if (call.req.query.get("edgeType") !== "COMPANY_FOLLOWED_BY_MEMBER") {
    return invalidQuery("edgeType must be COMPANY_FOLLOWED_BY_MEMBER")
  }
  if (!/^urn:li:organization:\d+$/.test(urn) || !call.ctx.fixtures.tokens.some((t) => t.family === "linkedin" && t.account_id === urn)) {
    return notFound()
  }
  return { status: 200, body: { firstDegreeSize: configuredFollowers(call.ctx, urn) ?? 3000 + (Number(urn.slice(-3)) || 0) } }
}
