import type { ThreadsSandboxOptions } from "./threads/types"

/**
 * Shared contract of the platform sandbox: the fixture shapes every part of the
 * sandbox serves from, and the small request/response/context types the
 * per-platform handlers (meta/, x/, linkedin/) plug into the core server with.
 *
 * Fixtures hold "truth" (what the platform knows about a post); each handler
 * renders that truth in its platform's real wire format.
 */

export type PlatformFamily = "meta" | "x" | "linkedin"

/** An access token the sandbox knows. Unknown tokens get the platform's "invalid token" error. */
export interface TokenFixture {
  token: string
  family: PlatformFamily
  /** Instagram user id / Facebook Page id / X user id / LinkedIn organization URN. */
  account_id: string
  /** Epoch ms; once past, Meta answers 190/463 and X / LinkedIn answer 401. */
  expires_at?: number
  /** Revoked tokens answer 190/467 (Meta) or 401 65601 (LinkedIn). */
  revoked?: boolean
  /** Permissions granted; a missing one gives Meta 10/200, X 403, LinkedIn 403. Undefined = all. */
  permissions?: string[]
  /** X only: user_context can read private metrics of own posts under 30 days. */
  auth_type?: "user_context" | "app_only"
  /** X / LinkedIn: a refresh token that the token endpoint exchanges for a new pair. */
  refresh_token?: string
  /**
   * Meta only: other business objects this token may read besides `account_id`
   * (a Page token also reads the Instagram account linked to that Page). Objects of
   * any other owner answer 100/33, as Graph does for "no access".
   */
  linked_account_ids?: string[]
  /** X / LinkedIn: epoch ms after which `refresh_token` is refused (LinkedIn refresh tokens live 365 days). */
  refresh_expires_at?: number
  /** Display name of the account (Meta `/me` name, X username, LinkedIn organization name). */
  account_name?: string
  /** The account's follower count on every platform's account endpoint; unset = derived from the id. */
  followers_count?: number
}

export interface CommentFixture {
  id: string
  text: string
  from: { id: string; name: string }
  /** ISO 8601 */
  created_time: string
  like_count: number
  replies?: CommentFixture[]
}

export interface InstagramMediaFixture {
  id: string
  /** Instagram user id that owns the media. */
  owner_id: string
  media_type: "IMAGE" | "VIDEO" | "CAROUSEL_ALBUM"
  media_product_type: "FEED" | "REELS" | "STORY"
  permalink: string
  caption: string
  /** ISO 8601 */
  timestamp: string
  like_count: number
  /** Owner hid like counts: `like_count` is omitted from responses. */
  hide_like_count?: boolean
  /** Newest first is how Instagram returns them; store in any order, handlers sort. */
  comments: CommentFixture[]
  /**
   * Current metric values by Graph name (views, reach, saved, shares, likes, comments,
   * total_interactions, follows, profile_visits, profile_activity, reposts,
   * ig_reels_avg_watch_time, ig_reels_video_view_total_time, reels_skip_rate, ...).
   * Which ones are valid is decided by media_product_type, not by presence here.
   */
  insights: Record<string, number>
  deleted?: boolean
}

export type FacebookReactionType = "LIKE" | "LOVE" | "WOW" | "HAHA" | "SAD" | "ANGRY" | "CARE"

export interface FacebookPostFixture {
  /** "{page_id}_{post_id}" */
  id: string
  page_id: string
  message: string
  /** ISO 8601 */
  created_time: string
  permalink_url: string
  /** 0 or undefined: the `shares` field is absent from responses, as on the real API. */
  shares?: number
  reactions: Partial<Record<FacebookReactionType, number>>
  comments: CommentFixture[]
  /** post_media_view, post_total_media_view_unique, post_clicks, post_video_views, ... */
  insights: Record<string, number>
  is_video?: boolean
  /** Photo / video posts: the image URL (`full_picture`); absent on text-only posts. */
  full_picture?: string
  deleted?: boolean
}

