import type { ThreadsFixtures, ThreadsMediaFixture, ThreadsReplyFixture, ThreadsTokenFixture } from "./types"

const DAY = 86_400_000
const HOUR = 3_600_000

/** Media ids of the Threads seed; each exists to exercise one platform behaviour (docs/SANDBOX.md). */
export const THREADS_SEED_IDS = {
  user: "25000000000000001",
  otherUser: "25000000000000002",
  /** A text post with every metric: 2,000 views, 120 likes, 14 replies, 6 reposts, 3 quotes, 2 shares. */
  example: "18050000000000001",
  /** An image post with 60 top-level replies (three pages of 25) and nested replies under the first. */
  manyReplies: "18050000000000002",
  /** Someone else's post reposted by the user: insights answer `[]`. */
  repost: "18050000000000003",
  /** Deleted: 100/33 like an unknown id. */
  deleted: "18050000000000004",
  /** Owned by the other user: 100/33 for the demo token. */
  otherUsersPost: "18050000000000005",
  /** No replies at all (`has_replies: false`). */
  quiet: "18050000000000006",
  unknown: "18050000000000099",
} as const

export const THREADS_DEMO_TOKENS = {
  /** Long-lived token of the first user, 30 days left; all scopes. */
  user: "threads-demo-token",
  /** Same user, 2 days left: due for th_refresh_token. */
  expiring: "threads-expiring-token",
  /** Same user, issued an hour ago with 60 days left: th_refresh_token refuses it (under 24 h old). */
  fresh: "threads-fresh-token",
  expired: "threads-expired-token",
  revoked: "threads-revoked-token",
  /** threads_basic only: insights and replies are refused. */
  basicOnly: "threads-basic-only-token",
  /** The second user. */
  other: "threads-other-token",
} as const

function reply(id: string, i: number, newest: number, nested?: ThreadsReplyFixture[]): ThreadsReplyFixture {
  return { id, text: `reply ${i + 1}`, username: `fan_${i % 7}`, timestamp: new Date(newest - i * 60_000).toISOString(), ...(nested ? { replies: nested } : {}) }
}

function replies(prefix: string, count: number, newest: number): ThreadsReplyFixture[] {
  return Array.from({ length: count }, (_, i) => reply(`${prefix}${String(i + 1).padStart(4, "0")}`, i, newest))
}

function media(id: string, owner: string, ageMs: number, now: number, extra: Partial<ThreadsMediaFixture> = {}): ThreadsMediaFixture {
  const shortcode = `Sbx${id.slice(-6)}`
  return {
    id,
    owner_id: owner,
    media_type: "TEXT_POST",
    permalink: `https://www.threads.net/@sandbox_coffee/post/${shortcode}`,
    shortcode,
    text: `Sandbox thread ${id.slice(-2)}`,
    timestamp: new Date(now - ageMs).toISOString().replace(/\.\d{3}Z$/, "+0000"),
    insights: { views: 100, likes: 5, replies: 0, reposts: 0, quotes: 0, shares: 0 },
    replies: [],
    ...extra,
  }
}

export function seedThreads(now: number): ThreadsFixtures {
  const ids = THREADS_SEED_IDS
  const t = THREADS_DEMO_TOKENS
  const token = (token: string, extra: Partial<ThreadsTokenFixture> = {}): ThreadsTokenFixture => ({
    token,
    user_id: ids.user,
    username: "sandbox_coffee",
    issued_at: now - 30 * DAY,
    expires_at: now + 30 * DAY,
    followers_count: 1_250,
    ...extra,
  })
  const many = replies("18060000000000", 60, now - HOUR)
  many[0].replies = replies("18070000000000", 3, now - 30 * 60_000)
  return {
    tokens: [
      token(t.user),
      token(t.expiring, { issued_at: now - 58 * DAY, expires_at: now + 2 * DAY }),
      token(t.fresh, { issued_at: now - HOUR, expires_at: now + 60 * DAY }),
      token(t.expired, { issued_at: now - 61 * DAY, expires_at: now - DAY }),
      token(t.revoked, { revoked: true }),
      token(t.basicOnly, { permissions: ["threads_basic"] }),
      token(t.other, { user_id: ids.otherUser, username: "sandbox_bakery", followers_count: 310 }),
    ],
    media: [
      media(ids.example, ids.user, 2 * DAY, now, {
        insights: { views: 2000, likes: 120, replies: 14, reposts: 6, quotes: 3, shares: 2 },
        replies: replies("18080000000000", 14, now - 2 * HOUR),
      }),
      media(ids.manyReplies, ids.user, 5 * DAY, now, {
        media_type: "IMAGE",
        insights: { views: 9000, likes: 400, replies: 63, reposts: 20, quotes: 4, shares: 11 },
        replies: many,
      }),
      media(ids.repost, ids.user, 3 * DAY, now, { media_type: "REPOST_FACADE", permalink: undefined, insights: {} }),
      media(ids.deleted, ids.user, 9 * DAY, now, { deleted: true }),
      media(ids.otherUsersPost, ids.otherUser, 1 * DAY, now),
      media(ids.quiet, ids.user, 1 * DAY, now, { insights: { views: 50, likes: 2, replies: 0, reposts: 0, quotes: 0, shares: 0 } }),
    ],
  }
}
