import fs from "node:fs"
import path from "node:path"
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core"
import { SANDBOX_OAUTH_APPS } from "../../sandbox/core/consent-page"
import { startSandbox, type SandboxHandle } from "../../sandbox/server"
import { META_SEED_IDS } from "../../sandbox/meta/seed"
import { ARTIFACTS, ROOT, createDatabase, prepareServerCopy, startMedusa, type MedusaApp } from "./support/medusa-app"

/**
 * A merchant's first hour in a real browser: from an empty shop, connect Meta
 * through the sandbox's consent page, pick a Page and its Instagram account,
 * import, and see the posts' numbers after their first sync; and the Deny path.
 * Then X: the estimated reads before an import is confirmed, and Reconnect of an
 * account whose token was revoked, through the consent page again.
 *
 * UPDATE_SCREENSHOTS=1 also copies the screenshots (picker, import summary) into docs/images/.
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
/** Shared between the X steps. */
let xPlatform: { id: string; name: string }
let xPostCount = 0

async function visible(locator: Locator, timeout = 15_000): Promise<Locator> {
  await locator.first().waitFor({ state: "visible", timeout })
  return locator.first()
}
const toast = (text: string | RegExp) => visible(page.locator("[data-sonner-toast]").filter({ hasText: text }), 20_000)
/** Toasts float over the drawers' footers: close them before a screenshot (a bounded number of tries). */
async function dismissToasts() {
  const toasts = page.locator("[data-sonner-toast]")
  for (let i = 0; i < 5 && (await toasts.count()); i++) {
    await toasts.first().locator("button").last().click({ force: true }).catch(() => undefined)
    await toasts.first().waitFor({ state: "detached", timeout: 5_000 }).catch(() => undefined)
  }
}

/**
 * The admin scrolls inside its own container: clear scroll offsets, capture, and
 * keep a copy for the docs on request. `height` shrinks the viewport for the
 * shot, so a full-height drawer is captured without its empty half.
 */