export interface TweetFixture {
  id: string
  author_id: string
  /** Rendered in `includes.users` for `expansions=author_id`; derived from author_id when absent. */
  author_username?: string
  author_name?: string
  text: string
  /** ISO 8601; private metrics exist only for posts under 30 days old. */
  created_at: string
  conversation_id?: string
  public_metrics: {
    retweet_count: number
    reply_count: number
    like_count: number
    quote_count: number
    bookmark_count: number
    impression_count: number
  }
  non_public_metrics?: {
    impression_count: number
    url_link_clicks: number
    user_profile_clicks: number
    engagements: number
  }
  organic_metrics?: Record<string, number>
  media?: {
    media_key: string
    type: "video" | "photo" | "animated_gif"
    view_count?: number
    /** Videos only; rendered as `duration_ms` when media.fields asks for it. */
    duration_ms?: number
    playback?: { p0: number; p25: number; p50: number; p75: number; p100: number }
  }[]
  /** Replies in the conversation (returned by search/recent). */
  replies: { id: string; text: string; author_id: string; author_name: string; created_at: string; like_count: number; reply_count: number }[]
  /** A reply or repost by the author: the user timeline leaves it out with `exclude=replies,retweets`. */
  referenced_tweets?: { type: "replied_to" | "retweeted" | "quoted"; id: string }[]
  deleted?: boolean
}

export type LinkedInReactionType = "LIKE" | "PRAISE" | "EMPATHY" | "INTEREST" | "APPRECIATION" | "ENTERTAINMENT"

export interface LinkedInPostFixture {
  /** urn:li:share:... or urn:li:ugcPost:... */
  urn: string
  /** urn:li:organization:... */
  organization: string
  /** Epoch ms the post was published; start of videoAnalytics time ranges. */
  created_at?: number
  /** The post's text (`commentary` in the Posts API); default: a sentence naming the URN. */
  commentary?: string
  /** null: zero activity, so omitted from share statistics (real behaviour). */
  share_statistics: {
    impressionCount: number
    uniqueImpressionsCount: number
    clickCount: number
    likeCount: number
    commentCount: number
    shareCount: number
  } | null
  reactions: Partial<Record<LinkedInReactionType, number>>
  comments: { id: string; actor: string; actor_name: string; text: string; created_at: number; like_count: number; reply_count: number }[]
  /** Present for video posts: VIDEO_VIEW, VIEWER, TIME_WATCHED (ms), TIME_WATCHED_FOR_VIDEO_VIEWS (ms). */
  video?: { VIDEO_VIEW: number; VIEWER: number; TIME_WATCHED: number; TIME_WATCHED_FOR_VIDEO_VIEWS: number }
  deleted?: boolean
}

export interface SandboxFixtures {
  tokens: TokenFixture[]
  instagram: InstagramMediaFixture[]
  facebook: FacebookPostFixture[]
  tweets: TweetFixture[]
  linkedin: LinkedInPostFixture[]
}

/* ------------------------------------------------------------------ */
/* Core server <-> platform handler contract                           */
/* ------------------------------------------------------------------ */

/** One incoming request, already split from its family prefix (/meta, /x, /linkedin). */
export interface SandboxRequest {
  method: string
  /** Path below the family prefix, e.g. "/v25.0/17890/insights" or "/2/tweets". */
  path: string
  query: URLSearchParams
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>
  /** Raw body ("" when none); form-encoded or JSON depending on the endpoint. */
  body: string
  /**
   * The query string exactly as received, without "?" and still percent-encoded. LinkedIn's
   * Rest.li 2.0 rules (encoded URNs inside an unencoded `List(...)`) can only be checked on it,
   * because `query` is already decoded.
   */
  rawQuery?: string
}

export interface SandboxReply {
  status: number
  headers?: Record<string, string>
  /** Serialised with JSON.stringify unless it is already a string. */
  body: unknown
}

