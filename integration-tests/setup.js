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
