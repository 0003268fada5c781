import type { LinkedInPostFixture, SandboxReply } from "../types"
import { intParam, type LinkedInCall } from "./call"
import { accessDenied, invalidQuery } from "./errors"
import { urnParam } from "./restli"

/** Default page of the Posts finder; [3P] captures cap `count` at 100. */
const DEFAULT_COUNT = 10
const MAX_COUNT = 100
const DAY_MS = 24 * 3600 * 1000

function render(post: LinkedInPostFixture, now: number): Record<string, unknown> {
  const created = post.created_at ?? now - 30 * DAY_MS
  const content = post.video ? { content: { media: { id: `urn:li:video:${post.urn.split(":").pop()}`, title: "Video" } } } : {}
  return {
    id: post.urn,
    author: post.organization,
    commentary: post.commentary ?? `Sandbox post ${post.urn}`,
    createdAt: created,
    publishedAt: created + 400,
    lastModifiedAt: created + 500,
    lifecycleState: "PUBLISHED",
    visibility: "PUBLIC",
    distribution: { feedDistribution: "MAIN_FEED", thirdPartyDistributionChannels: [] },
    isReshareDisabledByAuthor: false,
    lifecycleStateInfo: { isEditedByAuthor: false },
    ...content,
  }
}

/**
 * GET /rest/posts?author=<enc org urn>&q=author&start=&count=&sortBy=: the organization's
 * posts, newest first (by creation: LAST_MODIFIED equals it for untouched sandbox posts),
 * offset paging with `paging{start,count,links}` and no `total` (stop on a short page).
 * Another organization's posts are refused (403), as for a member who is not its admin.
 */
export function findPostsByAuthor(call: LinkedInCall): SandboxReply {
  const { req, ctx, token } = call
  if (req.query.get("q") !== "author") return invalidQuery("q=author is required")
  const author = urnParam(req, "author")
  if (!author?.ok) return invalidQuery("author must be an encoded organization URN")
  const start = intParam(req.query, "start", 0)
  const count = intParam(req.query, "count", DEFAULT_COUNT)
  if (start === undefined || count === undefined || count < 1) return invalidQuery("start and count must be non-negative integers, count at least 1")
  const sortBy = req.query.get("sortBy") ?? "LAST_MODIFIED"
  if (sortBy !== "LAST_MODIFIED" && sortBy !== "CREATED") return invalidQuery("sortBy must be LAST_MODIFIED or CREATED")
  if (author.value !== token.account_id) return accessDenied(`Not enough permissions to access: partnerApiPostsExternal.FINDER-author.${call.version.slice(0, 6)}01`)

  const now = ctx.now()
  const posts = ctx.fixtures.linkedin
    .filter((p) => p.organization === author.value && !p.deleted)
    .sort((a, b) => (b.created_at ?? 0) - (a.created_at ?? 0))
  const size = Math.min(count, MAX_COUNT)
  const elements = posts.slice(start, start + size).map((p) => render(p, now))
  return { status: 200, body: { paging: { start, count: size, links: [] }, elements } }
}
