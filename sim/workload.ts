import { createRng, generateWorkload } from "../sandbox/seed"
import type { SandboxFixtures } from "../sandbox/types"
import type { ThreadsFixtures, ThreadsMediaFixture } from "../sandbox/threads/types"
import { platformSeeds, POST_ID_KEY as BENCH_POST_ID_KEY, type PlatformSeed } from "../bench/workload"

/**
 * The simulated shop: accounts on every platform and posts published at a steady
 * pace over a long history, continuing through the simulated days (posts dated after
 * the start are published when the virtual clock reaches them). Deterministic for a
 * spec: the sandbox fixtures and the database rows come from the same call.
 */

export type SimProvider = "instagram" | "facebook" | "twitter" | "linkedin" | "threads"
export const SIM_PROVIDERS: SimProvider[] = ["instagram", "facebook", "twitter", "linkedin", "threads"]

/** Share of the posts per platform (renormalised over the platforms a run includes). */
export const SIM_SHARE: Record<SimProvider, number> = { instagram: 0.25, facebook: 0.25, twitter: 0.2, linkedin: 0.15, threads: 0.15 }

export const POST_ID_KEY: Record<SimProvider, string> = { ...BENCH_POST_ID_KEY, threads: "threads_media_id" }

const DAY = 86_400_000

/**
 * Default virtual start: a Monday at midnight UTC on the first of a month (X spend's month
 * starts with the run), inside the window where the sandbox serves the LinkedIn-Version the
 * plugin sends (202610: October 2026 to September 2027; the sandbox dates versions on its clock).
 */
export const SIM_DEFAULT_START = "2027-03-01T00:00:00Z"

export interface SimWorkloadSpec {
  /** All posts, those published during the run included. */
  posts: number
  /** Accounts per platform. */
  accounts: number
  /** Simulated days. */
  days: number
  seed: number
  /** Virtual start (epoch ms). */
  start: number
  /** Platforms with accounts (default all five). */
  providers?: SimProvider[]
  /**
   * How far back the oldest post is, in days. Default: what a steady `postsPerAccountPerDay`
   * gives for this many posts and accounts (100,000 posts over 50 accounts at 2 a day: about 990 days).
   */
  historyDays?: number
  postsPerAccountPerDay?: number
}

export interface SimAccount extends Omit<PlatformSeed, "provider"> {
  provider: SimProvider
}

export interface SimPost {
  accountKey: string
  provider: SimProvider
  platformPostId: string
  media_type: "IMAGE" | "VIDEO" | "CAROUSEL_ALBUM" | "REELS" | "TEXT"
  /** Epoch ms. */
  postedAt: number
}

export interface SimWorkload {
  spec: Required<Omit<SimWorkloadSpec, "historyDays" | "postsPerAccountPerDay">> & { historyDays: number }
  accounts: SimAccount[]
  /** By publication time. */
  posts: SimPost[]
  fixtures: SandboxFixtures
  threads: ThreadsFixtures
}

export function resolveHistoryDays(spec: SimWorkloadSpec): number {
  if (spec.historyDays !== undefined) return spec.historyDays
  const providers = spec.providers ?? SIM_PROVIDERS
  const perDay = (spec.postsPerAccountPerDay ?? 2) * spec.accounts * providers.length
  return Math.max(1, spec.posts / perDay - spec.days)
}

function postCounts(posts: number, providers: SimProvider[]): Record<SimProvider, number> {
  const total = providers.reduce((s, p) => s + SIM_SHARE[p], 0)
  const counts = Object.fromEntries(SIM_PROVIDERS.map((p) => [p, 0])) as Record<SimProvider, number>
  let left = posts
  providers.forEach((p, i) => {
    counts[p] = i === providers.length - 1 ? left : Math.round((posts * SIM_SHARE[p]) / total)
    left -= counts[p]
  })
  return counts
}

