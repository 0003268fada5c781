import { minutesAgo, sentence } from "../core/rng"
import type { SeedAccounts, SeedRng, TokenFixture, TweetFixture } from "../types"

/** Post ids of the X seed; each one exists to exercise one platform behaviour (docs/SANDBOX.md). */
export const X_SEED_IDS = {
  /** The spec's example: 85 likes, 12 replies, 20 retweets + 5 quotes, no bookmarks, 3,500 impressions (engagement 122, rate 3.49). */
  example: "1850000000000000001",
  photo: "1850000000000000002",
  /** Video with view_count and playback quartiles (the docs' example numbers). */
  video: "1850000000000000003",
  /** 40 days old: private metrics refused; its replies are past search/recent's 7 days. */
  old: "1850000000000000004",
  /** deleted: lookups answer the resource-not-found partial error. */
  deleted: "1850000000000000005",
  /** 130 replies within 7 days (two search pages of 100) plus 5 older ones search must skip. */
  manyReplies: "1850000000000000006",
  /** Authored by the second user: the demo token may not read its private metrics. */
  otherUser: "1850000000000000007",
  /** Never existed. */
  unknown: "1850000000000000099",
  videoMediaKey: "13_1850000000000000003",
  photoMediaKey: "3_1850000000000000002",
} as const

export const X_DEMO_TOKENS = {
  /** User context of the first user (the only author of most seed posts); all scopes. */
  user: "x-demo-token",
  /** Its refresh token; X rotates it on every use. */
  refresh: "x-demo-refresh",
  /** App-only Bearer: public metrics only. */
  app: "x-app-token",
  expired: "x-expired-token",
  revoked: "x-revoked-token",
  /** User context missing the users.read scope: 403. */
  noScope: "x-noscope-token",
} as const

const DAY_MINUTES = 24 * 60
const REPLY_NAMES = ["Ana Brews", "Leo Roasts", "Mia Latte", "Sam Bakes", "Kai Daily", "Zoe Sips", "Noah Grind", "Ivy Pours"]

type Reply = TweetFixture["replies"][number]

/**
 * `count` replies, newest `newestMinutesAgo` ago and `spacingMinutes` apart. Ids grow with time
 * like snowflakes do, so "newest first" is the same by date and by id.
 */
function makeReplies(rng: SeedRng, now: number, idBase: bigint, count: number, newestMinutesAgo: number, spacingMinutes: number): Reply[] {
  const replies: Reply[] = []
  for (let i = 0; i < count; i++) {
    const authorIndex = i % REPLY_NAMES.length
    replies.push({
      id: String(idBase + BigInt(count - i)),
      text: sentence(rng),
      author_id: String(1700000000000000000n + BigInt(authorIndex + 1)),
      author_name: REPLY_NAMES[authorIndex],
      created_at: minutesAgo(now, newestMinutesAgo + i * spacingMinutes),
      like_count: rng.int(0, 9),
      reply_count: rng.int(0, 2),
    })
  }
  return replies
}

function metrics(retweets: number, replies: number, likes: number, quotes: number, bookmarks: number, impressions: number): TweetFixture["public_metrics"] {
  return { retweet_count: retweets, reply_count: replies, like_count: likes, quote_count: quotes, bookmark_count: bookmarks, impression_count: impressions }
}

function seedTokens(accounts: SeedAccounts): TokenFixture[] {
  const [first, second] = accounts.x.users
  const user = (token: string, extra: Partial<TokenFixture> = {}): TokenFixture => ({
    token,
    family: "x",
    account_id: first.id,
    account_name: first.username,
    auth_type: "user_context",
    ...extra,
  })
  const tokens: TokenFixture[] = [
    user(first.token, { refresh_token: X_DEMO_TOKENS.refresh }),
    // App-only Bearer tokens belong to the app, not to a user.
    { token: X_DEMO_TOKENS.app, family: "x", account_id: "sandbox-app", auth_type: "app_only" },
    user(X_DEMO_TOKENS.expired, { expires_at: accounts.now - 3_600_000 }),
    user(X_DEMO_TOKENS.revoked, { revoked: true }),
    user(X_DEMO_TOKENS.noScope, { permissions: ["tweet.read", "offline.access"] }),
  ]
  if (second) tokens.push({ token: second.token, family: "x", account_id: second.id, account_name: second.username, auth_type: "user_context" })
  return tokens
}

