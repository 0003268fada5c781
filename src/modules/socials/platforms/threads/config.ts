import { z } from "@medusajs/framework/zod"
import type { SocialsConfig } from "../config"
import type { BudgetLimit } from "../http/rate-budget"
import type { SyncContext } from "../types"

const DAY_MS = 86_400_000
const positiveInt = z.coerce.number().int().positive()

/**
 * Threads allows 4800 × impressions calls per app–user pair in a rolling 24 h, never less than
 * 48,000 (impressions count as at least 10). A tenth of that floor keeps a runaway loop far from
 * the platform's limit while leaving thousands of posts' worth of calls a day.
 */
export const THREADS_DEFAULT_BUDGET: BudgetLimit = Object.freeze({ limit: 4_800, windowMs: DAY_MS })

export const threadsConfigSchema = z.object({
  /** THREADS_GRAPH_API_URL (graph.threads.com answers too). */
  threadsGraphApiUrl: z.url({ protocol: /^https?$/ }).default("https://graph.threads.net"),
  /** THREADS_API_VERSION */
  threadsApiVersion: z.string().regex(/^v\d+\.\d+$/, "must look like v1.0").default("v1.0"),
  /** THREADS_APP_ID / THREADS_APP_SECRET: the Threads app's own (not the Meta app's); connecting accounts needs them. */
  threadsAppId: z.string().optional(),
  threadsAppSecret: z.string().optional(),
  /** Per account; SOCIALS_BUDGETS' "threads" entry sets it. */
  budget: z.object({ limit: positiveInt, windowMs: positiveInt }).default(THREADS_DEFAULT_BUDGET),
})

export type ThreadsConfig = z.output<typeof threadsConfigSchema>
export type ThreadsConfigInput = z.input<typeof threadsConfigSchema>

/** Option → environment variable it falls back to. */
export const THREADS_ENV = {
  threadsGraphApiUrl: "THREADS_GRAPH_API_URL",
  threadsApiVersion: "THREADS_API_VERSION",
  threadsAppId: "THREADS_APP_ID",
  threadsAppSecret: "THREADS_APP_SECRET",
} as const

function budgetFromEnv(raw: string | undefined): unknown {
  if (!raw || raw.trim() === "") return undefined
  try {
    const parsed: unknown = JSON.parse(raw)
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>).threads : undefined
  } catch {
    // resolveSocialsConfig reports a broken SOCIALS_BUDGETS; here it just sets nothing.
    return undefined
  }
}

/**
 * Threads settings from module options (the same keys, or `budgets.threads`) and the
 * environment; options win, blank strings count as unset. Throws naming the bad setting.
 */
export function threadsConfigFrom(options: unknown = {}, env: Record<string, string | undefined> = process.env): ThreadsConfig {
  const given: Record<string, unknown> = options && typeof options === "object" ? { ...(options as Record<string, unknown>) } : {}
  for (const [key, name] of Object.entries(THREADS_ENV)) {
    const value = env[name]
    if ((given[key] === undefined || given[key] === "") && value !== undefined && value.trim() !== "") given[key] = value.trim()
  }
  const budgets = given.budgets && typeof given.budgets === "object" ? (given.budgets as Record<string, unknown>) : {}
  given.budget ??= budgets.threads ?? budgetFromEnv(env.SOCIALS_BUDGETS)
  const parsed = threadsConfigSchema.safeParse(given)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => {
      const key = String(i.path[0])
      const name = key in THREADS_ENV ? THREADS_ENV[key as keyof typeof THREADS_ENV] : key === "budget" ? "SOCIALS_BUDGETS" : undefined
      return `${i.path.join(".")}${name ? ` (env ${name})` : ""}: ${i.message}`
    })
    throw new Error(`Invalid Threads options: ${problems.join("; ")}`)
  }
  return { ...parsed.data, threadsGraphApiUrl: parsed.data.threadsGraphApiUrl.replace(/\/+$/, "") }
}

/** The module config with the Threads slice the registry will add; absent until then. */
export type ConfigWithThreads = SocialsConfig & { threads?: ThreadsConfig }

/** The Threads slice of a sync context: given on the config, else read from the environment. */
export function threadsConfigOf(ctx: Pick<SyncContext, "config">): ThreadsConfig {
  const config: ConfigWithThreads = ctx.config
  return config.threads ?? threadsConfigFrom({}, process.env)
}