async function screenshot(target: Locator, name: string, height?: number) {
  const file = path.join(ARTIFACTS, name)
  const viewport = page.viewportSize()!
  await dismissToasts()
  if (height) await page.setViewportSize({ width: viewport.width, height })
  await page.evaluate(() => document.querySelectorAll("*").forEach((el) => el.scrollTop && (el.scrollTop = 0)))
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await target.screenshot({ path: file, animations: "disabled" })
  await page.setViewportSize(viewport)
  if (process.env.UPDATE_SCREENSHOTS === "1") {
    fs.mkdirSync(path.join(ROOT, "docs/images"), { recursive: true })
    fs.copyFileSync(file, path.join(ROOT, "docs/images", name))
  }
}
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
      env: {
        ...sandbox.env,
        META_APP_ID: SANDBOX_OAUTH_APPS.meta.clientId,
        META_APP_SECRET: SANDBOX_OAUTH_APPS.meta.clientSecret,
        X_CLIENT_ID: SANDBOX_OAUTH_APPS.x.clientId,
        X_CLIENT_SECRET: SANDBOX_OAUTH_APPS.x.clientSecret,
        SOCIALS_RETRY_BASE_DELAY_MS: "5",
      },
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
    expect(await page.getByTestId("connect-linkedin-hint").textContent()).toMatch(/LINKEDIN_CLIENT_ID/)
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
    await screenshot(page.getByTestId("connect-picker"), "connect-picker.png")
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
    // Free listings start at once; the drawer ends on the summary.
    const summary = await visible(page.getByTestId("import-summary"))
    expect(await summary.getByTestId("import-updated").textContent()).toMatch(/Updated\s*0/)
    await page.getByTestId("import-close").click()
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

  it("X: the import shows the estimated reads and spend, reads nothing before the merchant confirms, then shows the summary", async () => {
    await page.goto("/app/social-posts/platforms")
    await page.getByTestId("connect-x").click()
    await page.waitForURL(`${sandbox.url}/**`)
    await page.getByTestId("sandbox-allow").click()
    await page.waitForURL("**/app/social-posts/platforms/connect?connection_id=*")
    await visible(page.getByTestId("discovered-account"))
    await page.getByTestId("connect-selected").click()
    await toast("Connected 1 account")
    await page.waitForURL("**/app/social-posts/platforms")
    const { social_platforms } = await api<{ social_platforms: { id: string; name: string; provider: string }[] }>("GET", "/admin/social-platforms")
    const x = social_platforms.find((p) => p.provider === "twitter")!
    xPlatform = x

    const timelineReads = () => sandbox.log(1000).filter((e) => e.family === "x" && /^\/2\/users\/\d+\/tweets/.test(e.path)).length
    const row = await visible(page.locator(`[data-platform-id="${x.id}"]`))
    await row.getByTestId("import-posts").click()
    const estimate = await visible(page.getByTestId("import-estimate"))
    // The route's default of 100 posts at the default $0.005 a read.
    expect(await estimate.getByTestId("import-estimate-reads").textContent()).toBe("100")
    expect(await estimate.getByTestId("import-estimate-spend").textContent()).toBe("$0.50")
    expect(timelineReads()).toBe(0)
    await screenshot(page.getByTestId("import-posts-drawer"), "import-x-estimate.png", 520)

    await page.getByTestId("import-confirm").click()
    const summary = await visible(page.getByTestId("import-summary"), 30_000)
    await toast(/Imported \d+, updated 0, skipped 0/)
    const { social_posts } = await api<{ social_posts: unknown[] }>("GET", `/admin/social-posts?platform_id=${x.id}&limit=200`)
    expect(social_posts.length).toBeGreaterThan(0)
    expect(await summary.getByTestId("import-imported").textContent()).toMatch(new RegExp(`Imported\\s*${social_posts.length}$`))
    expect(timelineReads()).toBe(1)
    xPostCount = social_posts.length
    await screenshot(page.getByTestId("import-posts-drawer"), "import-summary.png", 420)
    await page.getByTestId("import-close").click()
  })

  it("Reconnect on an account that needs it goes through the consent page: same account, new token, active again, posts kept", async () => {
    // The merchant revoked the app on X: the stored token (and its refresh token) stop working.
    const issued = sandbox.fixtures.tokens.filter((t) => t.family === "x" && t.token.startsWith("x-at-"))
    expect(issued).toHaveLength(1)
    issued[0].revoked = true
    const { social_posts } = await api<{ social_posts: { id: string }[] }>("GET", `/admin/social-posts?platform_id=${xPlatform.id}&limit=1`)
    const sync = await page.request.fetch(`${app.url}/admin/social-posts/${social_posts[0].id}/sync-insights?force=true`, { method: "POST", data: {} })
    expect(sync.ok()).toBe(false)
    const { social_platform: marked } = await api<{ social_platform: { status: string } }>("GET", `/admin/social-platforms/${xPlatform.id}`)
    expect(marked.status).toBe("needs_reconnect")

    await page.goto("/app/social-posts/platforms")
    const row = await visible(page.locator(`[data-platform-id="${xPlatform.id}"]`))
    await visible(row.getByText("Needs reconnect"))
    await row.getByTestId("reconnect-platform").click()
    await page.waitForURL(`${sandbox.url}/**`)
    await page.getByTestId("sandbox-allow").click()
    await page.waitForURL("**/app/social-posts/platforms/connect?connection_id=*")
    expect(await (await visible(page.getByTestId("reconnect-hint"))).textContent()).toContain(`Reconnecting ${xPlatform.name}`)
    const account = await visible(page.getByTestId("discovered-account"))
    await visible(account.getByText("Reconnect"))
    await page.getByTestId("connect-selected").click()
    await toast("Reconnected 1 account")
    await page.waitForURL("**/app/social-posts/platforms")
    await visible(page.locator(`[data-platform-id="${xPlatform.id}"]`).getByText("Connected"))

    const after = await api<{ social_platforms: { id: string; provider: string; status: string }[] }>("GET", "/admin/social-platforms")
    expect(after.social_platforms.filter((p) => p.provider === "twitter")).toEqual([expect.objectContaining({ id: xPlatform.id, status: "active" })])
    const kept = await api<{ social_posts: unknown[] }>("GET", `/admin/social-posts?platform_id=${xPlatform.id}&limit=200`)
    expect(kept.social_posts).toHaveLength(xPostCount)
    // The sandbox issued a second token for this consent, and the sync reads with it.
    expect(sandbox.fixtures.tokens.filter((t) => t.family === "x" && t.token.startsWith("x-at-") && !t.revoked)).toHaveLength(1)
    await api("POST", `/admin/social-posts/${social_posts[0].id}/sync-insights?force=true`, {})
  })
})
