import type { Logger } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { platformFacts } from "../platforms/catalog"
import { listFacebookPosts } from "../platforms/facebook/list-posts"
import { isPlatformApiError } from "../platforms/http/platform-api-error"
import { listInstagramPosts } from "../platforms/instagram/list-posts"
import { listLinkedInPosts } from "../platforms/linkedin/list-posts"
import { listThreadsPosts } from "../platforms/threads/list-posts"
import { listXPosts } from "../platforms/x/list-posts"
import type { ListedPage, ListedPost, ListOptions } from "../platforms/listing/types"
import type { SyncContext } from "../platforms/types"
import { accountContext, type AccountContextStore } from "./import-context"
import type { RefreshLock } from "./platform-token-store"
import type { PlatformRecord } from "./sync-persistence"

export type PostLister = (ctx: SyncContext, opts: ListOptions) => Promise<ListedPage>

/** Which accounts can list their posts (the registry's `listPosts` once every platform has one). */
export const POST_LISTERS: Record<string, PostLister | undefined> = {
  instagram: listInstagramPosts,
  facebook: listFacebookPosts,
  twitter: listXPosts,
  linkedin: listLinkedInPosts,
  threads: listThreadsPosts,
}

export const DEFAULT_IMPORT_LIMIT = 100
/** First sync of an imported post: right away (the due-sync job picks it up within a minute). */
const FIRST_SYNC_DELAY_MS = 0

export interface ImportOptions {
  limit?: number
  /** Posts published before it are not imported (the listing is newest first, so it also ends the run). */
  since?: Date
  /**
   * Only posts newer than this platform post id, where the platform filters by id (X:
   * since_id, so known posts are not read and billed again); the discovery job sets it.
   */
  sinceId?: string
  cursor?: string | null
}

export interface ImportSummary {
  message: string
  imported: number
  updated: number
  skipped: number
  total: number
  next_cursor: string | null
}

type ExistingPost = { id: string; insights: Record<string, unknown> | null; caption: string | null; post_url: string | null; media_type: string | null; posted_at: Date | string | null }

export interface ImportStore extends AccountContextStore {
  listSocialPosts(filters: Record<string, unknown>, config: { select: string[]; take: number }): Promise<unknown[]>
  createSocialPosts(data: Record<string, unknown>[]): Promise<unknown>
  updateSocialPosts(data: Record<string, unknown>[]): Promise<unknown>
}

/**
 * Reads the account's published posts page by page through its client and
 * upserts them by platform id: new ones become `posted` posts due for their first
 * sync; known ones (imported before or added by URL) get caption and permalink
 * refreshed and missing media type / publish time filled. At most `limit` posts
 * per call; a throttle or exhausted budget ends the call early with the cursor to
 * resume from.
 */
export async function importPlatformPosts(deps: { socials: ImportStore; logger: Logger; now?: () => Date; refreshLock?: RefreshLock }, platform: PlatformRecord, options: ImportOptions): Promise<ImportSummary> {
  const lister = POST_LISTERS[platform.provider]
  const label = platformFacts(platform.provider).label
  if (!lister) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Importing ${label} posts is not supported yet.`, "import_not_supported")
  const ctx = accountContext(deps.socials, platform, deps.logger, deps.refreshLock)
  if (!ctx) throw new MedusaError(MedusaError.Types.INVALID_DATA, `This ${label} account has no access token: connect it first.`, "no_token")
  const idField = platformFacts(platform.provider).postIdField
  const existing = (await deps.socials.listSocialPosts({ platform_id: platform.id }, { select: ["id", "insights", "caption", "post_url", "media_type", "posted_at"], take: 100_000 })) as ExistingPost[]
  const known = new Map(existing.filter((p) => p.insights?.[idField]).map((p) => [String(p.insights![idField]), p]))
  for (const id of await crossPostedIds(deps.socials, platform.id, idField)) if (!known.has(id)) known.set(id, CROSS_POSTED)

  const counts = { imported: 0, updated: 0, skipped: 0 }
  let remaining = Math.max(1, options.limit ?? DEFAULT_IMPORT_LIMIT)
  let cursor = options.cursor ?? undefined
  let stoppedBy: string | undefined
  const now = deps.now?.() ?? new Date()
  while (remaining > 0) {
    let page: ListedPage
    try {
      page = await lister(ctx, { limit: remaining, cursor, since: options.since, sinceId: options.sinceId })
    } catch (e) {
      if (!isPlatformApiError(e)) throw e
      if (e.isRateLimit && counts.imported + counts.updated + counts.skipped > 0) {
        stoppedBy = `${label}'s rate budget is used up for now: run the import again later with next_cursor to continue`
        break
      }
      const failure = new MedusaError(e.isRateLimit ? MedusaError.Types.NOT_ALLOWED : MedusaError.Types.INVALID_DATA, `Could not list the ${label} posts: ${e.message}`, e.isRateLimit ? "rate_limited" : "import_failed")
      // The platform's (redacted) error, for callers that act on its kind (the discovery job marks refused tokens).
      throw Object.assign(failure, { cause: e })
    }
    const fresh = options.since ? page.posts.filter((p) => !p.postedAt || new Date(p.postedAt) >= options.since!) : page.posts
    await upsert(deps.socials, platform.id, idField, fresh.slice(0, remaining), known, counts, now)
    remaining -= Math.min(fresh.length, remaining)
    // Newest first: an older post than `since` means the rest are older too.
    cursor = fresh.length < page.posts.length ? undefined : page.nextCursor
    if (!cursor) break
  }
  const total = counts.imported + counts.updated + counts.skipped
  const message = stoppedBy ?? (cursor ? `Imported ${counts.imported} new ${label} posts; more are available (next_cursor).` : `Imported ${counts.imported} new ${label} posts; all caught up.`)
  return { message, ...counts, total, next_cursor: cursor ?? null }
}

