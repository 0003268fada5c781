import type { LinkedInSandboxOptions, SandboxContext } from "../types"

const DAY_MS = 24 * 3600 * 1000

/** Access tokens live 60 days (§5.1). */
export const LINKEDIN_DEFAULT_TOKEN_TTL_SECONDS = 60 * 24 * 3600
/** Refresh tokens live 365 days from the original grant and keep that expiry across refreshes. */
export const LINKEDIN_REFRESH_TOKEN_TTL_MS = 365 * DAY_MS
/** A LinkedIn-Version answers for 12 months after its release month, then 426 (§5.1). */
const VERSION_LIFETIME_MONTHS = 12
/** Largest comments page honoured (UNCONFIRMED, §5.3; common client code uses 100). */
const COMMENTS_MAX_COUNT = 100

/**
 * Standard-tier daily quotas are not published (§5.6); these defaults only need to be out of a
 * demo's reach. The development tier numbers are the documented ones.
 */
const DAILY_LIMITS = {
  standard: { app: 100_000, member: 25_000 },
  development: { app: 500, member: 100 },
} as const

export function linkedInOptions(ctx: SandboxContext): LinkedInSandboxOptions {
  return ctx.options.linkedin ?? {}
}

export function isDevelopmentTier(ctx: SandboxContext): boolean {
  return linkedInOptions(ctx).tier === "development"
}

export function dailyLimits(ctx: SandboxContext): { app: number; member: number } {
  const options = linkedInOptions(ctx)
  const tier = DAILY_LIMITS[options.tier ?? "standard"]
  return { app: options.dailyAppLimit ?? tier.app, member: options.dailyMemberLimit ?? tier.member }
}

export function commentsMaxCount(ctx: SandboxContext): number {
  return linkedInOptions(ctx).commentsMaxCount ?? COMMENTS_MAX_COUNT
}

/** "202508" or "202508.01" (a patch release of that month). */
const VERSION_PATTERN = /^(\d{4})(\d{2})(?:\.\d{2})?$/

/** Whether a LinkedIn-Version header value is currently served. */
export function isActiveVersion(ctx: SandboxContext, version: string): boolean {
  const match = VERSION_PATTERN.exec(version)
  if (!match) return false
  const month = Number(match[2])
  if (month < 1 || month > 12) return false
  const listed = linkedInOptions(ctx).activeVersions
  if (listed) return listed.includes(`${match[1]}${match[2]}`)
  const now = new Date(ctx.now())
  const age = now.getUTCFullYear() * 12 + now.getUTCMonth() - (Number(match[1]) * 12 + month - 1)
  return age >= 0 && age < VERSION_LIFETIME_MONTHS
}
