import { minutesAgo, sentence } from "../core/rng"
import type {
  CommentFixture,
  FacebookPostFixture,
  FacebookReactionType,
  InstagramMediaFixture,
  SeedAccounts,
  SeedRng,
  TokenFixture,
} from "../types"

/**
 * Ids of the Meta seed that tests and the demo can rely on. Each one exists to exercise a
 * specific platform behaviour (see docs/SANDBOX.md).
 */
export const META_SEED_IDS = {
  pages: ["104000000000001", "104000000000002"],
  instagramUsers: ["17841400000000001", "17841400000000002"],
  instagram: {
    image: "17900000000000001",
    carousel: "17900000000000002",
    reel: "17900000000000003",
    story: "17900000000000004",
    /** reach < 5: insights answer "(#10) Not enough viewers". */
    storyFewViewers: "17900000000000005",
    /** hide_like_count: like_count omitted. */
    hiddenLikes: "17900000000000006",
    /** 75 top-level comments: two pages of 50 + 25. */
    manyComments: "17900000000000007",
    feedVideo: "17900000000000008",
    deleted: "17900000000000009",
    /** Created 2024-05-01: `impressions` still answers on v21.0, errors on v22.0+. */
    legacyImage: "17900000000000010",
    /** Owned by the second Instagram account (second Page's token). */
    secondAccountImage: "17900000000000011",
  },
  facebook: {
    text: "104000000000001_900000000000001",
    /** shares = 0: the `shares` field is absent. */
    photoNoShares: "104000000000001_900000000000002",
    video: "104000000000001_900000000000003",
    /** 130 comments: more than one page of 100. */
    manyComments: "104000000000001_900000000000004",
    deleted: "104000000000001_900000000000005",
    secondPagePost: "104000000000002_900000000000006",
  },
} as const

export const META_DEMO_TOKENS = {
  /** Page token of the first Page; also reads the linked Instagram account. All permissions. */
  page: "meta-demo-token",
  /** Page token of the second Page (its own BUC budget). */
  secondPage: "meta-second-token",
  /** Instagram-Login style token of the first Instagram account. */
  instagram: "ig-demo-token",
  expired: "meta-expired-token",
  revoked: "meta-revoked-token",
  /** Lacks read_insights, instagram_manage_insights, instagram_manage_comments, pages_read_user_content. */
  readOnly: "meta-readonly-token",
} as const

const REACTION_TYPES: FacebookReactionType[] = ["LIKE", "LOVE", "WOW", "HAHA", "SAD", "ANGRY", "CARE"]
const USERNAMES = ["ana.brews", "leo_roasts", "mia.latte", "sam_bakes", "kai.daily", "zoe_sips", "noah.grind", "ivy.pours"]

/** Sequential, deterministic 17-digit ids for comments (Graph ids are numeric strings). */
export function commentIdFactory(prefix: string): () => string {
  let n = 0
  return () => `${prefix}${String(++n).padStart(17 - prefix.length, "0")}`
}

export function makeComments(
  rng: SeedRng,
  now: number,
  count: number,
  nextId: () => string,
  opts: { newestMinutesAgo: number; spacingMinutes: number; replyEvery?: number }
): CommentFixture[] {
  const comments: CommentFixture[] = []
  for (let i = 0; i < count; i++) {
    const age = opts.newestMinutesAgo + i * opts.spacingMinutes
    const user = rng.pick(USERNAMES)
    const comment: CommentFixture = {
      id: nextId(),
      text: sentence(rng),
      from: { id: `1784150${String(USERNAMES.indexOf(user)).padStart(10, "0")}`, name: user },
      created_time: minutesAgo(now, age),
      like_count: rng.int(0, 12),
    }
    if (opts.replyEvery && i % opts.replyEvery === 0) {
      comment.replies = [0, 1].map((r) => ({
        id: nextId(),
        text: sentence(rng, 2, 5),
        from: { id: "17841400000000001", name: "sandbox.coffee" },
        created_time: minutesAgo(now, Math.max(0, age - 5 - r)),
        like_count: rng.int(0, 3),
      }))
    }
    comments.push(comment)
  }
  return comments
}

