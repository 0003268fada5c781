import { sentence } from "../core/rng"
import type { LinkedInPostFixture, LinkedInReactionType, SeedAccounts, SeedRng, TokenFixture } from "../types"

/** Post URNs of the LinkedIn seed; each one exists to exercise one platform behaviour (docs/SANDBOX.md). */
export const LINKEDIN_SEED_IDS = {
  /** The spec's example: 45 likes (all reaction types), 8 comments, 12 shares. The URN is the docs' capture. */
  example: "urn:li:ugcPost:7304968765245411329",
  share: "urn:li:share:7300000000000000001",
  /** Video: videoAnalytics answers all four types. */
  video: "urn:li:ugcPost:7300000000000000002",
  /** No activity: omitted from share statistics, zeros elsewhere. */
  noActivity: "urn:li:share:7300000000000000003",
  /** 130 comments: two pages of 100 + 30. */
  manyComments: "urn:li:ugcPost:7300000000000000004",
  /** Deleted: 404 on GET, `errors` in BATCH_GET, left out of share statistics. */
  deleted: "urn:li:share:7300000000000000005",
  /** Belongs to the second organization: a 403 in the first one's share statistics. */
  otherOrganization: "urn:li:share:7300000000000000006",
  /** Never existed. */
  unknown: "urn:li:share:7300000000000000099",
} as const

export const LINKEDIN_DEMO_TOKENS = {
  /** Administrator of the first organization; all scopes. */
  member: "linkedin-demo-token",
  /** Its refresh token (LinkedIn keeps it across refreshes). */
  refresh: "linkedin-demo-refresh",
  expired: "linkedin-expired-token",
  revoked: "linkedin-revoked-token",
  /** Only r_organization_social: share statistics answer 403 ACCESS_DENIED. */
  noAdmin: "linkedin-noadmin-token",
} as const

const DAY_MS = 24 * 3600 * 1000
const COMMENTERS = ["Ana Brews", "Leo Roasts", "Mia Latte", "Sam Bakes", "Kai Daily", "Zoe Sips", "Noah Grind", "Ivy Pours"]
const REACTION_TYPES: LinkedInReactionType[] = ["LIKE", "PRAISE", "EMPATHY", "INTEREST", "APPRECIATION", "ENTERTAINMENT"]

type Comment = LinkedInPostFixture["comments"][number]
type Stats = NonNullable<LinkedInPostFixture["share_statistics"]>

/** `count` comments, the newest `newestMs` ago and `spacingMs` apart; ids grow with time. */
function makeComments(rng: SeedRng, now: number, idBase: bigint, count: number, newestMs: number, spacingMs: number): Comment[] {
  const comments: Comment[] = []
  for (let i = 0; i < count; i++) {
    const who = i % COMMENTERS.length
    comments.push({
      id: String(idBase + BigInt(count - i)),
      actor: `urn:li:person:sbxMember${who + 1}`,
      actor_name: COMMENTERS[who],
      text: sentence(rng),
      created_at: now - newestMs - i * spacingMs,
      like_count: rng.int(0, 6),
      reply_count: rng.int(0, 1),
    })
  }
  return comments
}

/** Keeps the three views of one post consistent: socialActions, socialMetadata and share statistics. */
function statsFor(reactions: LinkedInPostFixture["reactions"], comments: Comment[], impressions: number, clicks: number, shares: number): Stats {
  const likes = Object.values(reactions).reduce((sum, n) => sum + (n ?? 0), 0)
  return {
    impressionCount: impressions,
    uniqueImpressionsCount: Math.round(impressions * 0.62),
    clickCount: clicks,
    likeCount: likes,
    commentCount: comments.length,
    shareCount: shares,
  }
}

function seedTokens(accounts: SeedAccounts): TokenFixture[] {
  const [first, second] = accounts.linkedin.organizations
  const member = (token: string, extra: Partial<TokenFixture> = {}): TokenFixture => ({ token, family: "linkedin", account_id: first.urn, ...extra })
  const tokens: TokenFixture[] = [
    member(first.token, { refresh_token: LINKEDIN_DEMO_TOKENS.refresh, refresh_expires_at: accounts.now + 300 * DAY_MS }),
    member(LINKEDIN_DEMO_TOKENS.expired, { expires_at: accounts.now - 3_600_000 }),
    member(LINKEDIN_DEMO_TOKENS.revoked, { revoked: true }),
    member(LINKEDIN_DEMO_TOKENS.noAdmin, { permissions: ["r_organization_social"] }),
  ]
  if (second) tokens.push({ token: second.token, family: "linkedin", account_id: second.urn })
  return tokens
}

