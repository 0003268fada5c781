import path from "node:path"
import type { Locator, Page } from "playwright-core"
import { META_SEED_IDS } from "../../sandbox/meta/seed"
import type { FacebookPostFixture } from "../../sandbox/types"
import { ARTIFACTS } from "./support/medusa-app"
import { copyToDocs, logIn, metric, toast, useAdminBrowser, visible } from "./support/admin-browser"

/**
 * The admin extension in a real browser: the production build served by
 * `medusa start`, a fresh database, the platform sandbox behind the plugin, and
 * Debian's Chromium driven by playwright-core. Steps share one session and run
 * in order, like a merchant's first visit.
 *
 * UPDATE_SCREENSHOTS=1 also copies the screenshots into docs/images/.
 */

const LOCALE = "en-US"
const n = (value: number) => value.toLocaleString(LOCALE)

const admin = useAdminBrowser({
  env: { SOCIALS_RETRY_BASE_DELAY_MS: "5", SOCIALS_MAX_WAIT_MS: "200", SOCIALS_REQUEST_TIMEOUT_MS: "3000" },
  context: { locale: LOCALE, timezoneId: "UTC" },
  // The first step logs in: a merchant's first visit.
  logIn: false,
})
const { api } = admin
/** The session's one page, from the first hook on. */
let page: Page

const fbPostId = META_SEED_IDS.facebook.text
const fbFixture = () => admin.sandbox.fixtures.facebook.find((p) => p.id === fbPostId) as FacebookPostFixture
const reactionTotal = (f: FacebookPostFixture) => Object.values(f.reactions).reduce((sum, v) => sum + (v ?? 0), 0)

/** Shared between steps. */
const state: { facebookPlatformId?: string; facebookPostUrl?: string; reelPostId?: string; productId?: string; likesBeforeFailure?: string } = {}

async function selectOption(trigger: Locator, option: string | RegExp) {
  await trigger.click()
  await page.getByRole("option", { name: option }).click()
}

/**
 * The admin scrolls inside its own container, so a tall element is captured by
 * growing the viewport to fit it first.
 */
async function screenshot(target: Locator | Page, name: string, { docs = true } = {}) {
  const file = path.join(ARTIFACTS, name)
  const viewport = page.viewportSize()!
  if ("boundingBox" in target) {
    await page.evaluate(() => document.querySelectorAll("*").forEach((el) => el.scrollTop && (el.scrollTop = 0)))
    const box = await target.boundingBox()
    if (box && box.y + box.height > viewport.height) {
      await page.setViewportSize({ width: viewport.width, height: Math.ceil(box.y + box.height + 24) })
    }
  }
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await target.screenshot({ path: file, animations: "disabled" })
  await page.setViewportSize(viewport)
  if (docs) copyToDocs(name)
}

async function noHorizontalOverflow() {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }))
  expect(scroll).toBeLessThanOrEqual(client + 1)
}