function countWithReplies(comments: CommentFixture[]): number {
  return comments.reduce((n, c) => n + 1 + (c.replies?.length ?? 0), 0)
}

function feedInsights(rng: SeedRng, likes: number, comments: number): Record<string, number> {
  const reach = rng.int(800, 5000)
  const saved = rng.int(5, 80)
  const shares = rng.int(0, 40)
  return {
    views: reach + rng.int(100, 3000),
    reach,
    likes,
    comments,
    saved,
    shares,
    reposts: rng.int(0, 10),
    total_interactions: likes + comments + saved + shares,
    follows: rng.int(0, 15),
    profile_visits: rng.int(10, 120),
    profile_activity: rng.int(0, 30),
    facebook_views: rng.int(0, 200),
  }
}

function instagramMedia(
  base: Omit<InstagramMediaFixture, "permalink" | "caption" | "insights" | "like_count" | "comments"> & { like_count?: number },
  rng: SeedRng,
  comments: CommentFixture[],
  insights: (likes: number, comments: number) => Record<string, number>
): InstagramMediaFixture {
  const likes = base.like_count ?? rng.int(40, 900)
  return {
    ...base,
    like_count: likes,
    permalink: `https://www.instagram.com/p/SBX${base.id.slice(-6)}/`,
    caption: sentence(rng, 5, 12),
    comments,
    insights: insights(likes, countWithReplies(comments)),
  }
}

type CommentOptions = Parameters<typeof makeComments>[4]
type MetricsFor = (likes: number, comments: number) => Record<string, number>

/** What every part of the Meta seed draws from: one random stream and one comment-id sequence, in a fixed order. */
interface SeedKit {
  rng: SeedRng
  now: number
  commentsOf(count: number, opts: CommentOptions): CommentFixture[]
}

/** One seeded Instagram media: its fixed fields, its comments (count, spacing) and its insights (default: feed). */
interface MediaSeed {
  base: Parameters<typeof instagramMedia>[0]
  comments?: [number, CommentOptions]
  insights?: MetricsFor
}

const DAY = 24 * 60

/** The order matters: tokens, then Instagram, then Facebook draw from the same random stream. */
export function seedMeta(rng: SeedRng, accounts: SeedAccounts): { tokens: TokenFixture[]; instagram: InstagramMediaFixture[]; facebook: FacebookPostFixture[] } {
  const nextComment = commentIdFactory("178")
  const kit: SeedKit = { rng, now: accounts.now, commentsOf: (count, opts) => makeComments(rng, accounts.now, count, nextComment, opts) }
  const tokens = seedMetaTokens(accounts)
  const instagram = seedInstagramMedia(kit, accounts)
  const facebook = seedFacebookPosts(kit, accounts)
  return { tokens, instagram, facebook }
}

/** Both Pages' tokens, the Instagram-Login token, and the expired, revoked and read-only ones. */
function seedMetaTokens(accounts: SeedAccounts): TokenFixture[] {
  const [page1, page2] = accounts.meta.pages
  return [
    { token: page1.token, family: "meta", account_id: page1.id, account_name: page1.name, linked_account_ids: [page1.instagram_id] },
    { token: page2.token, family: "meta", account_id: page2.id, account_name: page2.name, linked_account_ids: [page2.instagram_id] },
    { token: META_DEMO_TOKENS.instagram, family: "meta", account_id: page1.instagram_id, account_name: "sandbox.coffee" },
    { token: META_DEMO_TOKENS.expired, family: "meta", account_id: page1.id, linked_account_ids: [page1.instagram_id], expires_at: accounts.now - 60 * 60_000 },
    { token: META_DEMO_TOKENS.revoked, family: "meta", account_id: page1.id, linked_account_ids: [page1.instagram_id], revoked: true },
    {
      token: META_DEMO_TOKENS.readOnly,
      family: "meta",
      account_id: page1.id,
      linked_account_ids: [page1.instagram_id],
      permissions: ["pages_show_list", "pages_read_engagement", "instagram_basic"],
    },
  ]
}

