import { configManager } from "@medusajs/framework/config"

export type SocialsModuleOptions = {
  /** Defaults to the SOCIALS_ENCRYPTION_KEY environment variable. */
  encryptionKey?: string
  /** Shares rate budgets between processes; defaults to REDIS_URL. */
  redisUrl?: string
  /** Cron of the scheduled sync of all posts (default daily at 02:00). */
  scheduleCron?: string
  /** Cron of the job that syncs posts whose next sync is due (default every minute). */
  dueSyncCron?: string
  /** Seconds after `social_post.published` before the first sync (default 60). */
  publishSyncDelaySeconds?: number
  /** Cron of the job that imports new posts of every active account (default hourly); SOCIALS_DISCOVERY_CRON wins. */
  discoveryCron?: string
  /** Posts one account may import per discovery run (default 100; the rest follow next run); SOCIALS_DISCOVERY_LIMIT wins. */
  discoveryLimit?: number
  /** Cron of the token job: renew what can be renewed, notify what must be reconnected (default daily 04:15, server time); SOCIALS_TOKEN_LIFECYCLE_CRON wins. */
  tokenLifecycleCron?: string
  [key: string]: unknown
}

/**
 * The socials module's options as configured in medusa-config (as a module of the
 * app, or through the plugin's options), for code that runs before the module is
 * resolved: job schedules are read when jobs load. Environment variables win.
 */
export function readSocialsOptions(): SocialsModuleOptions {
  try {
    const config = configManager.config
    const modules = Object.values(config.modules ?? {}) as { resolve?: string; options?: SocialsModuleOptions }[]
    const asModule = modules.find((m) => typeof m?.resolve === "string" && /modules\/socials/.test(m.resolve))
    const plugins = (config.plugins ?? []) as ({ resolve?: string; options?: SocialsModuleOptions } | string)[]
    const asPlugin = plugins.find(
      (p): p is { resolve?: string; options?: SocialsModuleOptions } =>
        typeof p === "object" && typeof p.resolve === "string" && /social-insights/.test(p.resolve)
    )
    return { ...(asPlugin?.options ?? {}), ...(asModule?.options ?? {}) }
  } catch {
    // Config not loaded (e.g. a unit test): defaults apply.
    return {}
  }
}