describe("Social Posts admin in a browser", () => {
  beforeAll(() => {
    page = admin.page
  })

  it("logs in and opens Social Posts from the sidebar", async () => {
    await logIn(page, admin.app)

    await (await visible(page.getByRole("link", { name: "Social Posts" }))).click()
    await page.waitForURL("**/app/social-posts")
    await visible(page.getByRole("heading", { name: "Social Posts" }))
    await visible(page.getByText("No social posts yet"))
  })

  it("connects a platform with a masked token that is never shown back", async () => {
    await page.getByTestId("open-add-post").click() // "Connect a platform" while none is connected
    const drawer = await visible(page.getByRole("dialog"))
    await drawer.locator("#platform-name").fill("Sandbox Coffee Co.")
    await selectOption(drawer.locator("#platform-provider"), "Facebook")
    await drawer.locator("#platform-account-id").fill(META_SEED_IDS.pages[0])
    const token = drawer.locator("#platform-access-token")
    expect(await token.getAttribute("type")).toBe("password")
    await token.fill("meta-demo-token")
    await drawer.getByTestId("platform-form-submit").click()
    await toast(page, "Platform connected")

    await page.goto("/app/social-posts/platforms")
    const row = await visible(page.getByTestId("platform-row").filter({ hasText: "Sandbox Coffee Co." }))
    expect(await row.textContent()).toContain("Token stored")
    expect(await page.content()).not.toContain("meta-demo-token")

    const { social_platforms } = await api<{ social_platforms: { id: string; name: string }[] }>("GET", "/admin/social-platforms")
    state.facebookPlatformId = social_platforms.find((p) => p.name === "Sandbox Coffee Co.")?.id
    expect(state.facebookPlatformId).toBeTruthy()
  })

  it("adds a post, showing the API's validation message inline", async () => {
    await page.goto("/app/social-posts")
    await page.getByTestId("open-add-post").click()
    const drawer = await visible(page.getByRole("dialog"))
    await visible(drawer.getByText("Sandbox Coffee Co. (Facebook)"))
    await drawer.locator("#post-name").fill("Autumn blend launch")
    // The URL comes first; the id field is under the Advanced disclosure.
    await visible(drawer.locator("#post-url"))
    await drawer.getByTestId("post-form-advanced").locator("summary").click()
    await drawer.locator("#post-platform-post-id").fill("not-an-id")
    await drawer.getByTestId("post-form-submit").click()
    const error = await visible(drawer.getByTestId("post-platform-post-id-error"))
    expect(await error.textContent()).toMatch(/facebook_post_id/)

    await drawer.locator("#post-platform-post-id").fill(fbPostId)
    await drawer.getByTestId("post-form-submit").click()
    await toast(page, "Post added")
    await page.waitForURL(/\/app\/social-posts\/socpost_/)
    state.facebookPostUrl = new URL(page.url()).pathname
    await visible(page.getByTestId("insights-empty"))
    await visible(page.getByTestId("sync-insights-button"))
  })

  it("syncs the post from the panel and shows its numbers, reactions and comments", async () => {
    const fixture = fbFixture()
    await page.getByTestId("sync-insights-button").click()
    await toast(page, "Insights synced")

    expect(await metric(page, "Likes")).toBe(n(reactionTotal(fixture)))
    await visible(page.getByTestId("reactions-breakdown"))
    const reactions = (await page.getByTestId("reactions-breakdown").textContent()) ?? ""
    expect(reactions).toContain(`${n(reactionTotal(fixture))} total`)
    if ((fixture.reactions.LOVE ?? 0) > 0) expect(reactions).toContain("Love")

    const newest = [...fixture.comments].sort((a, b) => Date.parse(b.created_time) - Date.parse(a.created_time))[0]
    const comments = await visible(page.getByTestId("latest-comments"))
    expect(await comments.textContent()).toContain(newest.text)

    expect(await page.getByTestId("sync-status-badge").first().textContent()).toBe("Synced")
    await visible(page.getByTestId("last-synced").getByText("just now"))
    await visible(page.getByTestId("insights-chart").getByText(/One sync so far/))
  })

  it("draws the chart after a second sync", async () => {
    const fixture = fbFixture()
    fixture.reactions.LIKE = (fixture.reactions.LIKE ?? 0) + 7
    await page.getByRole("button", { name: "More sync options" }).click()
    await page.getByRole("menuitem", { name: "Force sync now" }).click()
    await toast(page, "Insights synced")

    await page.waitForFunction(
      (expected) => document.querySelector('[data-testid="insights-metrics-grid"] [data-metric="Likes"]')?.textContent === expected,
      n(reactionTotal(fixture))
    )
    await visible(page.getByTestId("insights-chart-svg"))
    expect(await page.getByTestId("chart-point").count()).toBe(2)
    await page.getByRole("radio", { name: /Comments/ }).click()
    expect(await page.getByRole("radio", { name: /Comments/ }).getAttribute("aria-checked")).toBe("true")
    await page.getByRole("radio", { name: /Likes/ }).click()

    await screenshot(page.getByTestId("post-insights-column"), "panel-facebook.png")
  })

  it("shows a failed sync's message and keeps the previous numbers", async () => {
    state.likesBeforeFailure = await metric(page, "Likes")
    fbFixture().deleted = true
    try {
      await page.getByRole("button", { name: "More sync options" }).click()
      await page.getByRole("menuitem", { name: "Force sync now" }).click()
      await toast(page, "Sync failed")
      const failure = await visible(page.getByTestId("sync-failure"))
      const text = (await failure.textContent()) ?? ""
      expect(text).toMatch(/The last sync attempt failed/)
      expect(text).toMatch(/last successful sync/)
      expect(await metric(page, "Likes")).toBe(state.likesBeforeFailure)
      await visible(page.getByTestId("latest-comments"))
      // The failure is also recorded on the post, so it survives a reload.
      await visible(page.getByTestId("sync-error").filter({ hasText: /not found/i }))
      await screenshot(page.getByTestId("post-insights-panel"), "panel-facebook-failed.png", { docs: false })
    } finally {
      fbFixture().deleted = false
    }
  })

  it("runs Sync all and shows the summary with the failed post and its reason", async () => {
    const { social_platform: instagram } = await api<{ social_platform: { id: string } }>("POST", "/admin/social-platforms", {
      name: "sandbox.coffee",
      provider: "instagram",
      account_id: META_SEED_IDS.instagramUsers[0],
      api_config: { access_token: "meta-demo-token" },
    })
    const { social_post: reel } = await api<{ social_post: { id: string } }>("POST", "/admin/social-posts", {
      platform_id: instagram.id,
      name: "Latte art reel",
      caption: "Pouring a rosetta in slow motion",
      status: "posted",
      media_type: "REELS",
      insights: { instagram_media_id: META_SEED_IDS.instagram.reel },
    })
    state.reelPostId = reel.id
    await api("POST", "/admin/social-posts", {
      platform_id: state.facebookPlatformId,
      name: "Removed giveaway post",
      status: "posted",
      insights: { facebook_post_id: META_SEED_IDS.facebook.deleted },
    })
    await api("POST", "/admin/social-posts", { platform_id: state.facebookPlatformId, name: "Holiday menu teaser", status: "draft" })

    await page.goto("/app/social-posts")
    await visible(page.getByText("Latte art reel"))
    await page.getByTestId("open-sync-all").click()
    const drawer = await visible(page.getByRole("dialog"))
    await drawer.getByLabel("Include posts synced recently").click()
    await drawer.getByTestId("sync-all-submit").click()
    const summary = await visible(drawer.getByTestId("sync-all-summary"), 30_000)
    expect(await drawer.getByTestId("sync-all-synced").textContent()).toMatch(/[1-9]/)
    expect(await drawer.getByTestId("sync-all-failed").textContent()).toContain("1")
    const failures = await visible(summary.getByTestId("sync-all-failures"))
    await visible(failures.getByText("Removed giveaway post"))
    expect(((await failures.textContent()) ?? "").length).toBeGreaterThan("Removed giveaway post".length)
    await screenshot(drawer, "sync-all-summary.png", { docs: false })
    await drawer.getByRole("button", { name: "Done" }).click()

    for (const name of ["Latte art reel", "Autumn blend launch"]) {
      await visible(page.locator("tr").filter({ hasText: name }).getByText("Synced", { exact: true }))
    }
    await screenshot(page, "social-posts-list.png")
  })

  it("filters and searches the list", async () => {
    await page.getByPlaceholder("Search posts").fill("latte")
    await page.waitForFunction(() => document.querySelectorAll("tbody tr").length === 1)
    expect(await page.locator("tbody tr").first().textContent()).toContain("Latte art reel")
    await page.getByPlaceholder("Search posts").fill("")
    await page.waitForFunction(() => document.querySelectorAll("tbody tr").length >= 4)

    await page.getByTestId("posts-filter-menu").locator("button").click()
    await page.getByRole("menuitem", { name: "Status" }).click()
    await page.getByRole("listitem").filter({ hasText: "Draft" }).click()
    await page.waitForFunction(() => document.querySelectorAll("tbody tr").length === 1)
    expect(await page.locator("tbody tr").first().textContent()).toContain("Holiday menu teaser")
    await page.keyboard.press("Escape")
    await page.getByRole("button", { name: "Clear all" }).click()
    await page.waitForFunction(() => document.querySelectorAll("tbody tr").length >= 4)
  })

  it("shows an Instagram reel's panel with its platform-specific block", async () => {
    await page.goto(`/app/social-posts/${state.reelPostId}`)
    await visible(page.getByTestId("insights-metrics-grid"))
    for (const label of ["Likes", "Comments", "Reach", "Video views", "Avg. watch time"]) {
      expect(await metric(page, label)).toMatch(/\d/)
    }
    // A reel has no impressions metric: never shown as 0.
    expect(await page.locator('[data-metric="Impressions"]').count()).toBeLessThanOrEqual(1)
    // Reels have no profile visits on the Graph API; views, reposts and the skip rate are reel-only numbers.
    const block = await visible(page.getByTestId("platform-metrics-instagram"))
    expect(await block.textContent()).toContain("Skip rate")

    const reel = admin.sandbox.fixtures.instagram.find((m) => m.id === META_SEED_IDS.instagram.reel)!
    reel.like_count += 25
    await page.getByRole("button", { name: "More sync options" }).click()
    await page.getByRole("menuitem", { name: "Force sync now" }).click()
    await toast(page, "Insights synced")
    await page.waitForFunction(
      (expected) => document.querySelector('[data-testid="insights-metrics-grid"] [data-metric="Likes"]')?.textContent === expected,
      n(reel.like_count)
    )
    await visible(page.getByTestId("insights-chart-svg"))
    await screenshot(page.getByTestId("post-insights-column"), "panel-instagram-reel.png")
  })

  it("shows an unknown engagement rate as –, never 0.00%, next to the interactions", async () => {
    // A Page under 100 likes: Graph answers its post insights empty, so there is no reach nor impressions.
    const pageId = META_SEED_IDS.pages[0]
    admin.sandbox.setOptions({ meta: { pagesWithoutInsights: [pageId] } })
    try {
      const { social_post } = await api<{ social_post: { id: string } }>("POST", "/admin/social-posts", {
        platform_id: state.facebookPlatformId,
        name: "Small page video",
        status: "posted",
        insights: { facebook_post_id: META_SEED_IDS.facebook.video },
      })
      await page.goto(`/app/social-posts/${social_post.id}`)
      await page.getByTestId("sync-insights-button").click()
      await toast(page, "Insights synced")
      expect(await metric(page, "Likes")).toMatch(/\d/)
      expect(await metric(page, "Engagement rate")).toBe("–")

      await page.goto("/app/social-posts")
      await page.getByPlaceholder("Search posts").fill("Small page video")
      await page.waitForFunction(() => document.querySelectorAll("tbody tr").length === 1)
      const row = (await page.locator("tbody tr").first().textContent()) ?? ""
      expect(row).toContain("Small page video")
      expect(row).not.toContain("0.00%")
      expect(row).toContain("–")
    } finally {
      admin.sandbox.setOptions({ meta: {} })
    }
  })

  it("explains why a draft cannot be synced instead of offering the button", async () => {
    const { social_posts } = await api<{ social_posts: { id: string; name: string }[] }>("GET", "/admin/social-posts?status=draft")
    await page.goto(`/app/social-posts/${social_posts[0].id}`)
    await visible(page.getByTestId("not-syncable").getByText(/draft/))
    expect(await page.getByTestId("sync-insights-button").count()).toBe(0)
  })

  it("offers to reconnect an account whose token expired, and syncs again after", async () => {
    const { social_platform: expired } = await api<{ social_platform: { id: string } }>("POST", "/admin/social-platforms", {
      name: "Old Page token",
      provider: "facebook",
      account_id: META_SEED_IDS.pages[0],
      api_config: { access_token: "meta-expired-token" },
    })
    const { social_post: post } = await api<{ social_post: { id: string } }>("POST", "/admin/social-posts", {
      platform_id: expired.id,
      name: "Photo without shares",
      status: "posted",
      insights: { facebook_post_id: META_SEED_IDS.facebook.photoNoShares },
    })
    await page.goto(`/app/social-posts/${post.id}`)
    await page.getByTestId("sync-insights-button").click()
    await toast(page, "Sync failed")
    await visible(page.getByTestId("sync-failure"))
    // The sync marked the platform needs_reconnect; the panel links to the fix.
    await (await visible(page.getByRole("link", { name: "Reconnect it" }))).click()
    const drawer = await visible(page.getByRole("dialog"))
    await visible(drawer.getByRole("heading", { name: "Reconnect Old Page token" }))
    await drawer.locator("#platform-access-token").fill("meta-demo-token")
    await drawer.getByTestId("platform-form-submit").click()
    await toast(page, "Platform reconnected")
    const row = await visible(page.getByTestId("platform-row").filter({ hasText: "Old Page token" }))
    await visible(row.getByText("Connected"))

    await page.goto(`/app/social-posts/${post.id}`)
    await page.getByTestId("sync-insights-button").click()
    await toast(page, "Insights synced")
    // shares = 0 is absent from Graph's answer; the sync stores 0 only because the post itself answered.
    await visible(page.getByTestId("insights-metrics-grid"))
  })

  it("links a product and shows the post on the product page", async () => {
    const { product } = await api<{ product: { id: string } }>("POST", "/admin/products", {
      title: "Autumn Blend Coffee",
      status: "published",
      options: [{ title: "Size", values: ["250 g"] }],
    })
    state.productId = product.id
    await page.goto(state.facebookPostUrl!)
    const section = await visible(page.getByTestId("linked-products"))
    await section.getByRole("button", { name: "Edit" }).click()
    const drawer = await visible(page.getByRole("dialog"))
    await (await visible(drawer.locator("label").filter({ hasText: "Autumn Blend Coffee" }))).click()
    await drawer.getByRole("button", { name: /Save/ }).click()
    await toast(page, "Products updated")
    await visible(section.getByRole("link", { name: "Autumn Blend Coffee" }))

    await page.goto(`/app/products/${product.id}`)
    const widget = await visible(page.getByTestId("product-social-posts-widget"), 20_000)
    const row = await visible(widget.getByTestId("product-social-post").filter({ hasText: "Autumn blend launch" }))
    expect(await row.textContent()).toContain(`❤️ ${state.likesBeforeFailure}`)
    await screenshot(widget, "product-widget.png", { docs: false })
    await row.getByRole("button", { name: /Sync insights of/ }).click()
    await toast(page, /Insights synced|Sync failed/)
  })

  it("fits a tablet-width screen", async () => {
    await page.setViewportSize({ width: 768, height: 1024 })
    await page.goto("/app/social-posts")
    await visible(page.getByText("Latte art reel"))
    await noHorizontalOverflow()
    await page.goto(state.facebookPostUrl!)
    await visible(page.getByTestId("insights-metrics-grid"))
    await noHorizontalOverflow()
    await screenshot(page, "tablet-post-detail.png", { docs: false })
    await page.setViewportSize({ width: 1280, height: 900 })
  })

  it("raised no uncaught error in the page", () => {
    expect(admin.pageErrors).toEqual([])
  })
})
