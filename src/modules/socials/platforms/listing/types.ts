/** One published post as a platform lists it: what an import stores. */
export interface ListedPost {
  platformPostId: string
  caption?: string
  permalink?: string
  /** ISO 8601 */
  postedAt?: string
  /** social_post.media_type */
  mediaType?: "IMAGE" | "VIDEO" | "CAROUSEL_ALBUM" | "REELS" | "STORY" | "TEXT"
  /** Instagram media_product_type (FEED, REELS...), Threads media_type. */
  productType?: string
  /** Instagram / Threads shortcode, to match a pasted URL. */
  shortcode?: string
}

/** One page of an account's posts, newest first; `nextCursor` absent at the end. */
export interface ListedPage {
  posts: ListedPost[]
  nextCursor?: string
}

/**
 * What a lister is asked for. `since` / `sinceId` are hints a platform may apply on its
 * side (X bills every post it returns, so it must: since_id / start_time); the import
 * still drops older posts itself, so a lister that ignores them stays correct.
 */
export interface ListOptions {
  limit: number
  cursor?: string
  /** Posts published at or after this time. */
  since?: Date
  /** Only posts newer than this platform post id (X: since_id); wins over `since` where supported. */
  sinceId?: string
}