/** The default LinkedIn data set; posts belong to the accounts' first organization unless noted. */
export function seedLinkedIn(rng: SeedRng, accounts: SeedAccounts): { tokens: TokenFixture[]; linkedin: LinkedInPostFixture[] } {
  const now = accounts.now
  const [first, second] = accounts.linkedin.organizations
  const org = first.urn
  const ids = LINKEDIN_SEED_IDS

  const exampleReactions = { LIKE: 30, PRAISE: 8, EMPATHY: 4, INTEREST: 3 }
  // No replies under the example's comments, so every view of it says "8 comments".
  const exampleComments = makeComments(rng, now, 7310000000000000000n, 8, 2 * 3600_000, 3 * 3600_000).map((c) => ({ ...c, reply_count: 0 }))
  const shareReactions = { LIKE: 21, APPRECIATION: 2, ENTERTAINMENT: 1 }
  const shareComments = makeComments(rng, now, 7310000000000001000n, 3, 6 * 3600_000, 8 * 3600_000)
  const videoReactions = { LIKE: 64, PRAISE: 11, EMPATHY: 9 }
  const videoComments = makeComments(rng, now, 7310000000000002000n, 6, 3600_000, 5 * 3600_000)
  const manyReactions = { LIKE: 180, PRAISE: 25, INTEREST: 14, ENTERTAINMENT: 6 }
  const manyComments = makeComments(rng, now, 7310000000000010000n, 130, 20 * 60_000, 45 * 60_000)

  const posts: LinkedInPostFixture[] = [
    {
      urn: ids.example,
      organization: org,
      created_at: now - 2 * DAY_MS,
      share_statistics: statsFor(exampleReactions, exampleComments, 1500, 60, 12),
      reactions: exampleReactions,
      comments: exampleComments,
    },
    {
      urn: ids.share,
      organization: org,
      created_at: now - 5 * DAY_MS,
      share_statistics: statsFor(shareReactions, shareComments, 980, 31, 4),
      reactions: shareReactions,
      comments: shareComments,
    },
    {
      urn: ids.video,
      organization: org,
      created_at: now - 6 * DAY_MS,
      share_statistics: statsFor(videoReactions, videoComments, 4200, 310, 17),
      reactions: videoReactions,
      comments: videoComments,
      video: { VIDEO_VIEW: 870, VIEWER: 640, TIME_WATCHED: 5_220_000, TIME_WATCHED_FOR_VIDEO_VIEWS: 4_910_000 },
    },
    { urn: ids.noActivity, organization: org, created_at: now - DAY_MS, share_statistics: null, reactions: {}, comments: [] },
    {
      urn: ids.manyComments,
      organization: org,
      created_at: now - 8 * DAY_MS,
      share_statistics: statsFor(manyReactions, manyComments, 16400, 1220, 41),
      reactions: manyReactions,
      comments: manyComments,
    },
    {
      urn: ids.deleted,
      organization: org,
      created_at: now - 3 * DAY_MS,
      share_statistics: statsFor({ LIKE: 2 }, [], 90, 1, 0),
      reactions: { LIKE: 2 },
      comments: [],
      deleted: true,
    },
  ]
  if (second) {
    const reactions = { LIKE: 9 }
    posts.push({
      urn: ids.otherOrganization,
      organization: second.urn,
      created_at: now - DAY_MS,
      share_statistics: statsFor(reactions, [], 400, 12, 1),
      reactions,
      comments: [],
    })
  }
  return { tokens: seedTokens(accounts), linkedin: posts }
}

/**
 * Benchmark posts spread round-robin over the accounts' organizations, shares and ugcPosts
 * alternating; every sixth is a video, every tenth has no activity. Up to 5 comments each keep
 * a 10,000-post set small. One O(N) pass.
 */
export function workloadLinkedIn(rng: SeedRng, n: number, accounts: SeedAccounts): { tokens: TokenFixture[]; linkedin: LinkedInPostFixture[] } {
  const orgs = accounts.linkedin.organizations
  const tokens: TokenFixture[] = orgs.map((o) => ({ token: o.token, family: "linkedin", account_id: o.urn }))
  const posts: LinkedInPostFixture[] = []
  for (let i = 0; i < n; i++) {
    const org = orgs[i % orgs.length]
    const kind = i % 2 === 0 ? "share" : "ugcPost"
    const urn = `urn:li:${kind}:${7400000000000000000n + BigInt(i + 1)}`
    const created = accounts.now - rng.int(1, 300) * DAY_MS
    if (i % 10 === 9) {
      posts.push({ urn, organization: org.urn, created_at: created, share_statistics: null, reactions: {}, comments: [] })
      continue
    }
    const reactions: LinkedInPostFixture["reactions"] = {}
    for (const type of REACTION_TYPES) {
      const count = type === "LIKE" ? rng.int(1, 200) : rng.int(0, 10)
      if (count) reactions[type] = count
    }
    const comments = makeComments(rng, accounts.now, 7500000000000000000n + BigInt(i) * 10n, rng.int(0, 5), rng.int(1, 48) * 3600_000, 3600_000)
    const impressions = rng.int(100, 40_000)
    const post: LinkedInPostFixture = {
      urn,
      organization: org.urn,
      created_at: created,
      share_statistics: statsFor(reactions, comments, impressions, rng.int(0, Math.floor(impressions / 10)), rng.int(0, 30)),
      reactions,
      comments,
    }
    if (kind === "ugcPost" && i % 6 === 5) {
      const views = rng.int(50, impressions)
      post.video = { VIDEO_VIEW: views, VIEWER: Math.floor(views * 0.8), TIME_WATCHED: views * rng.int(3, 40) * 1000, TIME_WATCHED_FOR_VIDEO_VIEWS: views * rng.int(3, 30) * 1000 }
    }
    posts.push(post)
  }
  return { tokens, linkedin: posts }
}
