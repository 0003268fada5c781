import type { ParameterError } from "./problems"

/**
 * Values X accepts for each list parameter (OpenAPI v2.167). The sandbox renders only the ones
 * the plugin uses and silently leaves the others out, but an unknown value is a 400 as on X.
 */
export const TWEET_FIELDS = [
  "article", "attachments", "author_id", "card_uri", "community_id", "context_annotations", "conversation_id",
  "created_at", "display_text_range", "edit_controls", "edit_history_tweet_ids", "entities", "geo", "id",
  "in_reply_to_user_id", "lang", "media_metadata", "non_public_metrics", "note_tweet", "organic_metrics",
  "possibly_sensitive", "promoted_metrics", "public_metrics", "referenced_tweets", "reply_settings", "scopes",
  "source", "suggested_source_links", "text", "withheld",
] as const

export const EXPANSIONS = [
  "article.cover_media", "article.media_entities", "attachments.media_keys", "attachments.media_source_tweet",
  "attachments.poll_ids", "author_id", "edit_history_tweet_ids", "entities.mentions.username",
  "entities.note.mentions.username", "geo.place_id", "in_reply_to_user_id", "referenced_tweets.id",
  "referenced_tweets.id.attachments.media_keys", "referenced_tweets.id.author_id",
] as const

export const MEDIA_FIELDS = [
  "alt_text", "duration_ms", "height", "media_key", "non_public_metrics", "organic_metrics", "preview_image_url",
  "promoted_metrics", "public_metrics", "type", "url", "variants", "width",
] as const

export const USER_FIELDS = [
  "affiliation", "connection_status", "created_at", "description", "entities", "id", "location",
  "most_recent_tweet_id", "name", "pinned_tweet_id", "profile_banner_url", "profile_image_url", "protected",
  "public_metrics", "receives_your_dm", "subscription_type", "url", "username", "verified", "verified_type",
  "withheld",
] as const

const LIST_PARAMS: Record<string, readonly string[] | undefined> = {
  "tweet.fields": TWEET_FIELDS,
  expansions: EXPANSIONS,
  "media.fields": MEDIA_FIELDS,
  "user.fields": USER_FIELDS,
  // Accepted but never rendered: the sandbox has no places or polls.
  "place.fields": undefined,
  "poll.fields": undefined,
}

export const FIELD_PARAMS = Object.keys(LIST_PARAMS)

/** X post ids are 64-bit snowflakes written in decimal. */
export const TWEET_ID_PATTERN = /^[0-9]{1,19}$/

export function listParam(query: URLSearchParams, name: string): string[] {
  const raw = query.get(name)
  return raw ? raw.split(",").map((v) => v.trim()).filter(Boolean) : []
}

/** Unknown parameter names and unknown list values, worded as X words them. */
export function checkParams(query: URLSearchParams, allowed: readonly string[]): ParameterError[] {
  const errors: ParameterError[] = []
  for (const name of new Set(query.keys())) {
    if (!allowed.includes(name)) {
      errors.push({
        parameters: { [name]: query.getAll(name) },
        message: `The query parameter [${name}] is not one of [${allowed.join(",")}]`,
      })
      continue
    }
    const accepted = LIST_PARAMS[name]
    if (!accepted) continue
    for (const value of listParam(query, name)) {
      if (!accepted.includes(value)) {
        errors.push({
          parameters: { [name]: [value] },
          message: `The \`${name}\` query parameter value [${value}] is not one of [${accepted.join(",")}]`,
        })
      }
    }
  }
  return errors
}

export function badTweetId(name: "id" | "ids", value: string): ParameterError {
  return {
    parameters: { [name]: [value] },
    message: `The \`${name}\` query parameter value [${value}] does not match ${TWEET_ID_PATTERN.source}`,
  }
}

/** What a lookup or search asked to see, parsed once. */
export interface FieldSelection {
  tweet: Set<string>
  expansions: Set<string>
  media: Set<string>
}

export function fieldSelection(query: URLSearchParams): FieldSelection {
  return {
    tweet: new Set(listParam(query, "tweet.fields")),
    expansions: new Set(listParam(query, "expansions")),
    media: new Set(listParam(query, "media.fields")),
  }
}
