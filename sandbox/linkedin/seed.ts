import type { LinkedInPostFixture, SeedAccounts, SeedRng, TokenFixture } from "../types"

/** Placeholder until the LinkedIn seed lands (owned by the X/LinkedIn helper). */
export function seedLinkedIn(_rng: SeedRng, _accounts: SeedAccounts): { tokens: TokenFixture[]; linkedin: LinkedInPostFixture[] } {
  return { tokens: [], linkedin: [] }
}

export function workloadLinkedIn(_rng: SeedRng, _n: number, _accounts: SeedAccounts): { tokens: TokenFixture[]; linkedin: LinkedInPostFixture[] } {
  return { tokens: [], linkedin: [] }
}