function seedInstagramMedia(kit: SeedKit, accounts: SeedAccounts): InstagramMediaFixture[] {
  const feed: MetricsFor = (likes, comments) => feedInsights(kit.rng, likes, comments)
  return instagramSeeds(kit, accounts).map((s) => instagramMedia(s.base, kit.rng, s.comments ? kit.commentsOf(...s.comments) : [], s.insights ?? feed))
}

/** One entry per id in META_SEED_IDS.instagram, each for the platform behaviour it stands for. */
function instagramSeeds(kit: SeedKit, accounts: SeedAccounts): MediaSeed[] {
  const { rng, now } = kit
  const ig1 = accounts.meta.pages[0].instagram_id
  const ids = META_SEED_IDS.instagram
  const feed = { owner_id: ig1, media_type: "IMAGE", media_product_type: "FEED" } as const
  return [
    { base: { id: ids.image, ...feed, timestamp: minutesAgo(now, 2 * DAY) }, comments: [6, { newestMinutesAgo: 30, spacingMinutes: 47, replyEvery: 2 }] },
    { base: { id: ids.carousel, ...feed, media_type: "CAROUSEL_ALBUM", timestamp: minutesAgo(now, 4 * DAY) }, comments: [4, { newestMinutesAgo: 90, spacingMinutes: 60 }] },
    {
      base: { id: ids.reel, owner_id: ig1, media_type: "VIDEO", media_product_type: "REELS", timestamp: minutesAgo(now, 6 * DAY) },
      comments: [8, { newestMinutesAgo: 15, spacingMinutes: 33, replyEvery: 3 }],
      insights: (likes, comments) => reelInsights(rng, likes, comments),
    },
    {
      base: { id: ids.story, ...feed, media_product_type: "STORY", timestamp: minutesAgo(now, 3 * 60), like_count: 0 },
      insights: () => ({ views: 640, reach: 412, shares: 3, reposts: 0, total_interactions: 9, follows: 1, profile_visits: 14, profile_activity: 2, replies: 4, navigation: 380, link_clicks: 6 }),
    },
    {
      base: { id: ids.storyFewViewers, ...feed, media_product_type: "STORY", timestamp: minutesAgo(now, 60), like_count: 0 },
      insights: () => ({ views: 4, reach: 3, shares: 0, reposts: 0, total_interactions: 0, follows: 0, profile_visits: 0, profile_activity: 0, replies: 0, navigation: 3 }),
    },
    { base: { id: ids.hiddenLikes, ...feed, timestamp: minutesAgo(now, 8 * DAY), hide_like_count: true }, comments: [3, { newestMinutesAgo: 200, spacingMinutes: 120 }] },
    { base: { id: ids.manyComments, ...feed, timestamp: minutesAgo(now, 10 * DAY) }, comments: [75, { newestMinutesAgo: 5, spacingMinutes: 11, replyEvery: 10 }] },
    { base: { id: ids.feedVideo, ...feed, media_type: "VIDEO", timestamp: minutesAgo(now, 12 * DAY) }, comments: [2, { newestMinutesAgo: 300, spacingMinutes: 60 }] },
    { base: { id: ids.deleted, ...feed, timestamp: minutesAgo(now, 20 * DAY), deleted: true } },
    {
      base: { id: ids.legacyImage, ...feed, timestamp: "2024-05-01T09:00:00.000Z" },
      comments: [2, { newestMinutesAgo: 900 * DAY, spacingMinutes: 60 }],
      insights: (likes, comments) => ({ ...feedInsights(rng, likes, comments), impressions: rng.int(2000, 9000) }),
    },
    { base: { id: ids.secondAccountImage, ...feed, owner_id: accounts.meta.pages[1].instagram_id, timestamp: minutesAgo(now, DAY) }, comments: [2, { newestMinutesAgo: 45, spacingMinutes: 30 }] },
  ]
}

