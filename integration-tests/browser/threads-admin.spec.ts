import fs from "node:fs"
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core"
import { startSandbox, type SandboxHandle } from "../../sandbox/server"
import { THREADS_DEMO_TOKENS, THREADS_SEED_IDS } from "../../sandbox/threads/seed"
import { ARTIFACTS, createDatabase, prepareServerCopy, startMedusa, type MedusaApp } from "./support/medusa-app"

/**
 * A Threads post in a real browser (production build, as the other browser specs): a Threads
 * account and a post with insights.threads_media_id, synced from the panel, then its shared
 * numbers in the grid and its own "Threads metrics" block. The sandbox's example thread has
 * 2,000 views, 120 likes, 14 replies, 6 reposts, 3 quotes and 2 shares.
 */

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium"

let sandbox: SandboxHandle
let app: MedusaApp
let db: { name: string; url: string; drop: () => Promise<void> } | undefined
let removeServerCopy: (() => void) | undefined
let browser: Browser
let context: BrowserContext
let page: Page

const metric = async (label: string) =>
  page.locator(`[data-testid="insights-metrics-grid"] [data-metric="${label}"]`).first().textContent()

describe("Threads in the admin", () => {
  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true })
    const [serverResult, dbResult] = await Promise.allSettled([prepareServerCopy(), createDatabase()])
    if (dbResult.status === "fulfilled") db = dbResult.value
    if (serverResult.status === "fulfilled") removeServerCopy = serverResult.value.remove
    if (serverResult.status === "rejected") throw serverResult.reason
    if (dbResult.status === "rejected") throw dbResult.reason
    sandbox = await startSandbox({ port: 0 })
    app = await startMedusa({ serverDir: serverResult.value.dir, databaseUrl: db!.url, env: sandbox.env })
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"] })
    context = await browser.newContext({ baseURL: app.url, viewport: { width: 1280, height: 900 }, locale: "en-US", extraHTTPHeaders: { "X-Forwarded-Proto": "https" } })
    page = await context.newPage()
    page.setDefaultTimeout(15_000)
    await page.goto("/app/login")
    await page.locator('input[name="email"]').fill(app.email)
    await page.locator('input[name="password"]').fill(app.password)
    await page.getByRole("button", { name: "Continue" }).click()
    await page.waitForURL((url) => url.pathname.startsWith("/app") && !url.pathname.startsWith("/app/login"))
  }, 420_000)

  afterAll(async () => {
    await context?.close().catch(() => undefined)
    await browser?.close().catch(() => undefined)
    await app?.stop()
    await sandbox?.stop()
    await db?.drop()
    removeServerCopy?.()
  }, 60_000)

  it("syncs a Threads post from the panel and shows its numbers and its Threads metrics block", async () => {
    const platform = await page.request.post(`${app.url}/admin/social-platforms`, {
      data: { name: "@sandbox_coffee (Threads)", provider: "threads", account_id: THREADS_SEED_IDS.user, api_config: { access_token: THREADS_DEMO_TOKENS.user } },
    })
    const platformId = (await platform.json()).social_platform.id
    const created = await page.request.post(`${app.url}/admin/social-posts`, {
      data: { platform_id: platformId, name: "Cupping notes", status: "posted", insights: { threads_media_id: THREADS_SEED_IDS.example } },
    })
    const postId = (await created.json()).social_post.id

    await page.goto(`/app/social-posts/${postId}`)
    await page.getByTestId("sync-insights-button").click()
    await page.locator("[data-sonner-toast]").filter({ hasText: "Insights synced" }).first().waitFor({ state: "visible", timeout: 20_000 })
    await page.waitForFunction(() => document.querySelector('[data-testid="insights-metrics-grid"] [data-metric="Likes"]')?.textContent === "120")
    expect(await metric("Comments")).toBe("14")
    // reposts + quotes + shares
    expect(await metric("Shares")).toBe("11")

    const block = page.getByTestId("platform-metrics-threads")
    await block.waitFor({ state: "visible" })
    const text = (await block.textContent()) ?? ""
    expect(text).toContain("Threads metrics")
    for (const label of ["Reposts", "Quotes"]) expect(text).toContain(label)
    await page.getByTestId("post-insights-panel").screenshot({ path: `${ARTIFACTS}/panel-threads.png` })
  })
})