export interface SandboxOptions {
  port?: number
  host?: string
  /** Added to every platform response (not to /_control). */
  latencyMs?: number
  jitterMs?: number
  /** Seed of the deterministic default data set. */
  seed?: number
  /** false switches every rate limit off (the benchmark does). */
  rateLimits?: boolean
  /** Replace the seeded data set entirely. */
  fixtures?: Partial<SandboxFixtures>
  /** Lifetime of tokens issued by the refresh endpoints, seconds (X default 7200, LinkedIn 5184000). */
  issuedTokenTtlSeconds?: number
  /** Clock of the sandbox (epoch ms); defaults to Date.now. Tests pin it for age-dependent rules. */
  now?: () => number
  /** Meta-only knobs (rate-limit budgets, UNCONFIRMED behaviours). */
  meta?: MetaSandboxOptions
  /** X-only knobs (rate limits, usage cap, UNCONFIRMED behaviours); see sandbox/x/options.ts. */
  x?: XSandboxOptions
  /** LinkedIn-only knobs (daily quotas, tier, versions, UNCONFIRMED behaviours); see sandbox/linkedin/options.ts. */
  linkedin?: LinkedInSandboxOptions
  /** Threads-only knobs (daily call limit, throttle codes, paging variant, UNCONFIRMED behaviours); see sandbox/threads/types.ts. */
  threads?: ThreadsSandboxOptions
}

/** Requests per 15-minute window for one X endpoint, by auth type (§4.3). */
export interface XEndpointLimit {
  user?: number
  app?: number
}

export interface XSandboxOptions {
  /** Per token and endpoint. Defaults: tweetsLookup 5000/3500, tweetById 900/450, searchRecent 300/450, searchAll 300/300. */
  rateLimits?: { tweetsLookup?: XEndpointLimit; tweetById?: XEndpointLimit; searchRecent?: XEndpointLimit; searchAll?: XEndpointLimit; userById?: XEndpointLimit; userTweets?: XEndpointLimit }
  /** Length of a rate-limit window in seconds. Default 900 (15 minutes). */
  rateLimitWindowSeconds?: number
  /** 429 body: "problem" (observed v2 problem JSON, default) or "v1.1" (`{"errors":[{"code":88,...}]}` of the docs). */
  rateLimitBody?: "problem" | "v1.1"
  /** Billed post reads per UTC calendar month for the whole app; past it every call answers 429 UsageCapExceeded. Default: no cap. */
  monthlyPostReadCap?: number
  /** Every call answers 429 UsageCapExceeded (the monthly cap is already spent). */
  usageCapExceeded?: boolean
  /**
   * UNCONFIRMED in the docs. How a refused private-metric request (app-only token, someone else's
   * post, post older than 30 days) is answered: "field-errors" (default: HTTP 200, the metrics omitted
   * and one `not-authorized-for-field` entry per metric in `errors[]`, as in public captures),
   * "omit" (HTTP 200, metrics silently absent) or "forbidden" (the whole request answers 403 client-forbidden).
   */
  privateMetricsRefusal?: "field-errors" | "omit" | "forbidden"
  /** `GET /2/tweets/:id` for an unknown or deleted post: 200 with only `errors` (observed, default) or 404 (docs). */
  singleNotFoundStatus?: 200 | 404
  /** A 429 without any x-rate-limit-* header (seen behind proxies and on app-level throttles). Default false. */
  omitRateLimitHeaders?: boolean
  /** The app is not attached to a Project: every call answers the captured 403 `client-forbidden` / `client-not-enrolled`. */
  clientNotEnrolled?: boolean
  /**
   * Shape of the not-found partial errors: "full" (default: `value`, `resource_id`, `type`, ... as captured)
   * or "minimal" (only `title` and `detail`, the id named in the detail text: captured variants lack the rest).
   */
  partialErrorShape?: "full" | "minimal"
}

