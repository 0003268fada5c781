import { z } from "@medusajs/framework/zod"
import { PlatformApiError } from "../http/platform-api-error"
import type { ListedPage, ListedPost } from "../listing/types"
import type { SyncContext } from "../types"
import { createLinkedInClient } from "./client"

/** [3P] captures cap the Posts finder's `count` at 100. */
export const LINKEDIN_LIST_MAX = 100

const postsSchema = z.looseObject({
  elements: z.array(
    z.looseObject({
      id: z.string().min(1),
      commentary: z.string().optional(),
      createdAt: z.number().optional(),
      publishedAt: z.number().optional(),
      lifecycleState: z.string().optional(),
      content: z.looseObject({ media: z.looseObject({ id: z.string().optional() }).optional(), multiImage: z.unknown().optional(), article: z.unknown().optional() }).optional(),
    })
  ),
})
type LinkedInPost = z.infer<typeof postsSchema>["elements"][number]

/**
 * The organization's posts through the Posts finder (`q=author`), newest created
 * first, offset paging: the cursor is the next `start`. `total` may be absent, so
 * a short page ends the listing. Drafts are not published posts and are skipped.
 */
export async function listLinkedInPosts(ctx: SyncContext, opts: { limit: number; cursor?: string }): Promise<ListedPage> {
  const start = opts.cursor && /^\d+$/.test(opts.cursor) ? Number(opts.cursor) : 0
  const count = Math.min(LINKEDIN_LIST_MAX, Math.max(1, opts.limit))
  // `author` before `q=author` ([3P]: the other order has answered ILLEGAL_ARGUMENT).
  const query = `posts?author=${encodeURIComponent(ctx.credentials.accountId)}&q=author&count=${count}&start=${start}&sortBy=CREATED`
  const res = await createLinkedInClient(ctx).get(query, "list_posts")
  const parsed = postsSchema.safeParse(res.data ?? {})
  if (!parsed.success) throw new PlatformApiError({ platform: "linkedin", kind: "malformed_response", code: "listing_shape", detail: "the posts listing has an unexpected shape" })
  const elements = parsed.data.elements
  const posts = elements.filter((p) => p.lifecycleState !== "DRAFT").map(toListed)
  return { posts, nextCursor: elements.length < count ? undefined : String(start + elements.length) }
}

function toListed(p: LinkedInPost): ListedPost {
  const media = p.content?.media?.id ?? ""
  const mediaType = p.content?.multiImage ? "CAROUSEL_ALBUM" : media.startsWith("urn:li:video:") ? "VIDEO" : media.startsWith("urn:li:image:") ? "IMAGE" : "TEXT"
  const at = p.publishedAt ?? p.createdAt
  return {
    platformPostId: p.id,
    caption: p.commentary,
    permalink: `https://www.linkedin.com/feed/update/${p.id}/`,
    postedAt: at !== undefined ? new Date(at).toISOString() : undefined,
    mediaType,
  }
}
