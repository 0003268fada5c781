import type { SandboxContext } from "../types"

/** `followers_count` set on a token fixture of that account (tests move it to simulate growth). */
export function configuredFollowers(ctx: SandboxContext, accountId: string): number | undefined {
  return ctx.fixtures.tokens.find((t) => t.account_id === accountId && t.followers_count !== undefined)?.followers_count
}
