import { ChildProcess, spawn } from "node:child_process"
import { randomBytes } from "node:crypto"
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import { Client } from "pg"

/**
 * Boots the plugin the way a merchant runs it: `medusa build`, then `medusa
 * db:migrate`, `medusa user` and `medusa start` inside (a copy of) `.medusa/server`
 * (the production build, which serves the built admin at /app), on a fresh database.
 */

export const ROOT = path.resolve(__dirname, "../../..")
const SERVER_DIR = path.join(ROOT, ".medusa/server")
const MEDUSA_CLI = path.join(ROOT, "node_modules/@medusajs/cli/cli.js")
export const ARTIFACTS = path.join(ROOT, "test-results/browser")

const BUILD_OUTPUTS = [path.join(SERVER_DIR, "public/admin/index.html"), path.join(SERVER_DIR, "medusa-config.js")]
const BUILD_INPUTS = ["src", "medusa-config.ts", "package.json", "tsconfig.json"]

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0
  const stat = fs.statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  return fs
    .readdirSync(target)
    .filter((name) => name !== "__tests__" && name !== "node_modules")
    .reduce((max, name) => Math.max(max, newestMtime(path.join(target, name))), stat.mtimeMs)
}

/** Vitest's own variables (NODE_ENV=test disables the admin) must not leak into the server. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith("VITEST") || key === "NODE_OPTIONS" || key === "JEST_WORKER_ID" || key === "TS_NODE_PROJECT") continue
    env[key] = value
  }
  return { ...env, NODE_ENV: "production", MEDUSA_DISABLE_TELEMETRY: "true", ...extra }
}

function run(args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; log: string; timeoutMs: number }): Promise<number> {
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(opts.log, { flags: "a" })
    const child = spawn(process.execPath, [MEDUSA_CLI, ...args], { cwd: opts.cwd, env: opts.env, stdio: ["ignore", "pipe", "pipe"] })
    child.stdout.pipe(out)
    child.stderr.pipe(out)
    const timer = setTimeout(() => {
      child.kill("SIGKILL")
      reject(new Error(`medusa ${args[0]} timed out after ${opts.timeoutMs} ms (see ${opts.log})`))
    }, opts.timeoutMs)
    child.on("error", reject)
    child.on("exit", (code) => {
      clearTimeout(timer)
      resolve(code ?? 1)
    })
  })
}

/**
 * Builds unless `.medusa/server` is newer than every source file (a clean clone
 * always builds). The backend half of `medusa build` exits 1 on a type error
 * but still emits; the admin half must produce its bundle.
 */
export async function ensureBuild(force = false): Promise<{ built: boolean; ms: number }> {
  const started = Date.now()
  const outputTime = Math.min(...BUILD_OUTPUTS.map(newestMtime))
  const inputTime = Math.max(...BUILD_INPUTS.map((p) => newestMtime(path.join(ROOT, p))))
  if (!force && outputTime > 0 && outputTime >= inputTime && process.env.BROWSER_TESTS_REBUILD !== "1") {
    return { built: false, ms: 0 }
  }
  const log = path.join(ARTIFACTS, "build.log")
  fs.writeFileSync(log, "")
  const code = await run(["build"], { cwd: ROOT, env: childEnv({}), log, timeoutMs: 300_000 })
  const missing = BUILD_OUTPUTS.filter((p) => !fs.existsSync(p))
  if (missing.length) {
    throw new Error(`medusa build exited ${code} without ${missing.join(", ")}; see ${log}`)
  }
  if (code !== 0) {
    console.warn(`medusa build exited ${code} (backend type errors?), continuing with its output; see ${log}`)
  }
  return { built: true, ms: Date.now() - started }
}

const REQUIRED_IN_COPY = ["medusa-config.js", "package.json", "public/admin/index.html", "src"]

/**
 * A private copy of the build for this run: `.medusa/server` is shared with
 * anyone else running `medusa build` in this checkout (it wipes the folder
 * first), which must not pull the files from under a running server. The copy
 * stays inside the project so Node still finds ../../node_modules.
 */
export async function prepareServerCopy(): Promise<{ dir: string; built: boolean; buildMs: number; remove: () => void }> {
  removeAbandonedCopies()
  const release = await acquireBuildLock()
  try {
    return await buildAndCopy()
  } finally {
    release()
  }
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM"
  }
}

/** Copies left by a run that was killed before its afterAll. */
function removeAbandonedCopies() {
  const medusaDir = path.join(ROOT, ".medusa")
  if (!fs.existsSync(medusaDir)) return
  for (const name of fs.readdirSync(medusaDir)) {
    const pid = /^browser-test-(\d+)-/.exec(name)?.[1]
    if (pid && !isAlive(Number(pid))) fs.rmSync(path.join(medusaDir, name), { recursive: true, force: true })
  }
}

