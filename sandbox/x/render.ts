import type { TokenFixture, TweetFixture } from "../types"
import { isAppOnly, PRIVATE_METRICS_MAX_AGE_MS } from "./options"
import type { FieldSelection } from "./params"
import { fieldNotAuthorized } from "./problems"

type Json = Record<string, unknown>
type Media = NonNullable<TweetFixture["media"]>[number]

/** A post as rendered: a fixture, or a search reply dressed as one. */
export interface RenderableTweet extends TweetFixture {
  in_reply_to_user_id?: string
}

/** Only user context, own posts and ≤30 days unlock these (§4.2). */
const PRIVATE_FIELDS = ["non_public_metrics", "organic_metrics", "promoted_metrics"]

export function canReadPrivateMetrics(token: TokenFixture, tweet: TweetFixture, now: number): boolean {
  if (isAppOnly(token) || token.account_id !== tweet.author_id) return false
  return now - Date.parse(tweet.created_at) <= PRIVATE_METRICS_MAX_AGE_MS
}

/** Whether the request asks for anything the private-metrics rule guards on this post. */
export function asksPrivateMetrics(sel: FieldSelection, tweet: TweetFixture): boolean {
  if (PRIVATE_FIELDS.some((f) => sel.tweet.has(f))) return true
  const media = sel.expansions.has("attachments.media_keys") && (tweet.media?.length ?? 0) > 0
  return media && PRIVATE_FIELDS.some((f) => sel.media.has(f))
}

export function usernameFor(id: string, name?: string): string {
  const fromName = (name ?? "").toLowerCase().replace(/[^a-z0-9_]/g, "").slice(0, 15)
  return fromName || `user${id.slice(-8)}`
}

function nonPublicMetrics(t: TweetFixture): Json {
  const p = t.public_metrics
  return (
    t.non_public_metrics ?? {
      impression_count: p.impression_count,
      url_link_clicks: 0,
      user_profile_clicks: 0,
      engagements: p.like_count + p.reply_count + p.retweet_count + p.quote_count,
    }
  )
}

function organicMetrics(t: TweetFixture): Json {
  if (t.organic_metrics) return t.organic_metrics
  const p = t.public_metrics
  const np = nonPublicMetrics(t)
  return {
    impression_count: np.impression_count,
    like_count: p.like_count,
    reply_count: p.reply_count,
    retweet_count: p.retweet_count,
    url_link_clicks: np.url_link_clicks,
    user_profile_clicks: np.user_profile_clicks,
  }
}

function isPlayable(m: Media): boolean {
  return m.type === "video" || m.type === "animated_gif"
}

function playbackCounts(m: Media): Json | undefined {
  if (!isPlayable(m) || !m.playback) return undefined
  const p = m.playback
  return {
    playback_0_count: p.p0,
    playback_25_count: p.p25,
    playback_50_count: p.p50,
    playback_75_count: p.p75,
    playback_100_count: p.p100,
  }
}

/**
 * Renders posts, their media and authors in X's wire format for one request, collecting the
 * `includes` (deduplicated) and the field-level errors of refused private metrics.
 */
export class TweetRenderer {
  readonly data: Json[] = []
  readonly errors: Json[] = []
  private media = new Map<string, Json>()
  private users = new Map<string, Json>()

  constructor(
    private sel: FieldSelection,
    /** "field-errors" adds an `errors[]` entry per refused metric; "omit" only leaves them out. */
    private refusal: "field-errors" | "omit",
    /** Name of the id parameter, echoed in field errors ("id" for /2/tweets/:id). */
    private parameter: "id" | "ids"
  ) {}

