import type { LinkedInPostFixture, SandboxReply } from "../types"
import { type LinkedInCall, batchGet, getOne, intParam, livePost } from "./call"
import { invalidQuery, notFound } from "./errors"
import { commentsMaxCount, linkedInOptions } from "./options"
import { encodeUrn } from "./restli"

type Json = Record<string, unknown>
type Comment = LinkedInPostFixture["comments"][number]

/** socialActions shows a handful of likers and comments next to the totals, like the live capture. */
const SELECTED_SAMPLE = 10

export function totalReactions(post: LinkedInPostFixture): number {
  return Object.values(post.reactions).reduce((sum, n) => sum + (n ?? 0), 0)
}

export function totalComments(post: LinkedInPostFixture): number {
  return post.comments.reduce((sum, c) => sum + 1 + c.reply_count, 0)
}

export function newestFirst(post: LinkedInPostFixture): Comment[] {
  return [...post.comments].sort((a, b) => b.created_at - a.created_at || Number(b.id) - Number(a.id))
}

function commentUrn(post: LinkedInPostFixture, comment: Comment): string {
  return `urn:li:comment:(${post.urn},${comment.id})`
}

/** §5.3: likes count every reaction type; there is no sharesSummary (shares come from share statistics). */
function socialActions(post: LinkedInPostFixture): Json {
  const likes = totalReactions(post)
  const sampleLikes = Math.min(likes, SELECTED_SAMPLE)
  return {
    likesSummary: {
      selectedLikes: Array.from({ length: sampleLikes }, (_, i) => `urn:li:like:(urn:li:person:sbxLiker${i + 1},${post.urn})`),
      aggregatedTotalLikes: likes,
      likedByCurrentUser: false,
      totalLikes: likes,
    },
    commentsSummary: {
      selectedComments: newestFirst(post).slice(0, SELECTED_SAMPLE).map((c) => commentUrn(post, c)),
      totalFirstLevelComments: post.comments.length,
      commentsState: "OPEN",
      aggregatedTotalComments: totalComments(post),
    },
    target: post.urn,
  }
}

function comment(post: LinkedInPostFixture, c: Comment): Json {
  const urn = commentUrn(post, c)
  return {
    actor: c.actor,
    created: { actor: c.actor, time: c.created_at },
    lastModified: { actor: c.actor, time: c.created_at },
    id: c.id,
    commentUrn: urn,
    $URN: urn,
    message: { text: c.text, attributes: [] },
    likesSummary: { selectedLikes: [], aggregatedTotalLikes: c.like_count, likedByCurrentUser: false, totalLikes: c.like_count },
    commentsSummary: { selectedComments: [], totalFirstLevelComments: c.reply_count, aggregatedTotalComments: c.reply_count },
    object: post.urn,
  }
}

export function getSocialActions(call: LinkedInCall, urn: string): SandboxReply {
  return getOne(call, urn, socialActions)
}

export function batchGetSocialActions(call: LinkedInCall, urns: string[]): SandboxReply {
  return batchGet(call, urns, socialActions)
}

/** A fixed, id-derived shuffle: the same order on every call, unrelated to time. */
function shuffled(comments: Comment[]): Comment[] {
  const rank = (c: Comment): number => {
    let h = 2166136261
    for (const ch of c.id) h = Math.imul(h ^ ch.charCodeAt(0), 16777619)
    return h >>> 0
  }
  return [...comments].sort((a, b) => rank(a) - rank(b))
}

/** The listing order of `linkedin.commentsOrder` (UNCONFIRMED on the real API, §5.3). */
function listingOrder(call: LinkedInCall, post: LinkedInPostFixture): Comment[] {
  const order = linkedInOptions(call.ctx).commentsOrder ?? "newest-first"
  if (order === "oldest-first") return newestFirst(post).reverse()
  if (order === "unordered") return shuffled(post.comments)
  return newestFirst(post)
}

/**
 * GET /rest/socialActions/{urn}/comments?start=&count=: offset paging, `count` capped at
 * `linkedin.commentsMaxCount` (100), in `linkedin.commentsOrder` (newest first by default).
 * Both the cap and the order are UNCONFIRMED (§5.3).
 */
export function listComments(call: LinkedInCall, urn: string): SandboxReply {
  const post = livePost(call.ctx, urn)
  if (!post) return notFound()
  const start = intParam(call.req.query, "start", 0)
  const requested = intParam(call.req.query, "count", 10)
  if (start === undefined || requested === undefined) return invalidQuery()
  const count = Math.min(requested, commentsMaxCount(call.ctx))
  const all = listingOrder(call, post)
  const elements = all.slice(start, start + count).map((c) => comment(post, c))

  const base = `/rest/socialActions/${encodeUrn(post.urn)}/comments`
  const links: Json[] = []
  if (start > 0) links.push({ type: "application/json", rel: "prev", href: `${base}?count=${count}&start=${Math.max(0, start - count)}` })
  if (count > 0 && start + count < all.length) links.push({ type: "application/json", rel: "next", href: `${base}?count=${count}&start=${start + count}` })
  return { status: 200, body: { paging: { start, count, total: all.length, links }, elements } }
}
