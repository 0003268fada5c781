#!/usr/bin/env node
// `npm run demo`: database (local, or embedded), secrets in .env, the platform
// sandbox, migrations, an admin user, demo data, then Medusa with its admin.
const path = require("path")
const crypto = require("crypto")
const { spawn } = require("child_process")
const { readEnvFile, appendEnvFile } = require("./lib/env-file")
const { resolveDatabase } = require("./lib/database")

const ROOT = path.join(__dirname, "..")
const ADMIN_EMAIL = process.env.DEMO_ADMIN_EMAIL || "admin@example.com"
const ADMIN_PASSWORD = process.env.DEMO_ADMIN_PASSWORD || "supersecret"
const PORT = process.env.PORT || "9000"
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT || 4010)

// Asynchronous on purpose: the sandbox runs in this process and must keep answering
// while `medusa exec` seeds and syncs (spawnSync would block its event loop).
function medusa(args, env) {
  return new Promise((resolve) => {
    const child = spawn(path.join(ROOT, "node_modules", ".bin", "medusa"), args, { cwd: ROOT, env, stdio: "inherit" })
    child.on("exit", (code) => resolve(code ?? 1))
  })
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
  // The sandbox's apps: the seed connects the demo accounts through their consent, and so can the admin's Connect buttons.
  const { SANDBOX_OAUTH_APPS: apps } = require("../sandbox/core/consent-page")
  const oauthApps = {
    META_APP_ID: apps.meta.clientId,
    META_APP_SECRET: apps.meta.clientSecret,
    X_CLIENT_ID: apps.x.clientId,
    X_CLIENT_SECRET: apps.x.clientSecret,
    LINKEDIN_CLIENT_ID: apps.linkedin.clientId,
    LINKEDIN_CLIENT_SECRET: apps.linkedin.clientSecret,
    THREADS_APP_ID: apps.threads.clientId,
    THREADS_APP_SECRET: apps.threads.clientSecret,
  }

  const env = {
    ...process.env,
    ...fileEnv,
    ...missing,
    DATABASE_URL: db.databaseUrl,
    MEDUSA_DISABLE_TELEMETRY: "true",
    PORT,
    ...sandbox.env,
    ...oauthApps,
    // Connect callbacks (the OAuth redirect URI) come back to this server.
    MEDUSA_BACKEND_URL: `http://localhost:${PORT}`,
    SANDBOX_CONTROL_URL: sandbox.url,
  }

  console.log("\n== migrations")
  if ((await medusa(["db:migrate"], env)) !== 0) throw new Error("db:migrate failed")
  console.log("\n== admin user")
  // Exits non-zero when the user already exists, which is fine on a second run.
  await medusa(["user", "-e", ADMIN_EMAIL, "-p", ADMIN_PASSWORD], env)
  console.log("\n== demo data")
  if ((await medusa(["exec", "./src/scripts/seed-demo.ts"], env)) !== 0) throw new Error("seeding failed")

  // Its own process group: `medusa develop` runs the server as a child of its own,
  // and stopping the demo must stop both.
  const server = spawn(path.join(ROOT, "node_modules", ".bin", "medusa"), ["develop"], {
    cwd: ROOT,
    env,
    stdio: "inherit",
    detached: true,
  })
  const signalServer = (signal) => {
    try {
      process.kill(-server.pid, signal)
    } catch {
      // Already gone.
    }
  }
  // The server's graceful shutdown can wait on open connections: give it a moment, then force.
  const stopServer = () =>
    new Promise((resolve) => {
      signalServer("SIGTERM")
      setTimeout(() => {
        signalServer("SIGKILL")
        resolve()
      }, 3000)
    })
  const banner = () =>
    console.log(
      [
        "",
        "==============================================================",
        ` Admin:    http://localhost:${PORT}/app`,
        ` Login:    ${ADMIN_EMAIL} / ${ADMIN_PASSWORD}`,
        ` Sandbox:  ${sandbox.url} (fake Instagram, Facebook, X, LinkedIn, Threads)`,
        "==============================================================",
        "",
      ].join("\n")
    )
  setTimeout(banner, 15000)
  const shutdown = async () => {
    await stopServer()
    await sandbox.stop()
    await db.stop()
    process.exit(0)
  }
  process.on("SIGINT", shutdown)
  process.on("SIGTERM", shutdown)
  server.on("exit", async (code) => {
    // `medusa develop` can leave its server child behind: never leave it holding the port.
    signalServer("SIGKILL")
    await sandbox.stop()
    await db.stop()
    process.exit(code ?? 0)
  })
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
