import path from "node:path"
import type { Locator, Page } from "playwright-core"
import { SANDBOX_OAUTH_APPS } from "../../sandbox/core/consent-page"
import type { SandboxHandle } from "../../sandbox/server"
import { META_SEED_IDS } from "../../sandbox/meta/seed"
import { ARTIFACTS, type MedusaApp } from "./support/medusa-app"
import { copyToDocs, logIn, toast, useAdminBrowser, visible } from "./support/admin-browser"

/**
 * A merchant's first hour in a real browser: from an empty shop, connect Meta
 * through the sandbox's consent page, pick a Page and its Instagram account,
 * import, and see the posts' numbers after their first sync; and the Deny path.
 * Then X: the estimated reads before an import is confirmed, and Reconnect of an
 * account whose token was revoked, through the consent page again.
 *
 * UPDATE_SCREENSHOTS=1 also copies the screenshots (picker, import summary) into docs/images/.
 */
const [PAGE1] = META_SEED_IDS.pages
const [IG1] = META_SEED_IDS.instagramUsers

const admin = useAdminBrowser({
  // The first test logs in itself, from an empty shop.
  logIn: false,
  context: { timezoneId: "UTC" },
  env: {
    META_APP_ID: SANDBOX_OAUTH_APPS.meta.clientId,
    META_APP_SECRET: SANDBOX_OAUTH_APPS.meta.clientSecret,
    X_CLIENT_ID: SANDBOX_OAUTH_APPS.x.clientId,
    X_CLIENT_SECRET: SANDBOX_OAUTH_APPS.x.clientSecret,
    SOCIALS_RETRY_BASE_DELAY_MS: "5",
  },
  name: "connect",
})
const { api } = admin
/** The session's page, the sandbox and the app, from the first hook on. */
let page: Page
let sandbox: SandboxHandle
let app: MedusaApp

/** Shared between the X steps. */
let xPlatform: { id: string; name: string }
let xPostCount = 0

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
  const viewport = page.viewportSize()!
  await dismissToasts()
  if (height) await page.setViewportSize({ width: viewport.width, height })
  await page.evaluate(() => document.querySelectorAll("*").forEach((el) => el.scrollTop && (el.scrollTop = 0)))
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await target.screenshot({ path: path.join(ARTIFACTS, name), animations: "disabled" })
  await page.setViewportSize(viewport)
  copyToDocs(name)
}

/** Connect or Reconnect: `button` leads to the sandbox's consent page, answered with Allow or Deny, back to the admin's connect page. */
async function throughConsent(button: Locator, answer: "allow" | "deny") {
  await button.click()
  await page.waitForURL(`${sandbox.url}/**`)
  await page.getByTestId(`sandbox-${answer}`).click()
  await page.waitForURL(answer === "allow" ? "**/app/social-posts/platforms/connect?connection_id=*" : "**/app/social-posts/platforms/connect?error=*")
}

describe("Connect accounts in a browser", () => {
  beforeAll(() => {
    page = admin.page
    sandbox = admin.sandbox
    app = admin.app
  })

  it("from an empty shop: log in, the Platforms page leads to Connect", async () => {
    await logIn(page, app)
    await page.goto("/app/social-posts/platforms")
    await visible(page.getByText("Start with a Connect button"))
    await visible(page.getByTestId("connect-meta"))
    expect(await page.getByTestId("connect-linkedin-hint").textContent()).toMatch(/LINKEDIN_CLIENT_ID/)
  })

  it("connects Meta through the consent page and picks a Page and its Instagram account", async () => {
    await throughConsent(page.getByTestId("connect-meta"), "allow")
    await visible(page.getByTestId("discovered-account"))
    // Everything is preselected; keep only the first Page and its Instagram account.
    for (const row of await page.getByTestId("discovered-account").all()) {
      const box = row.getByRole("checkbox")
      const key = (await box.getAttribute("data-testid"))!.replace(/^pick-/, "")
      if (![`facebook:${PAGE1}`, `instagram:${IG1}`].includes(key)) await box.click()
    }
    await screenshot(page.getByTestId("connect-picker"), "connect-picker.png")
    await page.getByTestId("connect-selected").click()
    await toast(page, "Connected 2 accounts")
    await page.waitForURL("**/app/social-posts/platforms")
    await visible(page.getByTestId("platform-row"))
    expect(await page.getByTestId("platform-row").count()).toBe(2)
  })

  it("imports the Instagram account's posts and shows their numbers after the first sync", async () => {
    const row = page.getByTestId("platform-row").filter({ hasText: "Instagram" })
    await row.getByTestId("import-posts").click()
    await toast(page, /Imported \d+, updated 0, skipped 0/)
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
    await throughConsent(page.getByTestId("connect-meta"), "deny")
    expect(await (await visible(page.getByTestId("connect-error"))).textContent()).toMatch(/You cancelled the connection/)
    const { social_platforms } = await api<{ social_platforms: unknown[] }>("GET", "/admin/social-platforms")
    expect(social_platforms).toHaveLength(2)
  })

  it("X: the import shows the estimated reads and spend, reads nothing before the merchant confirms, then shows the summary", async () => {
    await page.goto("/app/social-posts/platforms")
    await throughConsent(page.getByTestId("connect-x"), "allow")
    await visible(page.getByTestId("discovered-account"))
    await page.getByTestId("connect-selected").click()
    await toast(page, "Connected 1 account")
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
    await toast(page, /Imported \d+, updated 0, skipped 0/)
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
    await throughConsent(row.getByTestId("reconnect-platform"), "allow")
    expect(await (await visible(page.getByTestId("reconnect-hint"))).textContent()).toContain(`Reconnecting ${xPlatform.name}`)
    const account = await visible(page.getByTestId("discovered-account"))
    await visible(account.getByText("Reconnect"))
    await page.getByTestId("connect-selected").click()
    await toast(page, "Reconnected 1 account")
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