export interface LinkedInSandboxOptions {
  /** Calls per resource per UTC day for the whole app. Default 100,000 (standard tier; unpublished), 500 on the development tier. */
  dailyAppLimit?: number
  /** Calls per resource per UTC day per member token. Default 25,000 (standard; unpublished), 100 on the development tier. */
  dailyMemberLimit?: number
  /** "development" also disables BATCH_GET (403). Default "standard". */
  tier?: "standard" | "development"
  /** Versions (YYYYMM) that answer; default: the 12 months up to the sandbox clock's month. */
  activeVersions?: string[]
  /**
   * UNCONFIRMED: whether `shares=List(...)` and `ugcPosts=List(...)` may share one share-statistics call.
   * "reject" (default, 400) forces clients to split, which works on the real API either way; "allow" merges.
   */
  shareStatisticsMixedUrns?: "reject" | "allow"
  /** Largest `count` honoured by socialActions comments (UNCONFIRMED; default 100). */
  commentsMaxCount?: number
  /**
   * Order of socialActions comments, UNCONFIRMED (§5.3): "newest-first" (default), "oldest-first", or
   * "unordered" (a fixed shuffle): clients must not rely on page 1 holding the newest.
   */
  commentsOrder?: "newest-first" | "oldest-first" | "unordered"
  /**
   * Body of the daily-quota 429 (never with headers): "day-limit" (default, the captured "Resource level
   * throttle ... DAY limit" text) or "code-101" (the reported `serviceErrorCode: 101` variant, no DAY in it).
   */
  throttleBody?: "day-limit" | "code-101"
  /** LinkedIn keeps the refresh token on refresh (default false); true issues a new one each time. */
  rotateRefreshTokens?: boolean
  /** BATCH_GET `results` / `errors` keys: "decoded" URNs (default) or "encoded" ones; both occur (§5.1). */
  batchResultKeys?: "decoded" | "encoded"
}

export interface MetaSandboxOptions {
  /** Platform limit per token, calls per rolling hour (Graph counts each batch item / id). Default 200. */
  callsPerHour?: number
  /** Business Use Case budget per business object (Page / IG user), calls per rolling 24 h. Default 4800. */
  bucCallsPerDay?: number
  /**
   * Code a throttled Facebook Page read answers with. 80001 (Pages BUC, default) is what a
   * Page token gets; 32 / 4 / 17 / 613 are the platform-limit variants of §3.2.
   */
  pageThrottleCode?: 80001 | 32 | 4 | 17 | 613
  /**
   * UNCONFIRMED area: before v26 `post_impressions_unique` (and its *_unique siblings) was still
   * answered. Default false: rejected like every removed metric.
   */
  acceptPostImpressionsUnique?: boolean
  /**
   * Answer these Graph errors (captured real bodies by name, see meta/captured-errors.ts, or a
   * body of your own) instead of the data. The first matching rule wins.
   */
  answers?: MetaAnswerRule[]
  /** Page ids under 100 likes: Graph keeps their post insights, answering an empty data set (UNCONFIRMED shape). */
  pagesWithoutInsights?: string[]
}

export interface MetaAnswerRule {
  /** A name from META_CAPTURED_ERRORS, or a body of your own (`status` default 400). */
  error: string | { status?: number; error: Record<string, unknown> }
  /** Object id (media id, "{page}_{post}", account id); every object when absent. */
  id?: string
  /** Only reads that ask for this edge (as `/{id}/{edge}` or as a field expansion); any read of the object when absent. */
  edge?: "insights" | "comments"
  /** Only calls made with this token. */
  token?: string
  /** "request": the whole HTTP request answers the error (a batch fails as one). Default "object": each object read or batch item. */
  level?: "request" | "object"
}

/** Deterministic random source handed to every family's seed / workload builder. */
export interface SeedRng {
  /** Uniform float in [0, 1). */
  next(): number
  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
}

