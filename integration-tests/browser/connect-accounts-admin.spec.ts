import fs from "node:fs"
import path from "node:path"
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core"
import { SANDBOX_OAUTH_APPS } from "../../sandbox/core/consent-page"
import { startSandbox, type SandboxHandle } from "../../sandbox/server"
import { META_SEED_IDS } from "../../sandbox/meta/seed"
import { ARTIFACTS, createDatabase, prepareServerCopy, startMedusa, type MedusaApp } from "./support/medusa-app"

/**
 * A merchant's first hour in a real browser: from an empty shop, connect Meta
 * through the sandbox's consent page, pick a Page and its Instagram account,
 * import, and see the posts' numbers after their first sync; and the Deny path.
 */
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium"
const [PAGE1] = META_SEED_IDS.pages
const [IG1] = META_SEED_IDS.instagramUsers

let sandbox: SandboxHandle
let app: MedusaApp
let dropDatabase: (() => Promise<void>) | undefined
let removeServerCopy: (() => void) | undefined
let browser: Browser
let context: BrowserContext
let page: Page

async function visible(locator: Locator, timeout = 15_000): Promise<Locator> {
  await locator.first().waitFor({ state: "visible", timeout })
  return locator.first()
}
const toast = (text: string | RegExp) => visible(page.locator("[data-sonner-toast]").filter({ hasText: text }), 20_000)
async function api<T>(method: "GET" | "POST", url: string, data?: unknown): Promise<T> {
  const res = await page.request.fetch(`${app.url}${url}`, { method, data })
  if (!res.ok()) throw new Error(`${method} ${url} answered ${res.status()}: ${await res.text()}`)
  return (await res.json()) as T
}

describe("Connect accounts in a browser", () => {
  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true })
    const [server, db] = await Promise.all([prepareServerCopy(), createDatabase()])
    dropDatabase = db.drop
    removeServerCopy = server.remove
    sandbox = await startSandbox({ port: 0 })
    app = await startMedusa({
      serverDir: server.dir,
      databaseUrl: db.url,
      env: { ...sandbox.env, META_APP_ID: SANDBOX_OAUTH_APPS.meta.clientId, META_APP_SECRET: SANDBOX_OAUTH_APPS.meta.clientSecret, SOCIALS_RETRY_BASE_DELAY_MS: "5" },
    })
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"] })
    // The session cookie is Secure: the app sits "behind" an HTTPS proxy, as in the other browser specs.
    context = await browser.newContext({ baseURL: app.url, viewport: { width: 1280, height: 900 }, locale: "en-US", timezoneId: "UTC", extraHTTPHeaders: { "X-Forwarded-Proto": "https" } })
    page = await context.newPage()
    page.setDefaultTimeout(15_000)
  }, 600_000)

  afterAll(async () => {
    await context?.close().catch(() => undefined)
    await browser?.close().catch(() => undefined)
    await app?.stop()
    await sandbox?.stop()
    await dropDatabase?.()
    removeServerCopy?.()
  }, 60_000)

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === "fail" && page) {
      await page.screenshot({ path: path.join(ARTIFACTS, `failure-connect-${ctx.task.name.replace(/\W+/g, "-")}.png`), fullPage: true }).catch(() => undefined)
    }
  })

  it("from an empty shop: log in, the Platforms page leads to Connect", async () => {
    await page.goto("/app/login")
    await page.locator('input[name="email"]').fill(app.email)
    await page.locator('input[name="password"]').fill(app.password)
    await page.getByRole("button", { name: "Continue" }).click()
    await page.waitForURL((url) => url.pathname.startsWith("/app") && !url.pathname.startsWith("/app/login"))
    await page.goto("/app/social-posts/platforms")
    await visible(page.getByText("Start with a Connect button"))
    await visible(page.getByTestId("connect-meta"))
    expect(await page.getByTestId("connect-x-hint").textContent()).toMatch(/Coming soon|X_CLIENT_ID/)
  })

  it("connects Meta through the consent page and picks a Page and its Instagram account", async () => {
    await page.getByTestId("connect-meta").click()
    await page.waitForURL(`${sandbox.url}/**`)
    await page.getByTestId("sandbox-allow").click()
    await page.waitForURL("**/app/social-posts/platforms/connect?connection_id=*")
    await visible(page.getByTestId("discovered-account"))
    // Everything is preselected; keep only the first Page and its Instagram account.
    for (const row of await page.getByTestId("discovered-account").all()) {
      const box = row.getByRole("checkbox")
      const key = (await box.getAttribute("data-testid"))!.replace(/^pick-/, "")
      if (![`facebook:${PAGE1}`, `instagram:${IG1}`].includes(key)) await box.click()
    }
    await page.getByTestId("connect-selected").click()
    await toast("Connected 2 accounts")
    await page.waitForURL("**/app/social-posts/platforms")
    await visible(page.getByTestId("platform-row"))
    expect(await page.getByTestId("platform-row").count()).toBe(2)
  })

  it("imports the Instagram account's posts and shows their numbers after the first sync", async () => {
    const row = page.getByTestId("platform-row").filter({ hasText: "Instagram" })
    await row.getByTestId("import-posts").click()
    await toast(/Imported \d+, updated 0, skipped 0/)
    await api("POST", "/admin/social-posts/sync-all-insights", {})
    const { social_posts } = await api<{ social_posts: { id: string; insights: Record<string, unknown> }[] }>("GET", "/admin/social-posts?limit=100")
    const image = social_posts.find((p) => p.insights.instagram_media_id === META_SEED_IDS.instagram.image)!
    expect(image).toBeDefined()
    const fixture = sandbox.fixtures.instagram.find((m) => m.id === META_SEED_IDS.instagram.image)!
    await page.goto(`/app/social-posts/${image.id}`)
    const likes = await visible(page.locator('[data-testid="insights-metrics-grid"] [data-metric="Likes"]'), 30_000)
    expect(await likes.textContent()).toBe(fixture.like_count.toLocaleString("en-US"))
  })

  it("Deny on the consent page comes back as 'you cancelled the connection', nothing connected", async () => {
    await page.goto("/app/social-posts/platforms")
    await page.getByTestId("connect-meta").click()
    await page.waitForURL(`${sandbox.url}/**`)
    await page.getByTestId("sandbox-deny").click()
    await page.waitForURL("**/app/social-posts/platforms/connect?error=*")
    expect(await (await visible(page.getByTestId("connect-error"))).textContent()).toMatch(/You cancelled the connection/)
    const { social_platforms } = await api<{ social_platforms: unknown[] }>("GET", "/admin/social-platforms")
    expect(social_platforms).toHaveLength(2)
  })
})