export function buildSimWorkload(input: SimWorkloadSpec): SimWorkload {
  const providers = input.providers ?? SIM_PROVIDERS
  const historyDays = resolveHistoryDays(input)
  const spec = { posts: input.posts, accounts: input.accounts, days: input.days, seed: input.seed, start: input.start, providers, historyDays }
  const counts = postCounts(spec.posts, providers)
  const generated = generateWorkload({
    seed: spec.seed,
    accounts: spec.accounts,
    now: spec.start,
    instagram: counts.instagram,
    facebook: counts.facebook,
    x: counts.twitter,
    linkedin: counts.linkedin,
  })
  const rng = createRng(spec.seed + 11)
  const from = spec.start - historyDays * DAY
  const span = (historyDays + spec.days) * DAY
  // Uniform publication times: a steady pace, the same for every platform.
  const when = () => Math.floor(from + rng.next() * span)
  const iso = (ms: number) => new Date(ms).toISOString()

  for (const m of generated.instagram) m.timestamp = iso(when())
  for (const p of generated.facebook) p.created_time = iso(when())
  for (const t of generated.tweets) {
    const posted = when()
    t.created_at = iso(posted)
    // Replies come in over the post's first days; search/recent shows only those already written.
    t.replies.forEach((r, i) => (r.created_at = iso(posted + (i + 1) * rng.int(5, 36 * 60) * 60_000)))
  }
  for (const l of generated.linkedin) l.created_at = when()

  const threadsUsers = Array.from({ length: providers.includes("threads") ? spec.accounts : 0 }, (_, i) => ({
    id: String(26000000000000000n + BigInt(i + 1)),
    username: `sim_threads_${i}`,
    token: `sim-threads-token-${i}`,
  }))
  const threads: ThreadsFixtures = {
    tokens: threadsUsers.map((u) => ({ token: u.token, user_id: u.id, username: u.username, issued_at: spec.start - 30 * DAY, expires_at: spec.start + 90 * DAY, followers_count: 500 })),
    media: Array.from({ length: counts.threads }, (_, i) => threadsMedia(rng, i, threadsUsers[i % threadsUsers.length], when())),
  }

  const accountSeeds: SimAccount[] = [
    ...platformSeeds(generated.accounts).filter((a) => providers.includes(a.provider)),
    ...threadsUsers.map((u) => ({ key: `threads:${u.id}`, provider: "threads" as const, name: u.username, account_id: u.id, access_token: u.token })),
  ]
  const posts: SimPost[] = [
    ...generated.instagram.map((m) => ({
      accountKey: `instagram:${m.owner_id}`,
      provider: "instagram" as const,
      platformPostId: m.id,
      media_type: (m.media_product_type === "REELS" ? "REELS" : m.media_type) as SimPost["media_type"],
      postedAt: Date.parse(m.timestamp),
    })),
    ...generated.facebook.map((p) => ({ accountKey: `facebook:${p.page_id}`, provider: "facebook" as const, platformPostId: p.id, media_type: (p.is_video ? "VIDEO" : "IMAGE") as SimPost["media_type"], postedAt: Date.parse(p.created_time) })),
    ...generated.tweets.map((t) => ({
      accountKey: `twitter:${t.author_id}`,
      provider: "twitter" as const,
      platformPostId: t.id,
      media_type: (t.media?.some((m) => m.type === "video") ? "VIDEO" : "TEXT") as SimPost["media_type"],
      postedAt: Date.parse(t.created_at),
    })),
    ...generated.linkedin.map((l) => ({ accountKey: `linkedin:${l.organization}`, provider: "linkedin" as const, platformPostId: l.urn, media_type: (l.video ? "VIDEO" : "TEXT") as SimPost["media_type"], postedAt: l.created_at ?? spec.start })),
    ...threads.media.map((m) => ({ accountKey: `threads:${m.owner_id}`, provider: "threads" as const, platformPostId: m.id, media_type: (m.media_type === "IMAGE" ? "IMAGE" : "TEXT") as SimPost["media_type"], postedAt: Date.parse(m.timestamp) })),
  ].sort((a, b) => a.postedAt - b.postedAt)

  const { accounts: _accounts, ...fixtures } = generated
  return { spec, accounts: accountSeeds, posts, fixtures, threads }
}

function threadsMedia(rng: ReturnType<typeof createRng>, i: number, owner: { id: string; username: string }, postedAt: number): ThreadsMediaFixture {
  const id = `1807${String(i + 1).padStart(13, "0")}`
  const shortcode = `Sim${i + 1}`
  const replies = Array.from({ length: rng.int(0, 3) }, (_, j) => ({
    id: `1808${String(i * 10 + j + 1).padStart(13, "0")}`,
    text: `reply ${j + 1}`,
    username: `fan_${j}`,
    timestamp: new Date(postedAt + (j + 1) * rng.int(5, 600) * 60_000).toISOString(),
  }))
  const views = rng.int(50, 20_000)
  return {
    id,
    owner_id: owner.id,
    media_type: i % 3 === 0 ? "IMAGE" : "TEXT_POST",
    permalink: `https://www.threads.net/@${owner.username}/post/${shortcode}`,
    shortcode,
    text: `Simulated thread ${i + 1}`,
    timestamp: new Date(postedAt).toISOString().replace(/\.\d{3}Z$/, "+0000"),
    insights: { views, likes: rng.int(0, Math.floor(views / 20)), replies: replies.length, reposts: rng.int(0, 10), quotes: rng.int(0, 3), shares: rng.int(0, 5) },
    replies,
  }
}
