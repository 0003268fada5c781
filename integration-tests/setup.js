// Medusa loads medusa-config.ts and src/** through Node's require, which vitest
// does not transform: register ts-node (swc, transpile only) for those loads.
require("ts-node").register({ transpileOnly: true, swc: true })

// Medusa's test runners suffix database names with JEST_WORKER_ID; vitest forks
// expose their own pool id instead.
if (!process.env.JEST_WORKER_ID) {
  process.env.JEST_WORKER_ID = process.env.VITEST_POOL_ID || "1"
}
process.env.DB_HOST = process.env.DB_HOST || "localhost"
process.env.DB_USERNAME = process.env.DB_USERNAME || "postgres"
process.env.DB_PASSWORD = process.env.DB_PASSWORD || ""
process.env.DB_PORT = process.env.DB_PORT || "5432"
process.env.MEDUSA_DISABLE_TELEMETRY = "true"
if (!process.env.SOCIALS_ENCRYPTION_KEY) {
  // Tests get a throwaway key; production refuses to boot without one.
  process.env.SOCIALS_ENCRYPTION_KEY = require("crypto").randomBytes(32).toString("base64")
}

// The hourly discovery and the daily token job would import posts or send notices into
// whichever spec runs at that minute; specs that test them call them directly. Once a
// day, twelve hours from now (not a yearly cron: the in-memory scheduler's setTimeout
// overflows past 24.8 days and fires at once). Inherited by the browser specs' servers.
const later = new Date(Date.now() + 12 * 3_600_000)
const notDuringTheSuite = `${later.getMinutes()} ${later.getHours()} * * *`
process.env.SOCIALS_DISCOVERY_CRON = process.env.SOCIALS_DISCOVERY_CRON || notDuringTheSuite
process.env.SOCIALS_TOKEN_LIFECYCLE_CRON = process.env.SOCIALS_TOKEN_LIFECYCLE_CRON || notDuringTheSuite
