import type { CommentData, SyncErrorDetail, SyncSection } from "../../insights/schema"
import { PlatformApiError } from "../http/platform-api-error"
import { forEachConcurrently } from "../http/request-limit"
import { sortCommentsNewestFirst } from "../../insights/comments"
import { asPlatformError, buildResult, chunk, errorDetail, failedResult, isAccountWide, notice } from "../shared/sync-result"
import type { PostSyncResult, SyncContext, SyncTarget } from "../types"
import { createLinkedInClient, type LinkedInClient } from "./client"
import {
  batchResponseSchema,
  byDecodedKey,
  commentsResponseSchema,
  normalizeLinkedInComment,
  normalizeLinkedInPost,
  shareStatisticsResponseSchema,
  socialMetadataSchema,
  videoAnalyticsSchema,
  type LinkedInSections,
} from "./normalize"
import { encodeUrn, linkedInPostKind, normalizeUrnKey, organizationUrn, restliList } from "./urn"

/** No documented List cap; public clients chunk at 20–50. */
export const LINKEDIN_LIST_CHUNK = 50
/** Largest comments page in common use (UNCONFIRMED maximum). */
const COMMENTS_PAGE = 100
/** Reading every page finds the newest; past this many (10,000 comments) the cost is not worth it. */
const COMMENTS_MAX_PAGES = 100

interface PostState {
  target: SyncTarget
  urn: string
  sections: LinkedInSections
  errors: SyncErrorDetail[]
  failure?: PlatformApiError
  comments?: CommentData[]
  commentsComplete?: boolean
}

class AccountStop extends Error {
  constructor(readonly error: PlatformApiError) {
    super(error.message)
  }
}

/**
 * LinkedIn organization posts: batched share statistics (shares and ugcPosts in
 * separate calls, 50 per List), batched socialMetadata, then per post only what
 * is needed: comments when the count moved, videoAnalytics (VIDEO_VIEW,
 * TIME_WATCHED) for video posts.
 */
export async function syncLinkedInPosts(ctx: SyncContext, targets: SyncTarget[]): Promise<PostSyncResult[]> {
  const now = ctx.now ?? Date.now
  const client = createLinkedInClient(ctx)
  const org = organizationUrn(ctx.credentials.accountId)
  const states: PostState[] = targets.map((target) => ({ target, urn: target.platformPostId, sections: {}, errors: [] }))
  for (const s of states) {
    if (!linkedInPostKind(s.urn)) s.failure = new PlatformApiError({ platform: "linkedin", kind: "invalid_id", code: "invalid_id" })
  }
  const live = (): PostState[] => states.filter((s) => !s.failure)

  const sectionFailed = (list: PostState[], section: SyncSection, error: PlatformApiError): void => {
    if (isAccountWide(error)) throw new AccountStop(error)
    for (const s of list) s.errors.push(errorDetail(section, error, now()))
  }

  const concurrency = ctx.config.concurrency
  try {
    // Each step's calls go out side by side (the request limit caps them); statistics
    // first, so a dead token or sunset version costs one call, then socialMetadata,
    // whose comment counts decide which posts need a comments call.
    await fetchShareStatistics(client, org, live(), sectionFailed, concurrency)
    await fetchSocialMetadata(client, live(), sectionFailed, now, concurrency)
    const perPost: (() => Promise<void>)[] = []
    for (const s of live()) {
      if (wantsComments(ctx, s)) {
        perPost.push(() => fetchComments(client, ctx, s).catch((e: unknown) => sectionFailed([s], "comments", asPlatformError("linkedin", e))))
      }
      if (/video/i.test(s.target.mediaType ?? "")) {
        perPost.push(async () => {
          try {
            s.sections.video = await fetchVideo(client, s.urn)
          } catch (e) {
            sectionFailed([s], "video", asPlatformError("linkedin", e))
          }
        })
      }
    }
    await forEachConcurrently(perPost, concurrency, (call) => call())
  } catch (e) {
    const error = e instanceof AccountStop ? e.error : asPlatformError("linkedin", e)
    if (!isAccountWide(error)) throw e
    // Token dead, throttled or version sunset: whatever already answered is kept,
    // the rest fails with the account-level error.
    for (const s of live()) s.errors.push(errorDetail("account", error, now()))
    return states.map((s) => toResult(s, now, error))
  }
  return states.map((s) => toResult(s, now))
}