/** Two runs of this suite in one checkout take turns to build and copy. */
async function acquireBuildLock(): Promise<() => void> {
  const lock = path.join(ROOT, ".medusa", "browser-build.lock")
  fs.mkdirSync(path.dirname(lock), { recursive: true })
  const deadline = Date.now() + 600_000
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: "wx" })
      return () => fs.rmSync(lock, { force: true })
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e
      let holder = 0
      let age = 0
      try {
        holder = Number(fs.readFileSync(lock, "utf8"))
        age = Date.now() - fs.statSync(lock).mtimeMs
      } catch {
        continue // released meanwhile
      }
      // An empty file is a lock being written right now, unless it is old.
      if ((holder && !isAlive(holder)) || (!holder && age > 10_000)) {
        fs.rmSync(lock, { force: true })
        continue
      }
      if (Date.now() > deadline) throw new Error(`${lock} held by process ${holder} for 10 minutes`)
      await new Promise((r) => setTimeout(r, 1000))
    }
  }
}

async function buildAndCopy(): Promise<{ dir: string; built: boolean; buildMs: number; remove: () => void }> {
  let attempt = 0
  for (;;) {
    const { built, ms } = await ensureBuild(attempt > 0)
    const dir = path.join(ROOT, ".medusa", `browser-test-${process.pid}-${randomBytes(3).toString("hex")}`)
    const remove = () => fs.rmSync(dir, { recursive: true, force: true })
    try {
      fs.cpSync(SERVER_DIR, dir, { recursive: true })
      const missing = REQUIRED_IN_COPY.filter((f) => !fs.existsSync(path.join(dir, f)))
      if (missing.length) throw new Error(`copy of .medusa/server lacks ${missing.join(", ")}`)
      return { dir, built, buildMs: ms, remove }
    } catch (e) {
      remove()
      if (++attempt > 1) throw e
      // Someone rebuilt .medusa/server while it was being copied: build again and retry once.
    }
  }
}

function adminDbConfig() {
  return {
    host: process.env.DB_HOST || "localhost",
    port: Number(process.env.DB_PORT || 5432),
    user: process.env.DB_USERNAME || "postgres",
    password: process.env.DB_PASSWORD || undefined,
  }
}

export async function createDatabase(): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `medusa_browser_${Date.now()}_${randomBytes(3).toString("hex")}`
  const config = adminDbConfig()
  const client = new Client({ ...config, database: "postgres" })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE "${name}"`)
  } finally {
    await client.end()
  }
  const auth = config.password ? `${encodeURIComponent(config.user)}:${encodeURIComponent(config.password)}` : encodeURIComponent(config.user)
  return {
    name,
    url: `postgres://${auth}@${config.host}:${config.port}/${name}`,
    drop: async () => {
      const c = new Client({ ...config, database: "postgres" })
      await c.connect()
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      } finally {
        await c.end()
      }
    },
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port
      server.close(() => resolve(port))
    })
  })
}

export type MedusaApp = {
  url: string
  email: string
  password: string
  log: string
  stop: () => Promise<void>
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number, log: string) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`medusa start exited with ${child.exitCode}; see ${log}`)
    try {
      const res = await fetch(`${url}/health`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`medusa start did not answer /health within ${timeoutMs} ms; see ${log}`)
}

/** db:migrate, an admin user, then `medusa start` on a free port with the sandbox's URLs. */
export async function startMedusa(opts: { serverDir: string; databaseUrl: string; env: Record<string, string> }): Promise<MedusaApp> {
  const port = await freePort()
  const url = `http://localhost:${port}`
  const email = "admin@example.com"
  const password = "browser-test-password"
  const env = childEnv({
    DATABASE_URL: opts.databaseUrl,
    JWT_SECRET: randomBytes(24).toString("hex"),
    COOKIE_SECRET: randomBytes(24).toString("hex"),
    SOCIALS_ENCRYPTION_KEY: process.env.SOCIALS_ENCRYPTION_KEY || randomBytes(32).toString("base64"),
    ADMIN_CORS: url,
    AUTH_CORS: url,
    STORE_CORS: url,
    PORT: String(port),
    // OAuth redirect URIs (connect callbacks) point back at this server.
    MEDUSA_BACKEND_URL: url,
    ...opts.env,
  })
  const log = path.join(ARTIFACTS, "medusa.log")
  fs.writeFileSync(log, "")

  const migrated = await run(["db:migrate"], { cwd: opts.serverDir, env, log, timeoutMs: 180_000 })
  if (migrated !== 0) throw new Error(`medusa db:migrate exited ${migrated}; see ${log}`)
  const user = await run(["user", "-e", email, "-p", password], { cwd: opts.serverDir, env, log, timeoutMs: 60_000 })
  if (user !== 0) throw new Error(`medusa user exited ${user}; see ${log}`)

  const out = fs.createWriteStream(log, { flags: "a" })
  const child = spawn(process.execPath, [MEDUSA_CLI, "start", "--port", String(port)], {
    cwd: opts.serverDir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  })
  child.stdout!.pipe(out)
  child.stderr!.pipe(out)
  const stop = async () => {
    if (child.exitCode !== null) return
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()))
    child.kill("SIGTERM")
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000)
    await exited
    clearTimeout(timer)
  }
  try {
    await waitForHealth(url, child, 90_000, log)
  } catch (e) {
    await stop()
    throw e
  }
  return { url, email, password, log, stop }
}