/** Stands for a post another account's post already carries as its cross-post (a Facebook post with the Instagram media id): known, and not this account's to update. */
const CROSS_POSTED: ExistingPost = { id: "cross-posted", insights: null, caption: null, post_url: null, media_type: null, posted_at: null }

/** Platform ids of this field held by posts of other accounts (cross-posts): importing them again would duplicate the post. */
async function crossPostedIds(socials: ImportStore, platformId: string, idField: string): Promise<string[]> {
  const rows = (await socials.listSocialPosts(
    { platform_id: { $ne: platformId }, insights: { [idField]: { $ne: null } } },
    { select: ["id", "insights"], take: 100_000 }
  )) as Pick<ExistingPost, "insights">[]
  return rows.map((p) => p.insights?.[idField]).filter((v): v is string => typeof v === "string" && v !== "")
}

async function upsert(socials: ImportStore, platformId: string, idField: string, posts: ListedPost[], known: Map<string, ExistingPost>, counts: { imported: number; updated: number; skipped: number }, now: Date): Promise<void> {
  const creates: Record<string, unknown>[] = []
  const updates: Record<string, unknown>[] = []
  for (const post of posts) {
    const current = known.get(post.platformPostId)
    if (!current) {
      creates.push(newPost(platformId, idField, post, now))
      known.set(post.platformPostId, { id: "pending", insights: { [idField]: post.platformPostId }, caption: null, post_url: null, media_type: null, posted_at: null })
      continue
    }
    if (current === CROSS_POSTED) {
      counts.skipped++
      continue
    }
    const change = refresh(current, post)
    if (Object.keys(change).length) updates.push({ id: current.id, ...change })
    else counts.skipped++
  }
  if (creates.length) await socials.createSocialPosts(creates)
  if (updates.length) await socials.updateSocialPosts(updates)
  counts.imported += creates.length
  counts.updated += updates.length
}

function newPost(platformId: string, idField: string, post: ListedPost, now: Date): Record<string, unknown> {
  return {
    platform_id: platformId,
    name: post.caption ? post.caption.split("\n")[0].slice(0, 80) : null,
    caption: post.caption ?? null,
    status: "posted",
    post_url: post.permalink ?? null,
    posted_at: post.postedAt ? new Date(post.postedAt) : null,
    media_type: post.mediaType ?? null,
    insights: { [idField]: post.platformPostId, ...(post.productType ? { media_product_type: post.productType } : {}) },
    metadata: { imported_at: now.toISOString() },
    next_sync_at: new Date(now.getTime() + FIRST_SYNC_DELAY_MS),
  }
}

/** Caption and permalink follow the platform; media type and publish time are only filled when missing. */
function refresh(current: ExistingPost, post: ListedPost): Record<string, unknown> {
  const change: Record<string, unknown> = {}
  if (post.caption !== undefined && post.caption !== current.caption) change.caption = post.caption
  if (post.permalink && post.permalink !== current.post_url) change.post_url = post.permalink
  if (!current.media_type && post.mediaType) change.media_type = post.mediaType
  if (!current.posted_at && post.postedAt) change.posted_at = new Date(post.postedAt)
  return change
}