/** Accounts the seed / workload builders share, so tokens and posts of each family line up. */
export interface SeedAccounts {
  /** Reference time (epoch ms) posts are dated back from. */
  now: number
  meta: { pages: { id: string; name: string; instagram_id: string; token: string }[] }
  x: { users: { id: string; username: string; token: string }[] }
  linkedin: { organizations: { urn: string; name: string; token: string }[] }
}

/** What a platform handler can use from the core. */
export interface SandboxContext {
  /** Live, mutable fixtures. */
  fixtures: SandboxFixtures
  options: Required<Pick<SandboxOptions, "rateLimits">> & SandboxOptions
  now(): number
  findToken(token: string | undefined): TokenFixture | undefined
  /** Adds rate-limit units (as the platform counts them) to the counters for stats. */
  recordUnits(family: PlatformFamily, token: string | undefined, units: number): void
  /** Root URL of the sandbox ("http://127.0.0.1:4010"), for absolute paging links. */
  baseUrl: string
  /**
   * Per-server scratch state for a handler (rate-limit windows, issued tokens...). Created by
   * `init` on first use; cleared by reset().
   */
  state<T>(key: string, init: () => T): T
  /** O(1) lookup of a live fixture by id (instagram / facebook / tweets) or urn (linkedin). */
  lookup<K extends LookupKind>(kind: K, key: string): SandboxFixtures[K][number] | undefined
}

export type LookupKind = "instagram" | "facebook" | "tweets" | "linkedin"

export type PlatformHandler = (req: SandboxRequest, ctx: SandboxContext) => SandboxReply | Promise<SandboxReply>

/* ------------------------------------------------------------------ */
/* Faults and stats (core server)                                      */
/* ------------------------------------------------------------------ */

/**
 * Injected failures, consumed one per matching platform request (control routes never fault).
 * Counts are "next N requests"; several kinds can be armed at once and are consumed in the
 * order reset, timeout, status5xx, malformed.
 */
export interface SandboxFaults {
  /** Next N requests answer this status (500 default, or 503) with the family's error body. */
  status5xx?: { count: number; status?: 500 | 502 | 503 | 504 }
  /** Next N requests never get an answer; the socket stays open until the client gives up. */
  timeout?: { count: number }
  /** Next N requests have their socket destroyed without a response (ECONNRESET on the client). */
  reset?: { count: number }
  /** Next N requests answer 200 with a truncated JSON body. */
  malformed?: { count: number }
  /** Extra delay on every platform request while set (on top of latency/jitter). */
  slowMs?: number
  /** Restrict every fault above to one family. */
  family?: PlatformFamily
}

export interface SandboxTokenStats {
  family: PlatformFamily | "unknown"
  requests: number
  units: number
}

export interface SandboxStats {
  requests: { total: number } & Record<PlatformFamily, number>
  /** Rate-limit units as each platform counts them (a Meta batch of 10 = 10 units). */
  units: Record<PlatformFamily, number>
  /** Keyed by the raw token (tests own their tokens); "(none)" for requests without one. */
  byToken: Record<string, SandboxTokenStats>
  /** Responses by HTTP status ("200", "400", ...; "timeout" / "reset" for dropped requests). */
  byStatus: Record<string, number>
  faultsInjected: { status5xx: number; timeout: number; reset: number; malformed: number }
}

export interface SandboxLogEntry {
  /** ISO 8601 time the request arrived. */
  at: string
  method: string
  family: PlatformFamily
  path: string
  /** Query string with access_token redacted. */
  query: string
  /** HTTP status, or "timeout" / "reset" for injected drops. */
  status: number | "timeout" | "reset"
  ms: number
  fault?: keyof Omit<SandboxFaults, "slowMs" | "family">
  /** Meta Batch API calls: the relative_url of each sub-request (access_token redacted). */
  items?: string[]
}
