import type { ZodType } from "@medusajs/framework/zod"
import type { PlatformFacts } from "./catalog"
import type { PlatformDialect } from "./http/dialect"
import type { RenewOutcome } from "./shared/token-manager"
import type { PostSyncResult, SyncContext, SyncTarget } from "./types"

/**
 * How a platform's settings are read: module options first, then the environment
 * variables named in `env`. The slice is resolved once at boot (a bad value fails
 * it, naming the option) and handed to the platform as `config[key]`.
 */
export interface PlatformConfigSlice<Config = unknown> {
  /** Option name -> environment variable it falls back to. */
  readonly env: Readonly<Record<string, string>>
  readonly schema: ZodType
  /**
   * Where the resolved slice lives on the module config; absent for the platforms
   * whose options are still flat keys of `socialsConfigSchema` (platforms/config.ts).
   */
  readonly key?: string
  /** Resolves the slice (options beat environment); throws naming the bad option. */
  readonly from?: (options: unknown, env: Record<string, string | undefined>) => Config
}

/** The platform's wire dialect lives with the HTTP layer that reads it (no arrow back up). */
export type { PlatformDialect } from "./http/dialect"

/**
 * One platform, as a provider contract: the catalog's facts (ids, names, id field,
 * block, budget, admin display) plus its server half. Each platform folder exports
 * one (`platforms/<platform>/definition.ts`); `platforms/registry.ts` lists them.
 */
export interface PlatformDefinition<Client = unknown> extends PlatformFacts, PlatformDialect {
  /** The catalog's pattern as a check (the sync refuses an id that fails it without a call). */
  isValidPostId(id: string): boolean
  readonly config: PlatformConfigSlice
  /** The platform's HTTP client for one account (auth, token refresh, budgets). */
  createClient(ctx: SyncContext): Client
  /** Syncs one account's posts; one result per target, never a throw for one post's failure. */
  sync(ctx: SyncContext, targets: SyncTarget[]): Promise<PostSyncResult[]>

  // Room for the next issues (connecting accounts, importing posts).
  connect?(ctx: SyncContext): Promise<{ accountId: string; name?: string }>
  listPosts?(ctx: SyncContext, options: { since?: Date; limit: number }): Promise<{ platformPostId: string; postedAt?: string; permalink?: string }[]>
  resolvePostUrl?(url: string): string | undefined
  /**
   * Renews the account's token now through its client (the daily token job, ahead of
   * expiry). Absent: this platform's tokens cannot be renewed (Meta Page tokens do not
   * expire by themselves; the rest must be reconnected).
   */
  renewToken?(ctx: SyncContext): Promise<RenewOutcome>
}

/** A definition from its catalog facts, with `isValidPostId` from the facts' pattern. */
export function definePlatform<Client>(
  facts: PlatformFacts,
  server: Omit<PlatformDefinition<Client>, keyof PlatformFacts | "isValidPostId"> & { isValidPostId?: (id: string) => boolean }
): PlatformDefinition<Client> {
  return { ...facts, isValidPostId: (id) => facts.postIdPattern.test(id), ...server }
}
