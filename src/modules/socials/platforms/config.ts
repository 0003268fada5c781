import { z } from "@medusajs/framework/zod"
import { SOCIAL_PLATFORMS, type SocialPlatform } from "./catalog"
import { DEFAULT_BUDGETS } from "./http/rate-budget"
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./http/retry-policy"
import { DEFAULT_USAGE_THRESHOLDS } from "./http/usage-headers"

const url = z.url({ protocol: /^https?$/ })
const positiveInt = z.coerce.number().int().positive()
const nonNegativeInt = z.coerce.number().int().nonnegative()
const budget = z.object({ limit: positiveInt, windowMs: positiveInt })
/** One budget per platform of the catalog, defaulting to its own. */
const budgetsShape = Object.fromEntries(SOCIAL_PLATFORMS.map((p) => [p, budget.default(DEFAULT_BUDGETS[p])])) as Record<
  SocialPlatform,
  z.ZodDefault<typeof budget>
>

/** X replies cost a billed post read each; see `xRepliesInBulk`. */
export const X_REPLIES_MODES = ["always", "when_changed", "never"] as const

/**
 * Module options. Each URL/version option falls back to the environment variable
 * named in its comment, so the demo and tests can point the plugin at the sandbox.
 */
export const socialsConfigSchema = z.object({
  /** META_GRAPH_API_URL */
  metaGraphApiUrl: url.default("https://graph.facebook.com"),
  /** META_GRAPH_API_VERSION: v25.0 is current; v26.0 drops `?ids=` (we use the Batch API anyway). */
  metaGraphApiVersion: z.string().regex(/^v\d+\.\d+$/, "must look like v25.0").default("v25.0"),
  /** INSTAGRAM_GRAPH_API_URL: defaults to the Meta URL; https://graph.instagram.com for Instagram Login tokens. */
  instagramGraphApiUrl: url.optional(),
  /** X_API_URL */
  xApiUrl: url.default("https://api.x.com"),
  /** LINKEDIN_API_URL */
  linkedinApiUrl: url.default("https://api.linkedin.com"),
  /** LINKEDIN_API_VERSION (YYYYMM): sunset versions answer 426, so bump it regularly. */
  linkedinApiVersion: z.string().regex(/^\d{6}$/, "must be YYYYMM").default("202610"),
  /** X_CLIENT_ID / X_CLIENT_SECRET: needed to refresh X OAuth 2.0 user tokens. */
  xClientId: z.string().optional(),
  xClientSecret: z.string().optional(),
  /** LINKEDIN_CLIENT_ID / LINKEDIN_CLIENT_SECRET: needed to refresh LinkedIn tokens. */
  linkedinClientId: z.string().optional(),
  linkedinClientSecret: z.string().optional(),
  /** Per platform and per account. LINKEDIN_DAILY_CALL_BUDGET sets LinkedIn's daily limit. */
  budgets: z.object(budgetsShape).default(DEFAULT_BUDGETS),
  /**
   * Override the insights metrics asked per Instagram product type (FEED, REELS,
   * STORY, UNKNOWN) or for Facebook posts, e.g. when Meta adds or retires one before
   * a release catches up. Refused metrics are still dropped and remembered.
   */
  instagramMetrics: z.partialRecord(z.enum(["FEED", "REELS", "STORY", "UNKNOWN"]), z.array(z.string().regex(/^[a-z0-9_]+$/)).min(1)).optional(),
  facebookMetrics: z.array(z.string().regex(/^[a-z0-9_]+$/)).min(1).optional(),
  /** SOCIALS_SYNC_CONCURRENCY: posts in flight at once. */
  concurrency: positiveInt.default(5),
  /** SOCIALS_FRESHNESS_WINDOW_MS: posts synced more recently are skipped unless forced. */
  freshnessWindowMs: nonNegativeInt.default(3_600_000),
  /**
   * SOCIALS_SYNC_LOCK_SECONDS: lifetime of a per-post sync lock. A running sync renews
   * it every third of that, so it only bounds how long a killed process keeps its posts.
   */
  syncLockSeconds: positiveInt.default(120),
  /** SOCIALS_COMMENTS_LIMIT: newest comments kept per post. */
  commentsLimit: nonNegativeInt.max(1_000).default(100),
  /** SOCIALS_REQUEST_TIMEOUT_MS */
  requestTimeoutMs: positiveInt.default(10_000),
  /** SOCIALS_RETRY_BASE_DELAY_MS: tests shrink it. */
  retryBaseDelayMs: nonNegativeInt.default(DEFAULT_RETRY_POLICY.baseDelayMs),
  /** SOCIALS_MAX_RETRIES */
  maxRetries: nonNegativeInt.max(10).default(DEFAULT_RETRY_POLICY.maxRetries),
  /** SOCIALS_MAX_WAIT_MS: longest sleep inside one request before failing with "Rate limit exceeded". */
  maxWaitMs: nonNegativeInt.default(DEFAULT_RETRY_POLICY.maxWaitMs),
  /** Usage-header brakes (percent of the platform's limit). */
  usageSlowPercent: z.coerce.number().min(0).max(100).default(DEFAULT_USAGE_THRESHOLDS.slowPercent),
  usageStopPercent: z.coerce.number().min(0).max(100).default(DEFAULT_USAGE_THRESHOLDS.stopPercent),
  /**
   * SOCIALS_X_REPLIES_IN_BULK. Replies come from search/recent, one billed read per
   * reply, and only for the last 7 days. Default "when_changed": in bulk syncs only
   * when the reply count moved since the last sync. Single-post syncs always fetch.
   */
  xRepliesInBulk: z.enum(X_REPLIES_MODES).default("when_changed"),
  /**
   * X_FULL_ARCHIVE_SEARCH. search/recent sees the last 7 days only, so older posts get no
   * reply search. `true` when the X app has full-archive access (`search/all`, 1 request a
   * second): older posts' replies are searched there instead.
   */
  xFullArchiveSearch: z.preprocess((v) => (typeof v === "string" ? ["1", "true", "yes"].includes(v.trim().toLowerCase()) : v), z.boolean()).default(false),
})

