#!/usr/bin/env node
// `npm run demo`: database (local, or embedded), secrets in .env, the platform
// sandbox, migrations, an admin user, demo data, then Medusa with its admin.
const path = require("path")
const crypto = require("crypto")
const { spawn, spawnSync } = require("child_process")
const { readEnvFile, appendEnvFile } = require("./lib/env-file")
const { resolveDatabase } = require("./lib/database")

const ROOT = path.join(__dirname, "..")
const ADMIN_EMAIL = process.env.DEMO_ADMIN_EMAIL || "admin@example.com"
const ADMIN_PASSWORD = process.env.DEMO_ADMIN_PASSWORD || "supersecret"
const PORT = process.env.PORT || "9000"
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT || 4010)

function medusa(args, env) {
  const result = spawnSync(path.join(ROOT, "node_modules", ".bin", "medusa"), args, { cwd: ROOT, env, stdio: "inherit" })
  return result.status
}

async function main() {
  const fileEnv = readEnvFile()
  const missing = {}
  for (const name of ["SOCIALS_ENCRYPTION_KEY", "JWT_SECRET", "COOKIE_SECRET"]) {
    if (!process.env[name] && !fileEnv[name]) missing[name] = crypto.randomBytes(32).toString("base64")
  }
  const db = await resolveDatabase(ROOT, process.env.DATABASE_URL || fileEnv.DATABASE_URL)
  if (!fileEnv.DATABASE_URL && !process.env.DATABASE_URL) missing.DATABASE_URL = db.databaseUrl
  appendEnvFile(missing)

  require("ts-node").register({ transpileOnly: true, swc: true })
  const { startSandbox } = require("../sandbox/server")
  const sandbox = await startSandbox({ port: SANDBOX_PORT, latencyMs: 80, jitterMs: 40 })

  const env = {
    ...process.env,
    ...fileEnv,
    ...missing,
    DATABASE_URL: db.databaseUrl,
    MEDUSA_DISABLE_TELEMETRY: "true",
    PORT,
    ...sandbox.env,
    SANDBOX_CONTROL_URL: sandbox.url,
  }

  console.log("\n== migrations")
  if (medusa(["db:migrate"], env) !== 0) throw new Error("db:migrate failed")
  console.log("\n== admin user")
  // Exits non-zero when the user already exists, which is fine on a second run.
  medusa(["user", "-e", ADMIN_EMAIL, "-p", ADMIN_PASSWORD], env)
  console.log("\n== demo data")
  if (medusa(["exec", "./src/scripts/seed-demo.ts"], env) !== 0) throw new Error("seeding failed")

  const server = spawn(path.join(ROOT, "node_modules", ".bin", "medusa"), ["develop"], { cwd: ROOT, env, stdio: "inherit" })
  const banner = () =>
    console.log(
      [
        "",
        "==============================================================",
        ` Admin:    http://localhost:${PORT}/app`,
        ` Login:    ${ADMIN_EMAIL} / ${ADMIN_PASSWORD}`,
        ` Sandbox:  ${sandbox.url} (fake Instagram, Facebook, X, LinkedIn)`,
        "==============================================================",
        "",
      ].join("\n")
    )
  setTimeout(banner, 15000)
  const shutdown = async () => {
    server.kill("SIGTERM")
    await sandbox.stop()
    await db.stop()
    process.exit(0)
  }
  process.on("SIGINT", shutdown)
  process.on("SIGTERM", shutdown)
  server.on("exit", async (code) => {
    await sandbox.stop()
    await db.stop()
    process.exit(code ?? 0)
  })
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
