import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const redisUrl = process.env.REDIS_URL

/**
 * With REDIS_URL set, several Medusa processes (a server and workers) share the
 * event bus, workflow engine, locks and cache, so rate budgets and per-post locks
 * hold across processes. Without it Medusa's in-memory modules are used.
 */
const redisModules = redisUrl
  ? [
      { key: Modules.EVENT_BUS, resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } },
      {
        key: Modules.WORKFLOW_ENGINE,
        resolve: "@medusajs/medusa/workflow-engine-redis",
        options: { redis: { url: redisUrl } },
      },
      {
        key: Modules.LOCKING,
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/locking-redis",
              id: "locking-redis",
              is_default: true,
              options: { redisUrl },
            },
          ],
        },
      },
      {
        key: Modules.CACHING,
        resolve: "@medusajs/medusa/caching",
        options: {
          providers: [
            {
              resolve: "@medusajs/caching-redis",
              id: "caching-redis",
              is_default: true,
              options: { redisUrl },
            },
          ],
        },
      },
    ]
  : []

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl,
    workerMode: process.env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server" | undefined,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173",
      authCors: process.env.AUTH_CORS || "http://localhost:9000,http://localhost:5173",
      jwtSecret: process.env.JWT_SECRET,
      cookieSecret: process.env.COOKIE_SECRET,
    },
  },
  admin: {
    disable: process.env.DISABLE_MEDUSA_ADMIN === "true",
  },
  modules: [
    {
      resolve: "./src/modules/socials",
      options: {
        // Every option falls back to an environment variable of the same name
        // (see src/modules/socials/options.ts); the demo points them at the sandbox.
      },
    },
    {
      // OAuth states and pending connections of "Connect account" (docs/connecting-accounts.md).
      resolve: "./src/modules/social-connect",
      options: {},
    },
    {
      // Revenue per post (docs/attribution.md); SOCIAL_ATTRIBUTION_WINDOW_DAYS overrides the window.
      resolve: "./src/modules/social-attribution",
      options: {},
    },
    ...redisModules,
  ],
})
