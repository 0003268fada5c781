import fs from "node:fs"
import pg from "pg"
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core"
import { startSandbox, type SandboxHandle } from "../../sandbox/server"
import { ARTIFACTS, createDatabase, prepareServerCopy, startMedusa, type MedusaApp } from "./support/medusa-app"

/**
 * The X spend block of the platforms page in a real browser (production build, as the other
 * browser specs): this month's reads of an X account against SOCIALS_X_MONTHLY_READ_CAP, the
 * estimated spend at the default price and the "near cap" state. The counter is seeded in the database.
 */

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium"

let sandbox: SandboxHandle
let app: MedusaApp
let db: { name: string; url: string; drop: () => Promise<void> } | undefined
let removeServerCopy: (() => void) | undefined
let browser: Browser
let context: BrowserContext
let page: Page
let xId = ""

describe("X spend in a browser", () => {
  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true })
    const [serverResult, dbResult] = await Promise.allSettled([prepareServerCopy(), createDatabase()])
    if (dbResult.status === "fulfilled") db = dbResult.value
    if (serverResult.status === "fulfilled") removeServerCopy = serverResult.value.remove
    if (serverResult.status === "rejected") throw serverResult.reason
    if (dbResult.status === "rejected") throw dbResult.reason
    sandbox = await startSandbox({ port: 0 })
    app = await startMedusa({ serverDir: serverResult.value.dir, databaseUrl: db!.url, env: { ...sandbox.env, SOCIALS_X_MONTHLY_READ_CAP: "1000" } })
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"] })
    context = await browser.newContext({ baseURL: app.url, viewport: { width: 1280, height: 900 }, locale: "en-US", extraHTTPHeaders: { "X-Forwarded-Proto": "https" } })
    page = await context.newPage()
    page.setDefaultTimeout(15_000)
    await page.goto("/app/login")
    await page.locator('input[name="email"]').fill(app.email)
    await page.locator('input[name="password"]').fill(app.password)
    await page.getByRole("button", { name: "Continue" }).click()
    await page.waitForURL((url) => url.pathname.startsWith("/app") && !url.pathname.startsWith("/app/login"))
    const res = await page.request.post(`${app.url}/admin/social-platforms`, {
      data: { name: "Shop X", provider: "twitter", account_id: "2244994945", api_config: { access_token: "x-demo-token" } },
    })
    xId = (await res.json()).social_platform.id
    const client = new pg.Client({ connectionString: db!.url })
    await client.connect()
    try {
      await client.query(`insert into social_x_read_count (platform_id, month, reads) values ($1, $2, 850)`, [xId, new Date().toISOString().slice(0, 7)])
    } finally {
      await client.end()
    }
  }, 420_000)

  afterAll(async () => {
    await context?.close().catch(() => undefined)
    await browser?.close().catch(() => undefined)
    await app?.stop()
    await sandbox?.stop()
    await db?.drop()
    removeServerCopy?.()
  }, 60_000)

  it("shows an X account's reads, cap, estimated spend and the near-cap state", async () => {
    await page.goto("/app/social-posts/platforms")
    const block = page.getByTestId(`x-spend-${xId}`)
    await block.waitFor({ state: "visible" })
    expect(await block.getByTestId("x-spend-reads").textContent()).toBe("850")
    expect(await block.getByTestId("x-spend-cap").textContent()).toBe("1,000")
    // 850 reads at $0.005.
    expect(await block.getByTestId("x-spend-estimated").textContent()).toBe("$4.25")
    expect(await block.getByTestId("x-spend-state").textContent()).toBe("Near cap")
    expect(await block.getByTestId("x-spend-projection").textContent()).toMatch(/At this pace: [\d,]+ reads, about \$[\d.,]+ by month end \(at \$0\.005 a read\)\./)
    await block.screenshot({ path: `${ARTIFACTS}/x-spend.png` })
  })
})
