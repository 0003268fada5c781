import type { LinkedInPostFixture, SandboxReply } from "../types"
import type { LinkedInCall } from "./call"
import { illegalArgument, invalidQuery, notEnoughPermissions, unpermittedField } from "./errors"
import { linkedInOptions } from "./options"
import { urnListParam, urnParam, urnType } from "./restli"

type Stats = NonNullable<LinkedInPostFixture["share_statistics"]>
type Json = Record<string, unknown>

const PARAMS = [
  { param: "shares", key: "share", type: "share" },
  { param: "ugcPosts", key: "ugcPost", type: "ugcPost" },
] as const

function hasActivity(stats: Stats | null): stats is Stats {
  return !!stats && Object.values(stats).some((n) => n !== 0)
}

/** §5.2: engagement is (clicks + likes + comments + shares) / impressions, a fraction. */
function totalShareStatistics(s: Stats): Json {
  const engagement = s.impressionCount > 0 ? (s.clickCount + s.likeCount + s.commentCount + s.shareCount) / s.impressionCount : 0
  return {
    uniqueImpressionsCount: s.uniqueImpressionsCount,
    shareCount: s.shareCount,
    engagement,
    clickCount: s.clickCount,
    likeCount: s.likeCount,
    impressionCount: s.impressionCount,
    commentCount: s.commentCount,
  }
}

function sum(posts: LinkedInPostFixture[]): Stats {
  const total: Stats = { impressionCount: 0, uniqueImpressionsCount: 0, clickCount: 0, likeCount: 0, commentCount: 0, shareCount: 0 }
  for (const p of posts) {
    if (!p.share_statistics) continue
    for (const k of Object.keys(total) as (keyof Stats)[]) total[k] += p.share_statistics[k]
  }
  return total
}

/**
 * GET /rest/organizationalEntityShareStatistics?q=organizationalEntity&organizationalEntity=
 * [&shares=List(...)|&ugcPosts=List(...)]: lifetime statistics per post, zero-activity posts
 * left out, no pagination. Without a List, the organization's lifetime aggregate. Whether
 * `shares` and `ugcPosts` may be combined is UNCONFIRMED: `linkedin.shareStatisticsMixedUrns`.
 * A wrong URN type or a post of another organization fails the call with 403 (§5.2); a deleted
 * post of the organization is left out like a post without activity.
 */
export function shareStatistics(call: LinkedInCall): SandboxReply {
  const { req, ctx, token } = call
  if (req.query.get("q") !== "organizationalEntity") return invalidQuery("q=organizationalEntity is required")
  const org = urnParam(req, "organizationalEntity")
  if (!org?.ok) return invalidQuery("organizationalEntity must be an encoded organization URN")
  if (org.value !== token.account_id) {
    return notEnoughPermissions("organizationalEntityShareStatistics", "FINDER-organizationalEntity", call.version)
  }

  const lists = PARAMS.map((p) => ({ ...p, urns: urnListParam(req, p.param) }))
  if (lists.some((l) => l.urns && !l.urns.ok)) return invalidQuery("List elements must be encoded URNs")
  const present = lists.filter((l) => l.urns)
  if (present.length > 1 && (linkedInOptions(ctx).shareStatisticsMixedUrns ?? "reject") === "reject") {
    return illegalArgument("shares and ugcPosts cannot be combined in one request")
  }

  const elements: Json[] = []
  if (present.length === 0) {
    const total = sum(ctx.fixtures.linkedin.filter((p) => p.organization === org.value && !p.deleted))
    if (hasActivity(total)) elements.push({ organizationalEntity: org.value, totalShareStatistics: totalShareStatistics(total) })
  }
  for (const list of present) {
    const urns = list.urns?.ok ? list.urns.value : []
    for (let i = 0; i < urns.length; i++) {
      const post = ctx.lookup("linkedin", urns[i])
      if (urnType(urns[i]) !== list.type || !post || post.organization !== org.value) return unpermittedField(list.param, i)
      if (post.deleted || !hasActivity(post.share_statistics)) continue
      elements.push({ organizationalEntity: org.value, [list.key]: post.urn, totalShareStatistics: totalShareStatistics(post.share_statistics) })
    }
  }
  return { status: 200, body: { paging: { count: 10, start: 0, links: [] }, elements } }
}