/** The default X data set, dated back from `accounts.now`. */
export function seedX(rng: SeedRng, accounts: SeedAccounts): { tokens: TokenFixture[]; tweets: TweetFixture[] } {
  const now = accounts.now
  const [first, second] = accounts.x.users
  const author = { author_id: first.id, author_username: first.username, author_name: "Sandbox Coffee Co." }
  const ids = X_SEED_IDS
  const tweets: TweetFixture[] = [
    {
      id: ids.example,
      ...author,
      text: "Our autumn roast is here: smoky, sweet, and only for two weeks.",
      created_at: minutesAgo(now, 2 * DAY_MINUTES),
      public_metrics: metrics(20, 12, 85, 5, 0, 3500),
      non_public_metrics: { impression_count: 3500, url_link_clicks: 41, user_profile_clicks: 27, engagements: 190 },
      replies: makeReplies(rng, now, 1860000000000000000n, 12, 30, 120),
    },
    {
      id: ids.photo,
      ...author,
      text: "Latte art Friday.",
      created_at: minutesAgo(now, 3 * DAY_MINUTES),
      public_metrics: metrics(4, 3, 52, 1, 2, 1900),
      non_public_metrics: { impression_count: 1900, url_link_clicks: 6, user_profile_clicks: 11, engagements: 73 },
      media: [{ media_key: ids.photoMediaKey, type: "photo" }],
      replies: makeReplies(rng, now, 1860000000000001000n, 3, 60, 240),
    },
    {
      id: ids.video,
      ...author,
      text: "Check out this video!",
      created_at: minutesAgo(now, 4 * DAY_MINUTES),
      public_metrics: metrics(31, 7, 240, 6, 15, 15200),
      non_public_metrics: { impression_count: 15200, url_link_clicks: 89, user_profile_clicks: 156, engagements: 345 },
      media: [
        {
          media_key: ids.videoMediaKey,
          type: "video",
          view_count: 12543,
          duration_ms: 45_000,
          playback: { p0: 12543, p25: 9876, p50: 7654, p75: 5432, p100: 3210 },
        },
      ],
      replies: makeReplies(rng, now, 1860000000000002000n, 7, 90, 300),
    },
    {
      id: ids.old,
      ...author,
      text: "Summer cold brew is back.",
      created_at: minutesAgo(now, 40 * DAY_MINUTES),
      public_metrics: metrics(12, 4, 130, 2, 5, 6100),
      non_public_metrics: { impression_count: 6100, url_link_clicks: 20, user_profile_clicks: 33, engagements: 148 },
      replies: makeReplies(rng, now, 1860000000000003000n, 4, 39 * DAY_MINUTES, 60),
    },
    {
      id: ids.deleted,
      ...author,
      text: "Oops, wrong price.",
      created_at: minutesAgo(now, 5 * DAY_MINUTES),
      public_metrics: metrics(0, 0, 2, 0, 0, 140),
      replies: [],
      deleted: true,
    },
    {
      id: ids.manyReplies,
      ...author,
      text: "Giveaway! Reply with your favourite bean to win a bag.",
      created_at: minutesAgo(now, 10 * DAY_MINUTES),
      public_metrics: metrics(64, 135, 410, 12, 40, 22000),
      non_public_metrics: { impression_count: 22000, url_link_clicks: 120, user_profile_clicks: 300, engagements: 930 },
      // 130 replies over the last ~5.4 days, then 5 between 8 and 9 days old.
      replies: [
        ...makeReplies(rng, now, 1860000000000010000n, 130, 10, 60),
        ...makeReplies(rng, now, 1860000000000000500n, 5, 8 * DAY_MINUTES, 240),
      ],
    },
  ]
  if (second) {
    tweets.push({
      id: ids.otherUser,
      author_id: second.id,
      author_username: second.username,
      author_name: "Sandbox Bakery",
      text: "Fresh sourdough at 7.",
      created_at: minutesAgo(now, 1 * DAY_MINUTES),
      public_metrics: metrics(3, 2, 40, 0, 1, 1200),
      non_public_metrics: { impression_count: 1200, url_link_clicks: 4, user_profile_clicks: 9, engagements: 50 },
      replies: makeReplies(rng, now, 1860000000000004000n, 2, 45, 90),
    })
  }
  return { tokens: seedTokens(accounts), tweets }
}

/**
 * Benchmark posts spread round-robin over the accounts' users, each user's own token reading
 * them (user context, so private metrics answer). One O(N) pass; posts are 1–25 days old, every
 * fifth is a video, and each has 0–4 recent replies so reply searches have something to page.
 */
export function workloadX(rng: SeedRng, n: number, accounts: SeedAccounts): { tokens: TokenFixture[]; tweets: TweetFixture[] } {
  const users = accounts.x.users
  const tokens: TokenFixture[] = users.map((u) => ({ token: u.token, family: "x", account_id: u.id, auth_type: "user_context" }))
  const tweets: TweetFixture[] = []
  for (let i = 0; i < n; i++) {
    const user = users[i % users.length]
    const id = 1900000000000000000n + BigInt(i + 1)
    const impressions = rng.int(200, 50_000)
    const likes = rng.int(0, Math.floor(impressions / 20))
    const replies = makeReplies(rng, accounts.now, 1950000000000000000n + BigInt(i) * 10n, rng.int(0, 4), rng.int(5, 600), 90)
    const retweets = rng.int(0, likes)
    const quotes = rng.int(0, 10)
    const tweet: TweetFixture = {
      id: String(id),
      author_id: user.id,
      author_username: user.username,
      text: sentence(rng, 4, 12),
      created_at: minutesAgo(accounts.now, rng.int(1 * DAY_MINUTES, 25 * DAY_MINUTES)),
      public_metrics: metrics(retweets, replies.length, likes, quotes, rng.int(0, 20), impressions),
      non_public_metrics: {
        impression_count: impressions,
        url_link_clicks: rng.int(0, 100),
        user_profile_clicks: rng.int(0, 100),
        engagements: likes + retweets + quotes + replies.length,
      },
      replies,
    }
    if (i % 5 === 4) {
      const views = rng.int(100, impressions)
      tweet.media = [
        {
          media_key: `13_${id}`,
          type: "video",
          view_count: views,
          duration_ms: rng.int(5, 120) * 1000,
          playback: { p0: views, p25: Math.floor(views * 0.8), p50: Math.floor(views * 0.6), p75: Math.floor(views * 0.4), p100: Math.floor(views * 0.25) },
        },
      ]
    }
    tweets.push(tweet)
  }
  return { tokens, tweets }
}