function reelInsights(rng: SeedRng, likes: number, comments: number): Record<string, number> {
  const reach = rng.int(3000, 20000)
  const saved = rng.int(10, 200)
  const shares = rng.int(5, 150)
  return {
    views: reach * 2,
    reach,
    likes,
    comments,
    saved,
    shares,
    reposts: rng.int(0, 25),
    total_interactions: likes + comments + saved + shares,
    ig_reels_avg_watch_time: rng.int(3000, 14000),
    ig_reels_video_view_total_time: reach * rng.int(4000, 9000),
    reels_skip_rate: Math.round(rng.next() * 1000) / 1000,
    facebook_views: rng.int(0, 500),
    crossposted_views: rng.int(0, 500),
  }
}

/** One entry per id in META_SEED_IDS.facebook. */
function seedFacebookPosts(kit: SeedKit, accounts: SeedAccounts): FacebookPostFixture[] {
  const [page1, page2] = accounts.meta.pages
  const fb = META_SEED_IDS.facebook
  const { commentsOf } = kit
  return [
    facebookPost(kit, fb.text, page1.id, DAY, { shares: 12, comments: commentsOf(7, { newestMinutesAgo: 20, spacingMinutes: 40, replyEvery: 3 }) }),
    facebookPost(kit, fb.photoNoShares, page1.id, 3 * DAY, { shares: 0, photo: true, comments: commentsOf(3, { newestMinutesAgo: 100, spacingMinutes: 50 }) }),
    facebookPost(kit, fb.video, page1.id, 5 * DAY, { shares: 40, isVideo: true, comments: commentsOf(5, { newestMinutesAgo: 60, spacingMinutes: 25, replyEvery: 2 }) }),
    facebookPost(kit, fb.manyComments, page1.id, 7 * DAY, { shares: 3, comments: commentsOf(130, { newestMinutesAgo: 2, spacingMinutes: 9, replyEvery: 20 }) }),
    facebookPost(kit, fb.deleted, page1.id, 9 * DAY, { shares: 1, comments: [], deleted: true }),
    facebookPost(kit, fb.secondPagePost, page2.id, 2 * DAY, { shares: 5, comments: commentsOf(2, { newestMinutesAgo: 70, spacingMinutes: 20 }) }),
  ]
}

function facebookPost(
  { rng, now }: SeedKit,
  id: string,
  pageId: string,
  ageMinutes: number,
  opts: { shares?: number; comments: CommentFixture[]; isVideo?: boolean; photo?: boolean; deleted?: boolean }
): FacebookPostFixture {
  const reactions: Partial<Record<FacebookReactionType, number>> = {}
  for (const type of REACTION_TYPES) {
    // Not every type occurs on every post; absent means 0, as on Graph.
    if (type === "LIKE" || rng.next() < 0.6) reactions[type] = type === "LIKE" ? rng.int(20, 400) : rng.int(1, 40)
  }
  const mediaViews = rng.int(1500, 30000)
  const clicks = rng.int(10, 600)
  const insights: Record<string, number> = {
    post_media_view: mediaViews,
    post_total_media_view_unique: Math.round(mediaViews * 0.7),
    post_clicks: clicks,
  }
  if (opts.isVideo) insights.post_video_views = rng.int(400, 9000)
  return {
    id,
    page_id: pageId,
    message: sentence(rng, 6, 16),
    created_time: minutesAgo(now, ageMinutes),
    permalink_url: `https://www.facebook.com/${pageId}/posts/${id.split("_")[1]}`,
    shares: opts.shares,
    reactions,
    comments: opts.comments,
    insights,
    is_video: opts.isVideo,
    full_picture: opts.photo || opts.isVideo ? `https://scontent.sandbox.local/${id}.jpg` : undefined,
    deleted: opts.deleted,
  }
}