function toResult(s: PostState, now: () => number, accountError?: PlatformApiError): PostSyncResult {
  if (s.failure) return failedResult("linkedin", s.target, "post", s.failure, now(), isAccountWide(s.failure))
  const patch = normalizeLinkedInPost(s.urn, s.sections)
  if (s.comments) patch.comments_data = s.comments
  const result = buildResult("linkedin", s.target, patch, s.errors, { commentsComplete: s.commentsComplete })
  return result.status === "failed" && accountError ? { ...result, fatal: accountError } : result
}

type SectionFailed = (list: PostState[], section: SyncSection, error: PlatformApiError) => void

async function fetchShareStatistics(client: LinkedInClient, org: string, states: PostState[], sectionFailed: SectionFailed, concurrency: number): Promise<void> {
  // Whether shares and ugcPosts may share one call is UNCONFIRMED: always split.
  const lists = (["share", "ugcPost"] as const).flatMap((kind) =>
    chunk(states.filter((s) => linkedInPostKind(s.urn) === kind), LINKEDIN_LIST_CHUNK).map((part) => ({ kind, part }))
  )
  await forEachConcurrently(lists, concurrency, async ({ kind, part }) => {
    const param = kind === "share" ? "shares" : "ugcPosts"
    let pending = part
    // A post of another organization (or of the wrong type) fails the whole List with 403
    // naming its index: drop that one and ask again for the others.
    for (let attempt = 0; pending.length && attempt <= 5; attempt++) {
      try {
        const res = await client.get(
          `organizationalEntityShareStatistics?q=organizationalEntity&organizationalEntity=${encodeUrn(org)}&${param}=${restliList(pending.map((s) => s.urn))}`,
          "share_statistics"
        )
        const parsed = shareStatisticsResponseSchema.parse(res.data ?? {})
        const byUrn = new Map(parsed.elements.map((e) => [normalizeUrnKey(e.share ?? e.ugcPost ?? ""), e.totalShareStatistics ?? {}]))
        // Posts with zero activity are left out of `elements`: that is data (zeros), not an error.
        for (const s of pending) s.sections.statistics = byUrn.get(s.urn) ?? null
        pending = []
      } catch (e) {
        const error = asPlatformError("linkedin", e)
        const index = new RegExp(`/${param}\\[(\\d+)\\]`).exec(error.detail ?? "")
        const culprit = index ? pending[Number(index[1])] : undefined
        if (error.isPermission && culprit) {
          culprit.failure = new PlatformApiError({ platform: "linkedin", kind: "permission", status: error.status, code: error.code, detail: error.detail, message: "Permission denied (post not owned by this organization)" })
          pending = pending.filter((s) => s !== culprit)
          continue
        }
        sectionFailed(pending, "metrics", error)
        pending = []
      }
    }
  })
}

async function fetchSocialMetadata(client: LinkedInClient, states: PostState[], sectionFailed: SectionFailed, now: () => number, concurrency: number): Promise<void> {
  await forEachConcurrently(chunk(states, LINKEDIN_LIST_CHUNK), concurrency, async (part) => {
    let results: Map<string, unknown>
    let errors: Map<string, { status?: number; message?: string }>
    try {
      const res = await client.get(`socialMetadata?ids=${restliList(part.map((s) => s.urn))}`, "social_metadata")
      const parsed = batchResponseSchema.parse(res.data ?? {})
      results = byDecodedKey(parsed.results)
      errors = byDecodedKey(parsed.errors)
    } catch (e) {
      const error = asPlatformError("linkedin", e)
      // The Development tier disables BATCH_GET: one GET per post still works.
      if (error.isPermission && /BATCH_GET/i.test(error.detail ?? "")) {
        ;({ results, errors } = await socialMetadataOneByOne(client, part))
      } else {
        sectionFailed(part, "reactions", error)
        return
      }
    }
    for (const s of part) {
      const raw = results.get(s.urn)
      const parsed = socialMetadataSchema.safeParse(raw)
      if (raw !== undefined && parsed.success) {
        s.sections.metadata = parsed.data
        continue
      }
      const err = errors.get(s.urn)
      if (err?.status === 404) {
        // Share statistics leave deleted posts out just like idle ones; socialMetadata tells them apart.
        s.failure = new PlatformApiError({ platform: "linkedin", kind: "not_found", status: 404, code: "RESOURCE_NOT_FOUND", detail: err.message })
      } else {
        s.errors.push(errorDetail("reactions", new PlatformApiError({ platform: "linkedin", kind: "invalid_request", status: err?.status, detail: err?.message }), now()))
      }
    }
  })
}

