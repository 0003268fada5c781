import { createRng } from "./core/rng"
import { seedLinkedIn, workloadLinkedIn } from "./linkedin/seed"
import { META_DEMO_TOKENS, META_SEED_IDS, seedMeta, workloadMeta } from "./meta/seed"
import type { SandboxFixtures, SeedAccounts } from "./types"
import { seedX, workloadX } from "./x/seed"

export { createRng } from "./core/rng"
export { META_DEMO_TOKENS, META_SEED_IDS } from "./meta/seed"

/** The tokens `npm run sandbox` prints; each reads the first account of its family. */
export const DEMO_TOKENS = {
  meta: META_DEMO_TOKENS.page,
  instagram: META_DEMO_TOKENS.instagram,
  x: "x-demo-token",
  linkedin: "linkedin-demo-token",
} as const

/** The accounts of the default data set. X / LinkedIn seeds receive them to key their fixtures on. */
export function defaultAccounts(now: number): SeedAccounts {
  return {
    now,
    meta: {
      pages: [
        { id: META_SEED_IDS.pages[0], name: "Sandbox Coffee Co.", instagram_id: META_SEED_IDS.instagramUsers[0], token: META_DEMO_TOKENS.page },
        { id: META_SEED_IDS.pages[1], name: "Sandbox Bakery", instagram_id: META_SEED_IDS.instagramUsers[1], token: META_DEMO_TOKENS.secondPage },
      ],
    },
    x: {
      users: [
        { id: "1500000000000000001", username: "sandbox_coffee", token: DEMO_TOKENS.x },
        { id: "1500000000000000002", username: "sandbox_bakery", token: "x-second-token" },
      ],
    },
    linkedin: {
      organizations: [
        { urn: "urn:li:organization:90000001", name: "Sandbox Coffee Co.", token: DEMO_TOKENS.linkedin },
        { urn: "urn:li:organization:90000002", name: "Sandbox Bakery", token: "linkedin-second-token" },
      ],
    },
  }
}

/**
 * The default data set: same seed, same data (dates are relative to `now`, so pin the sandbox
 * clock for byte-identical runs). Each family's builder gets its own PRNG stream so adding a
 * fixture to one family does not reshuffle the others.
 */
export function buildSeed({ seed = 1, now = Date.now() }: { seed?: number; now?: number } = {}): SandboxFixtures {
  const accounts = defaultAccounts(now)
  const meta = seedMeta(createRng(seed), accounts)
  const x = seedX(createRng(seed + 1), accounts)
  const linkedin = seedLinkedIn(createRng(seed + 2), accounts)
  return {
    tokens: [...meta.tokens, ...x.tokens, ...linkedin.tokens],
    instagram: meta.instagram,
    facebook: meta.facebook,
    tweets: x.tweets,
    linkedin: linkedin.linkedin,
  }
}

export interface WorkloadOptions {
  seed?: number
  /** Number of posts per family. */
  instagram?: number
  facebook?: number
  x?: number
  linkedin?: number
  /** Accounts per family the posts are spread over (default 1). */
  accounts?: number
  /** Reference time posts are dated back from (default Date.now()). */
  now?: number
}

/**
 * Benchmark-sized data set, built in one O(N) pass. Its ids and tokens (`bench-meta-token-0`,
 * `bench-x-token-0`, `bench-linkedin-token-0`, ...) don't collide with the default seed, so it can
 * be added to it or replace it. The accounts are returned for the benchmark to configure itself.
 */
export function generateWorkload(opts: WorkloadOptions = {}): SandboxFixtures & { accounts: SeedAccounts } {
  const seed = opts.seed ?? 1
  const accounts = workloadAccounts(opts.accounts ?? 1, opts.now ?? Date.now())
  const meta = workloadMeta(createRng(seed), { instagram: opts.instagram ?? 0, facebook: opts.facebook ?? 0 }, accounts)
  const x = workloadX(createRng(seed + 1), opts.x ?? 0, accounts)
  const linkedin = workloadLinkedIn(createRng(seed + 2), opts.linkedin ?? 0, accounts)
  return {
    tokens: [...meta.tokens, ...x.tokens, ...linkedin.tokens],
    instagram: meta.instagram,
    facebook: meta.facebook,
    tweets: x.tweets,
    linkedin: linkedin.linkedin,
    accounts,
  }
}

export function workloadAccounts(count: number, now: number): SeedAccounts {
  const n = Math.max(1, Math.floor(count))
  const range = Array.from({ length: n }, (_, i) => i)
  return {
    now,
    meta: {
      pages: range.map((i) => ({
        id: String(105000000000000 + i + 1),
        name: `Bench Page ${i + 1}`,
        instagram_id: String(17842400000000000n + BigInt(i + 1)),
        token: `bench-meta-token-${i}`,
      })),
    },
    x: { users: range.map((i) => ({ id: String(1600000000000000000n + BigInt(i + 1)), username: `bench_user_${i}`, token: `bench-x-token-${i}` })) },
    linkedin: {
      organizations: range.map((i) => ({ urn: `urn:li:organization:${91000000 + i + 1}`, name: `Bench Org ${i + 1}`, token: `bench-linkedin-token-${i}` })),
    },
  }
}
