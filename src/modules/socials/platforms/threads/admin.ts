/**
 * What the admin shows for Threads. Browser-safe: no server imports, so the admin bundle
 * can take it as it is (the registry's browser part).
 */
export const THREADS_ADMIN = {
  id: "threads",
  label: "Threads",
  /** The main grid's fields and how Threads calls them. */
  metrics: [
    { field: "impressions", label: "Views" },
    { field: "likes", label: "Likes" },
    { field: "comments", label: "Replies" },
    { field: "shares", label: "Reposts, quotes and shares" },
    { field: "engagement", label: "Engagement" },
    { field: "engagement_rate", label: "Engagement rate (of views)" },
  ],
  /** Raw `threads_insights` names shown as their own tiles (the first key found wins). */
  highlights: [
    { keys: ["reposts"], emoji: "🔁", label: "Reposts" },
    { keys: ["quotes"], emoji: "💭", label: "Quotes" },
    { keys: ["shares"], emoji: "📤", label: "Shares" },
  ],
  /** Raw names already in the main grid under the shared names. */
  inMainGrid: ["views", "likes", "replies"],
  postId: {
    field: "threads_media_id",
    label: "Threads media id",
    placeholder: "18050000000000001",
    hint: "The numeric media id (not the shortcode in the post's URL).",
  },
  accountId: { label: "Threads user id", placeholder: "25000000000000001" },
} as const