async function socialMetadataOneByOne(client: LinkedInClient, part: PostState[]) {
  const results = new Map<string, unknown>()
  const errors = new Map<string, { status?: number; message?: string }>()
  for (const s of part) {
    try {
      const res = await client.get(`socialMetadata/${encodeUrn(s.urn)}`, "social_metadata")
      results.set(s.urn, res.data)
    } catch (e) {
      const error = asPlatformError("linkedin", e)
      if (isAccountWide(error)) throw error
      errors.set(s.urn, { status: error.status, message: error.detail })
    }
  }
  return { results, errors }
}

/** Comments cost a call per post: only when the count moved since the stored one. */
function wantsComments(ctx: SyncContext, s: PostState): boolean {
  if (ctx.config.commentsLimit <= 0) return false
  const count = s.sections.metadata?.commentSummary?.count ?? (s.sections.statistics ? s.sections.statistics.commentCount : undefined)
  if (count === 0) return false
  return count === undefined || count !== s.target.previousCommentCount || (s.target.previousComments?.length ?? 0) === 0
}

/**
 * LinkedIn does not promise any order for comments (§5.3), so the newest N can be on
 * any page: read every page (up to a bound), then keep the newest. A full read is the
 * whole list, so it replaces what is stored and deleted comments go.
 */
async function fetchComments(client: LinkedInClient, ctx: SyncContext, s: PostState): Promise<void> {
  const collected: CommentData[] = []
  let total: number | undefined
  let read = 0
  for (let page = 0; page < COMMENTS_MAX_PAGES; page++) {
    const res = await client.get(`socialActions/${encodeUrn(s.urn)}/comments?start=${read}&count=${COMMENTS_PAGE}`, "comments")
    const parsed = commentsResponseSchema.parse(res.data ?? {})
    for (const raw of parsed.elements) {
      const c = normalizeLinkedInComment(raw)
      if (c) collected.push(c)
    }
    total = parsed.paging?.total
    read += parsed.elements.length
    if (parsed.elements.length === 0 || (total !== undefined && read >= total)) break
  }
  s.comments = sortCommentsNewestFirst(collected).slice(0, ctx.config.commentsLimit)
  s.commentsComplete = total !== undefined && read >= total
  if (!s.commentsComplete && total !== undefined) {
    s.errors.push(
      notice("comments", "comments_partial", `LinkedIn lists comments in no guaranteed order; only ${read} of ${total} were read, so the newest may be missing`, "linkedin")
    )
  }
}

async function fetchVideo(client: LinkedInClient, urn: string): Promise<{ views?: number; timeWatchedMs?: number }> {
  const read = async (type: "VIDEO_VIEW" | "TIME_WATCHED"): Promise<number | undefined> => {
    const res = await client.get(`videoAnalytics?q=entity&entity=${encodeUrn(urn)}&type=${type}&aggregation=ALL`, "video_analytics")
    const values = videoAnalyticsSchema.parse(res.data ?? {}).elements.map((e) => e.value).filter((n): n is number => n !== undefined)
    return values.length ? values.reduce((s, n) => s + n, 0) : undefined
  }
  return { views: await read("VIDEO_VIEW"), timeWatchedMs: await read("TIME_WATCHED") }
}
