/** Emitted with `{ id }` when a post becomes `posted` (created as posted or updated to it). */
export const SOCIAL_POST_PUBLISHED_EVENT = "social_post.published"
/** Emitted with `{ id, sync_status }` after every sync of a post. */
export const SOCIAL_POST_INSIGHTS_SYNCED_EVENT = "social_post.insights_synced"