  add(t: RenderableTweet, privateAllowed: boolean): void {
    const out: Json = { id: t.id, text: t.text, edit_history_tweet_ids: [t.id] }
    const want = this.sel.tweet
    if (want.has("author_id")) out.author_id = t.author_id
    if (want.has("created_at")) out.created_at = new Date(Date.parse(t.created_at)).toISOString()
    if (want.has("conversation_id")) out.conversation_id = t.conversation_id ?? t.id
    if (want.has("in_reply_to_user_id") && t.in_reply_to_user_id) out.in_reply_to_user_id = t.in_reply_to_user_id
    if (want.has("referenced_tweets") && t.in_reply_to_user_id && t.conversation_id) {
      out.referenced_tweets = [{ type: "replied_to", id: t.conversation_id }]
    }
    if (want.has("lang")) out.lang = "en"
    if (want.has("possibly_sensitive")) out.possibly_sensitive = false
    if (want.has("attachments") && t.media?.length) out.attachments = { media_keys: t.media.map((m) => m.media_key) }
    if (want.has("public_metrics")) out.public_metrics = { ...t.public_metrics }
    this.addPrivate(out, t, privateAllowed)
    this.data.push(out)

    if (this.sel.expansions.has("attachments.media_keys")) {
      for (const m of t.media ?? []) this.addMedia(m, privateAllowed)
    }
    if (this.sel.expansions.has("author_id") && !this.users.has(t.author_id)) {
      const name = t.author_name ?? `User ${t.author_id.slice(-4)}`
      this.users.set(t.author_id, { id: t.author_id, name, username: t.author_username ?? usernameFor(t.author_id, name) })
    }
  }

  /** `includes` as X sends it: only the non-empty collections, absent when none. */
  includes(): Json | undefined {
    const out: Json = {}
    if (this.media.size) out.media = [...this.media.values()]
    if (this.users.size) out.users = [...this.users.values()]
    return Object.keys(out).length ? out : undefined
  }

  private addPrivate(out: Json, t: TweetFixture, allowed: boolean): void {
    const groups: [string, () => Json][] = [
      ["non_public_metrics", () => nonPublicMetrics(t)],
      ["organic_metrics", () => organicMetrics(t)],
      // promoted_metrics: no sandbox post is promoted, so there is never anything to show.
    ]
    for (const [field, build] of groups) {
      if (!this.sel.tweet.has(field)) continue
      const metrics = build()
      if (allowed) out[field] = metrics
      else this.refuse("tweet", t.id, field, metrics, this.parameter)
    }
  }

  private addMedia(m: Media, privateAllowed: boolean): void {
    if (this.media.has(m.media_key)) return
    const want = this.sel.media
    const out: Json = { media_key: m.media_key, type: m.type }
    if (want.has("duration_ms") && isPlayable(m) && m.duration_ms !== undefined) out.duration_ms = m.duration_ms
    if (want.has("url") && m.type === "photo") out.url = `https://pbs.twimg.com/media/${m.media_key}.jpg`
    if (want.has("preview_image_url") && isPlayable(m)) {
      out.preview_image_url = `https://pbs.twimg.com/ext_tw_video_thumb/${m.media_key}/pu/img/preview.jpg`
    }
    if (want.has("public_metrics") && isPlayable(m)) out.public_metrics = { view_count: m.view_count ?? 0 }
    const playback = playbackCounts(m)
    if (playback) {
      const groups: [string, Json][] = [
        ["non_public_metrics", playback],
        ["organic_metrics", { ...playback, view_count: m.view_count ?? 0 }],
      ]
      for (const [field, metrics] of groups) {
        if (!want.has(field)) continue
        if (privateAllowed) out[field] = metrics
        else this.refuse("media", m.media_key, field, metrics, "attachments.media_keys")
      }
    }
    this.media.set(m.media_key, out)
  }

  private refuse(resource: "tweet" | "media", id: string, field: string, metrics: Json, parameter: string): void {
    if (this.refusal === "omit") return
    for (const key of Object.keys(metrics)) {
      this.errors.push(fieldNotAuthorized(resource, id, `${field}.${key}`, parameter))
    }
  }
}
