import { createRng, generateWorkload } from "../sandbox/seed"
import { commentIdFactory, makeComments } from "../sandbox/meta/seed"
import type { SandboxFixtures, SeedAccounts } from "../sandbox/types"

/** The default mix: 300 Instagram, 300 Facebook, 250 X, 150 LinkedIn per 1,000 posts. */
export const PLATFORM_SHARE = { instagram: 0.3, facebook: 0.3, x: 0.25, linkedin: 0.15 } as const

/**
 * Every this-many Instagram posts gets more than one page (50) of top-level
 * comments; 7 is coprime with the default 10 accounts, so every account has some.
 */
const IG_MANY_COMMENTS_EVERY = 7

export type Provider = "instagram" | "facebook" | "twitter" | "linkedin"
export const PROVIDERS: Provider[] = ["instagram", "facebook", "twitter", "linkedin"]

export interface WorkloadSpec {
  posts: number
  accounts: number
  seed: number
  /** Pinned clock: the sandbox and the database seed must agree on every date. */
  now: number
}

export type BenchWorkload = SandboxFixtures & { accounts: SeedAccounts }

/** Deterministic for a given spec: the orchestrator and the seeder build the same data. */
export function buildWorkload(spec: WorkloadSpec): BenchWorkload {
  const counts = {
    instagram: Math.round(spec.posts * PLATFORM_SHARE.instagram),
    facebook: Math.round(spec.posts * PLATFORM_SHARE.facebook),
    x: Math.round(spec.posts * PLATFORM_SHARE.x),
    linkedin: 0,
  }
  counts.linkedin = Math.max(0, spec.posts - counts.instagram - counts.facebook - counts.x)
  const workload = generateWorkload({ seed: spec.seed, accounts: spec.accounts, now: spec.now, ...counts })

  // The generator gives every post 0-3 comments; the issue wants some Instagram posts
  // past the first comments page (50), a few past the 100 we keep.
  const rng = createRng(spec.seed + 7)
  const nextId = commentIdFactory("189")
  workload.instagram.forEach((media, i) => {
    if (i % IG_MANY_COMMENTS_EVERY !== IG_MANY_COMMENTS_EVERY - 1) return
    media.comments = makeComments(rng, spec.now, rng.int(51, 160), nextId, { newestMinutesAgo: rng.int(1, 60), spacingMinutes: 3 })
    media.insights.comments = media.comments.length
  })
  return workload
}

/** One `social_platform` row per account and provider (Instagram and Facebook share the Page token). */
export interface PlatformSeed {
  key: string
  provider: Provider
  name: string
  account_id: string
  access_token: string
  auth_type?: "user_context"
}

/** One `social_post` row; `insights` carries only the platform's own post id. */
export interface PostSeed {
  platformKey: string
  provider: Provider
  platformPostId: string
  media_type: "IMAGE" | "VIDEO" | "CAROUSEL_ALBUM" | "REELS" | "TEXT"
  posted_at: string
}

export const POST_ID_KEY: Record<Provider, string> = {
  instagram: "instagram_media_id",
  facebook: "facebook_post_id",
  twitter: "twitter_tweet_id",
  linkedin: "linkedin_post_urn",
}

export function platformSeeds(accounts: SeedAccounts): PlatformSeed[] {
  const rows: PlatformSeed[] = []
  accounts.meta.pages.forEach((page, i) => {
    rows.push({ key: `instagram:${page.instagram_id}`, provider: "instagram", name: `Bench IG ${i + 1}`, account_id: page.instagram_id, access_token: page.token })
    rows.push({ key: `facebook:${page.id}`, provider: "facebook", name: page.name, account_id: page.id, access_token: page.token })
  })
  for (const user of accounts.x.users) {
    rows.push({ key: `twitter:${user.id}`, provider: "twitter", name: user.username, account_id: user.id, access_token: user.token, auth_type: "user_context" })
  }
  for (const org of accounts.linkedin.organizations) {
    rows.push({ key: `linkedin:${org.urn}`, provider: "linkedin", name: org.name, account_id: org.urn, access_token: org.token })
  }
  return rows
}

/**
 * How the posts' ids are ordered (the bulk sync pages through never-synced posts by id):
 * "time" creates them in publication order, platforms interleaved, as a shop would;
 * "account" creates each account's posts together.
 */
export type SeedOrder = "time" | "account"

export function orderedPostSeeds(workload: BenchWorkload, order: SeedOrder): PostSeed[] {
  const seeds = [...postSeeds(workload)]
  if (order === "account") return seeds.sort((a, b) => (a.platformKey < b.platformKey ? -1 : a.platformKey > b.platformKey ? 1 : 0))
  return seeds.sort((a, b) => Date.parse(a.posted_at) - Date.parse(b.posted_at))
}

/** Posts by platform, as generated. */
export function* postSeeds(workload: BenchWorkload): Generator<PostSeed> {
  for (const m of workload.instagram) {
    const media_type = m.media_product_type === "REELS" ? "REELS" : m.media_type
    yield { platformKey: `instagram:${m.owner_id}`, provider: "instagram", platformPostId: m.id, media_type, posted_at: m.timestamp }
  }
  for (const p of workload.facebook) {
    yield { platformKey: `facebook:${p.page_id}`, provider: "facebook", platformPostId: p.id, media_type: p.is_video ? "VIDEO" : "IMAGE", posted_at: p.created_time }
  }
  for (const t of workload.tweets) {
    const video = t.media?.some((m) => m.type === "video")
    yield { platformKey: `twitter:${t.author_id}`, provider: "twitter", platformPostId: t.id, media_type: video ? "VIDEO" : "TEXT", posted_at: t.created_at }
  }
  for (const l of workload.linkedin) {
    const postedAt = new Date(l.created_at ?? workload.accounts.now).toISOString()
    yield { platformKey: `linkedin:${l.organization}`, provider: "linkedin", platformPostId: l.urn, media_type: l.video ? "VIDEO" : "TEXT", posted_at: postedAt }
  }
}