/**
 * `n` Instagram media and `m` Facebook posts spread round-robin over the accounts, with few
 * comments each so 10,000 posts stay in the low tens of megabytes.
 */
export function workloadMeta(
  rng: SeedRng,
  counts: { instagram: number; facebook: number },
  accounts: SeedAccounts
): { tokens: TokenFixture[]; instagram: InstagramMediaFixture[]; facebook: FacebookPostFixture[] } {
  const now = accounts.now
  const pages = accounts.meta.pages
  const nextComment = commentIdFactory("188")
  const tokens: TokenFixture[] = pages.map((p) => ({ token: p.token, family: "meta", account_id: p.id, account_name: p.name, linked_account_ids: [p.instagram_id] }))

  const products: { media_type: InstagramMediaFixture["media_type"]; media_product_type: InstagramMediaFixture["media_product_type"] }[] = [
    { media_type: "IMAGE", media_product_type: "FEED" },
    { media_type: "CAROUSEL_ALBUM", media_product_type: "FEED" },
    { media_type: "VIDEO", media_product_type: "REELS" },
    { media_type: "VIDEO", media_product_type: "FEED" },
  ]
  const instagram: InstagramMediaFixture[] = new Array(counts.instagram)
  for (let i = 0; i < counts.instagram; i++) {
    const page = pages[i % pages.length]
    const kind = products[i % products.length]
    const likes = rng.int(0, 2000)
    const comments = makeComments(rng, now, rng.int(0, 3), nextComment, { newestMinutesAgo: rng.int(1, 600), spacingMinutes: 17 })
    const insights = feedInsights(rng, likes, comments.length)
    if (kind.media_product_type === "REELS") {
      delete insights.follows
      delete insights.profile_visits
      delete insights.profile_activity
      insights.ig_reels_avg_watch_time = rng.int(2000, 15000)
      insights.ig_reels_video_view_total_time = insights.reach * 5000
      insights.reels_skip_rate = Math.round(rng.next() * 1000) / 1000
    }
    instagram[i] = {
      id: `18${String(i + 1).padStart(15, "0")}`,
      owner_id: page.instagram_id,
      ...kind,
      permalink: `https://www.instagram.com/p/WL${i + 1}/`,
      caption: sentence(rng, 3, 6),
      timestamp: minutesAgo(now, 60 + i * 7),
      like_count: likes,
      hide_like_count: i % 97 === 0 ? true : undefined,
      comments,
      insights,
    }
  }

  const facebook: FacebookPostFixture[] = new Array(counts.facebook)
  for (let i = 0; i < counts.facebook; i++) {
    const page = pages[i % pages.length]
    const isVideo = i % 5 === 0
    const views = rng.int(100, 50000)
    const postId = `${page.id}_${String(800000000000000 + i + 1)}`
    const shares = rng.int(0, 30)
    facebook[i] = {
      id: postId,
      page_id: page.id,
      message: sentence(rng, 3, 8),
      created_time: minutesAgo(now, 60 + i * 11),
      permalink_url: `https://www.facebook.com/${page.id}/posts/${postId.split("_")[1]}`,
      shares,
      reactions: { LIKE: rng.int(0, 500), LOVE: rng.int(0, 50), WOW: rng.int(0, 10) },
      comments: makeComments(rng, now, rng.int(0, 3), nextComment, { newestMinutesAgo: rng.int(1, 600), spacingMinutes: 23 }),
      insights: {
        post_media_view: views,
        post_total_media_view_unique: Math.round(views * 0.7),
        post_clicks: rng.int(0, 900),
        ...(isVideo ? { post_video_views: rng.int(0, 9000) } : {}),
      },
      is_video: isVideo || undefined,
    }
  }
  return { tokens, instagram, facebook }
}