export type SocialsConfigInput = z.input<typeof socialsConfigSchema>
export type SocialsConfig = z.output<typeof socialsConfigSchema> & { instagramGraphApiUrl: string }

const ENV_FALLBACKS: Record<string, string> = {
  metaGraphApiUrl: "META_GRAPH_API_URL",
  metaGraphApiVersion: "META_GRAPH_API_VERSION",
  instagramGraphApiUrl: "INSTAGRAM_GRAPH_API_URL",
  xApiUrl: "X_API_URL",
  linkedinApiUrl: "LINKEDIN_API_URL",
  linkedinApiVersion: "LINKEDIN_API_VERSION",
  xClientId: "X_CLIENT_ID",
  xClientSecret: "X_CLIENT_SECRET",
  linkedinClientId: "LINKEDIN_CLIENT_ID",
  linkedinClientSecret: "LINKEDIN_CLIENT_SECRET",
  concurrency: "SOCIALS_SYNC_CONCURRENCY",
  freshnessWindowMs: "SOCIALS_FRESHNESS_WINDOW_MS",
  commentsLimit: "SOCIALS_COMMENTS_LIMIT",
  syncLockSeconds: "SOCIALS_SYNC_LOCK_SECONDS",
  requestTimeoutMs: "SOCIALS_REQUEST_TIMEOUT_MS",
  retryBaseDelayMs: "SOCIALS_RETRY_BASE_DELAY_MS",
  maxRetries: "SOCIALS_MAX_RETRIES",
  maxWaitMs: "SOCIALS_MAX_WAIT_MS",
  xRepliesInBulk: "SOCIALS_X_REPLIES_IN_BULK",
  xFullArchiveSearch: "X_FULL_ARCHIVE_SEARCH",
}

/** Options beat environment; blank strings count as unset. Throws naming the bad option. */
export function resolveSocialsConfig(options: unknown = {}, env: Record<string, string | undefined> = process.env): SocialsConfig {
  const given: Record<string, unknown> = options && typeof options === "object" ? { ...(options as Record<string, unknown>) } : {}
  for (const [key, envName] of Object.entries(ENV_FALLBACKS)) {
    const value = env[envName]
    if ((given[key] === undefined || given[key] === "") && value !== undefined && value.trim() !== "") given[key] = value.trim()
  }
  const budgetsFromEnv = parseBudgetsEnv(env.SOCIALS_BUDGETS)
  if (budgetsFromEnv) {
    // Per platform: a budget given as an option beats the variable's.
    const budgets = given.budgets && typeof given.budgets === "object" ? (given.budgets as Record<string, unknown>) : {}
    given.budgets = { ...budgetsFromEnv, ...Object.fromEntries(Object.entries(budgets).filter(([, v]) => v !== undefined)) }
  }
  const linkedinDaily = env.LINKEDIN_DAILY_CALL_BUDGET
  if (linkedinDaily && linkedinDaily.trim() !== "") {
    const budgets = given.budgets && typeof given.budgets === "object" ? { ...(given.budgets as Record<string, unknown>) } : {}
    if (budgets.linkedin === undefined) budgets.linkedin = { limit: linkedinDaily.trim(), windowMs: 86_400_000 }
    given.budgets = budgets
  }
  const parsed = socialsConfigSchema.safeParse(given)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => {
      const key = i.path.join(".")
      const envName = i.path[0] === "budgets" ? "SOCIALS_BUDGETS" : ENV_FALLBACKS[String(i.path[0])]
      return `${key}${envName ? ` (env ${envName})` : ""}: ${i.message}`
    })
    throw new Error(`Invalid socials module options: ${problems.join("; ")}`)
  }
  const trim = (u: string): string => u.replace(/\/+$/, "")
  return {
    ...parsed.data,
    metaGraphApiUrl: trim(parsed.data.metaGraphApiUrl),
    instagramGraphApiUrl: trim(parsed.data.instagramGraphApiUrl ?? parsed.data.metaGraphApiUrl),
    xApiUrl: trim(parsed.data.xApiUrl),
    linkedinApiUrl: trim(parsed.data.linkedinApiUrl),
  }
}

/**
 * SOCIALS_BUDGETS: JSON of per-platform budgets, e.g.
 * `{"facebook":{"limit":600,"windowMs":3600000}}`, so an operator can match them to
 * an app's real limits without a code change (and tests and the benchmark can set them).
 */
function parseBudgetsEnv(raw: string | undefined): Record<string, unknown> | undefined {
  if (raw === undefined || raw.trim() === "") return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    throw new Error("Invalid socials module options: budgets (env SOCIALS_BUDGETS): not valid JSON")
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new Error('Invalid socials module options: budgets (env SOCIALS_BUDGETS): expected an object such as {"facebook":{"limit":600,"windowMs":3600000}}')
  }
  return parsed as Record<string, unknown>
}

export function retryPolicyFromConfig(config: Pick<SocialsConfig, "retryBaseDelayMs" | "maxRetries" | "maxWaitMs">): RetryPolicy {
  return {
    ...DEFAULT_RETRY_POLICY,
    baseDelayMs: config.retryBaseDelayMs,
    maxDelayMs: Math.max(DEFAULT_RETRY_POLICY.maxDelayMs, config.retryBaseDelayMs),
    maxRetries: config.maxRetries,
    maxWaitMs: config.maxWaitMs,
  }
}
