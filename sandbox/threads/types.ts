/**
 * Fixture shapes and knobs of the Threads sandbox (Meta's Threads API, graph.threads.net).
 * Threads keeps its own fixtures and tokens (not the core's SandboxFixtures) so the family
 * can be mounted into the core server with one registration and also run on its own.
 */

/** A Threads user access token (app-scoped, one app–user pair). */
export interface ThreadsTokenFixture {
  token: string
  /** The Threads user id the token acts for (`/me`). */
  user_id: string
  username?: string
  /** Epoch ms; once past, calls answer 190/463 and the token can no longer be refreshed. */
  expires_at?: number
  /** Epoch ms the token was issued; th_refresh_token refuses tokens younger than 24 h. Unset = old enough. */
  issued_at?: number
  /** Revoked tokens answer 190/467. */
  revoked?: boolean
  /** Granted scopes; undefined = threads_basic, threads_manage_insights, threads_read_replies. */
  permissions?: string[]
  /** The user's followers, served by `threads_insights?metric=followers_count` (0 when unset). */
  followers_count?: number
}

export interface ThreadsReplyFixture {
  id: string
  text: string
  username: string
  /** ISO 8601 */
  timestamp: string
  /** Nested replies (served by `/conversation`, counted only by their parent's `has_replies`). */
  replies?: ThreadsReplyFixture[]
  hide_status?: "NOT_HUSHED" | "HIDDEN"
}

export type ThreadsMediaType = "TEXT_POST" | "IMAGE" | "VIDEO" | "CAROUSEL_ALBUM" | "AUDIO" | "REPOST_FACADE"

export interface ThreadsMediaFixture {
  /** Numeric media id. */
  id: string
  /** Threads user id that owns the post. */
  owner_id: string
  media_type: ThreadsMediaType
  /** Omitted on copyright-flagged posts (real behaviour). */
  permalink?: string
  shortcode: string
  text: string
  /** ISO 8601 */
  timestamp: string
  is_quote_post?: boolean
  /** views, likes, replies, reposts, quotes, shares: the media insights metrics. */
  insights: Partial<Record<ThreadsMetric, number>>
  /** Top-level replies, any order (handlers sort by timestamp). */
  replies: ThreadsReplyFixture[]
  deleted?: boolean
}

export const THREADS_METRICS = ["views", "likes", "replies", "reposts", "quotes", "shares"] as const
export type ThreadsMetric = (typeof THREADS_METRICS)[number]

export interface ThreadsFixtures {
  tokens: ThreadsTokenFixture[]
  media: ThreadsMediaFixture[]
}

export interface ThreadsSandboxOptions {
  /**
   * Calls per token (app–user pair) in a rolling 24 h before code 4 answers. The platform allows
   * 4800 × impressions (at least 10 impressions), so the default is the floor: 48,000.
   */
  callsPerDay?: number
  /** Every call answers this throttle code from now on (4 app limit, 17 user limit, 613 custom). */
  throttle?: 4 | 17 | 613
  /** Graph-style usage header on every answer (`X-App-Usage` percentages). UNCONFIRMED: Threads does not document one; off by default. */
  appUsageHeader?: boolean
  /** API versions that answer; default ["v1.0"]. */
  activeVersions?: string[]
  /** Metrics "in development" that this sandbox leaves out of insights answers (e.g. ["views", "shares"]). */
  omitMetrics?: string[]
  /**
   * UNCONFIRMED: whether reply pages carry `paging.next`. "next" (default, the Graph convention) or
   * "cursors-only" (only `paging.cursors`, as the Threads docs' samples show): clients must page on `after`.
   */
  pagingLinks?: "next" | "cursors-only"
  /** Largest `limit` honoured on replies and listings (UNCONFIRMED; default 100). Default page size 25. */
  maxLimit?: number
  /** Lifetime of tokens issued by th_refresh_token, seconds (default 5,184,000 = 60 days). */
  issuedTokenTtlSeconds?: number
  /** The next N calls answer HTTP 500 with Graph's transient code 1 (then normal again). */
  serverErrors?: number
}
