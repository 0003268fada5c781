import fs from "node:fs"
import path from "node:path"
import pg from "pg"
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from "playwright-core"
import { startSandbox, type SandboxHandle } from "../../../sandbox/server"
import { ARTIFACTS, ROOT, createDatabase, prepareServerCopy, startMedusa, type MedusaApp } from "./medusa-app"

/**
 * What every browser spec stands on: a private copy of the production build and a
 * fresh database (support/medusa-app.ts), the platform sandbox behind the plugin,
 * `medusa start`, Debian's Chromium driven by playwright-core, one context and page
 * logged in as the admin. Registered as beforeAll/afterAll of the suite it is called in.
 */

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium"
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
]

export type AdminBrowserOptions = {
  /** Start the platform sandbox and point the plugin at it (default); false: no platform is called. */
  sandbox?: boolean
  /** More variables for `medusa start`, over the sandbox's URLs. */
  env?: Record<string, string>
  /** Over the defaults (baseURL, 1280×900, en-US, the https header): a time zone, say. */
  context?: BrowserContextOptions
  /** Log in before the tests (default); false: a test logs in itself with `logIn`. */
  logIn?: boolean
  /** Names the screenshots of failed tests: failure-<name>-<test>.png. */
  name?: string
}

export type AdminBrowser = {
  readonly page: Page
  readonly app: MedusaApp
  readonly sandbox: SandboxHandle
  readonly databaseUrl: string
  /** The page's uncaught errors so far. */
  readonly pageErrors: string[]
  /** Same-session API calls (the browser's cookie) for setup the UI test does not need to click through. */
  api<T>(method: "GET" | "POST", url: string, data?: unknown, headers?: Record<string, string>): Promise<T>
}

export function useAdminBrowser(options: AdminBrowserOptions = {}): AdminBrowser {
  let sandbox: SandboxHandle | undefined
  let app: MedusaApp | undefined
  let db: { url: string; drop: () => Promise<void> } | undefined
  let removeServerCopy: (() => void) | undefined
  let browser: Browser | undefined
  let context: BrowserContext | undefined
  let page: Page | undefined
  const pageErrors: string[] = []

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true })
    const [serverResult, dbResult] = await Promise.allSettled([prepareServerCopy(), createDatabase()])
    // Whatever succeeded is undone in afterAll, even when the other failed.
    if (dbResult.status === "fulfilled") db = dbResult.value
    if (serverResult.status === "fulfilled") removeServerCopy = serverResult.value.remove
    if (serverResult.status === "rejected") throw serverResult.reason
    if (dbResult.status === "rejected") throw dbResult.reason
    const server = serverResult.value
    if (server.built) console.info(`admin built in ${Math.round(server.buildMs / 1000)} s`)
    if (options.sandbox !== false) sandbox = await startSandbox({ port: 0 })
    app = await startMedusa({ serverDir: server.dir, databaseUrl: dbResult.value.url, env: { ...sandbox?.env, ...options.env } })
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    // The production build's session cookie is Secure: tell Medusa the request came over https.
    context = await browser.newContext({
      baseURL: app.url,
      viewport: { width: 1280, height: 900 },
      locale: "en-US",
      extraHTTPHeaders: { "X-Forwarded-Proto": "https" },
      ...options.context,
    })
    page = await context.newPage()
    page.setDefaultTimeout(15_000)
    page.on("pageerror", (e) => pageErrors.push(e.message))
    if (options.logIn !== false) await logIn(page, app)
  }, 420_000)

  afterAll(async () => {
    await context?.close().catch(() => undefined)
    await browser?.close().catch(() => undefined)
    await app?.stop()
    await sandbox?.stop()
    await db?.drop()
    removeServerCopy?.()
  }, 60_000)

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === "fail" && page) {
      const file = `failure-${options.name ? `${options.name}-` : ""}${ctx.task.name.replace(/\W+/g, "-")}.png`
      await page.screenshot({ path: path.join(ARTIFACTS, file), fullPage: true }).catch(() => undefined)
    }
  })

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the admin browser's ${what} is not there: read it in a test or a hook, after it started`)
    return value
  }
  return {
    get page() {
      return started(page, "page")
    },
    get app() {
      return started(app, "app")
    },
    get sandbox() {
      return started(sandbox, "sandbox")
    },
    get databaseUrl() {
      return started(db, "database").url
    },
    pageErrors,
    api: async <T>(method: "GET" | "POST", url: string, data?: unknown, headers?: Record<string, string>) => {
      // Relative to the context's baseURL: the app.
      const res = await started(page, "page").request.fetch(url, { method, data, headers })
      if (!res.ok()) throw new Error(`${method} ${url} answered ${res.status()}: ${await res.text()}`)
      return (await res.json()) as T
    },
  }
}

export async function logIn(page: Page, app: MedusaApp): Promise<void> {
  await page.goto("/app/login")
  await page.locator('input[name="email"]').fill(app.email)
  await page.locator('input[name="password"]').fill(app.password)
  await page.getByRole("button", { name: "Continue" }).click()
  await page.waitForURL((url) => url.pathname.startsWith("/app") && !url.pathname.startsWith("/app/login"))
}

export async function visible(locator: Locator, timeout = 15_000): Promise<Locator> {
  await locator.first().waitFor({ state: "visible", timeout })
  return locator.first()
}

export async function toast(page: Page, text: string | RegExp, timeout = 20_000): Promise<Locator> {
  return visible(page.locator("[data-sonner-toast]").filter({ hasText: text }), timeout)
}

/** A number of the post panel's metrics grid, once it shows. */
export async function metric(page: Page, label: string): Promise<string> {
  return (await (await visible(page.locator(`[data-testid="insights-metrics-grid"] [data-metric="${label}"]`))).textContent()) ?? ""
}

/** Seeds or reads the app's database directly, for states the API cannot make (past dates, counters). */
export async function withDatabase<T>(databaseUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/** UPDATE_SCREENSHOTS=1 also copies a screenshot of ARTIFACTS into docs/images/. */
export function copyToDocs(name: string): void {
  if (process.env.UPDATE_SCREENSHOTS !== "1") return
  const docs = path.join(ROOT, "docs/images")
  fs.mkdirSync(docs, { recursive: true })
  fs.copyFileSync(path.join(ARTIFACTS, name), path.join(docs, name))
}
