import type { SeedAccounts, SeedRng, TokenFixture, TweetFixture } from "../types"

/** Placeholder until the X seed lands (owned by the X/LinkedIn helper). */
export function seedX(_rng: SeedRng, _accounts: SeedAccounts): { tokens: TokenFixture[]; tweets: TweetFixture[] } {
  return { tokens: [], tweets: [] }
}

export function workloadX(_rng: SeedRng, _n: number, _accounts: SeedAccounts): { tokens: TokenFixture[]; tweets: TweetFixture[] } {
  return { tokens: [], tweets: [] }
}
