import fs from "node:fs"
import path from "node:path"
import type { Locator, Page } from "playwright-core"
import { ARTIFACTS } from "./support/medusa-app"
import { copyToDocs, useAdminBrowser, visible, withDatabase } from "./support/admin-browser"

/**
 * The reports in a real browser (production build, fresh database, headless
 * Chromium, as social-posts-admin.spec.ts): the Social overview with its period
 * table and best-time heatmap, the follower chart on the platforms page and the
 * Export CSV button. Data is seeded straight into the database, with dates
 * relative to now so the default "last 30 days" shows it.
 * UPDATE_SCREENSHOTS=1 also copies the screenshots into docs/images/.
 */

const DAY_MS = 86_400_000

const admin = useAdminBrowser({
  // The heatmap reads hours in the browser's zone: Berlin is UTC+1 or +2, never UTC.
  context: { timezoneId: "Europe/Berlin", acceptDownloads: true },
})
let platformId = ""

async function screenshot(target: Locator, name: string) {
  await target.screenshot({ path: path.join(ARTIFACTS, name), animations: "disabled" })
  copyToDocs(name)
}

/** The ISO weekday (1 = Monday) and hour of an instant in an IANA zone, as the heatmap should place it. */
function cellIn(iso: string, timeZone: string): { weekday: string; hour: string } {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", hour: "numeric", hourCycle: "h23" }).formatToParts(new Date(iso))
  const part = (type: string) => parts.find((p) => p.type === type)!.value
  return { weekday: String(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(part("weekday")) + 1), hour: String(Number(part("hour"))) }
}

async function heatCellPosition(): Promise<{ weekday: string | null; hour: string | null }> {
  const cell = admin.page.getByTestId("heat-cell")
  return { weekday: await cell.getAttribute("data-weekday"), hour: await cell.getAttribute("data-hour") }
}

/** A UTC time `days` ago at hh:mm, as an ISO string. */
function at(days: number, hh: number, mm = 0): string {
  const d = new Date(Date.now() - days * DAY_MS)
  d.setUTCHours(hh, mm, 0, 0)
  return d.toISOString()
}

async function seed(platform: string) {
  await withDatabase(admin.databaseUrl, async (client) => {
    const post = (id: string, name: string, postedAt: string, insights: Record<string, number>) =>
      client.query(
        `insert into social_post (id, platform_id, name, status, posted_at, insights) values ($1, $2, $3, 'posted', $4, $5)`,
        [id, platform, name, postedAt, JSON.stringify({ schema_version: 1, platform: "instagram", ...insights })]
      )
    // Three posts in one hour cell (rates 2, 4, 6 → median 4), one alone in another (not enough posts).
    await post("socpost_rep_1", "Linen launch", at(7, 9, 0), { likes: 120, comments: 12, shares: 4, reach: 2000, impressions: 2600, engagement: 136, engagement_rate: 2 })
    await post("socpost_rep_2", "Behind the seams", at(7, 9, 10), { likes: 300, comments: 30, shares: 10, reach: 8500, impressions: 9100, engagement: 340, engagement_rate: 4 })
    await post("socpost_rep_3", "=cmd|' /C calc'!A0", at(7, 9, 20), { likes: 60, comments: 0, shares: 0, reach: 1000, impressions: 1200, engagement: 60, engagement_rate: 6 })
    await post("socpost_rep_4", "Late drop", at(12, 20, 0), { likes: 40, comments: 2, shares: 1, reach: 900, impressions: 1000, engagement: 43, engagement_rate: 4.78 })
    await post("socpost_rep_5", "Last month", at(45, 9, 0), { likes: 80, comments: 8, shares: 2, reach: 3000, impressions: 3300, engagement: 90, engagement_rate: 3 })
    for (let d = 40; d >= 0; d -= 2) {
      await client.query(
        `insert into social_account_snapshot (id, platform_id, day, captured_at, followers) values ($1, $2, $3, $4, $5)`,
        [`socacct_rep_${d}`, platform, at(d, 0).slice(0, 10), at(d, 3, 30), 1800 + (40 - d) * 9]
      )
    }
  })
}

describe("Social reports in a browser", () => {
  /** The session's one page, from the first hook on. */
  let page: Page
  beforeAll(async () => {
    page = admin.page
    const { social_platform } = await admin.api<{ social_platform: { id: string } }>("POST", "/admin/social-platforms", {
      name: "Shop IG", provider: "instagram", account_id: "17841400000000001",
    })
    platformId = social_platform.id
    await seed(platformId)
  })

  it("shows the overview: this period against the previous one, top posts", async () => {
    await (await visible(page.getByRole("link", { name: "Social overview" }))).click()
    await page.waitForURL("**/app/social-overview")
    await visible(page.getByTestId("overview-table"))
    // 4 posts in the last 30 days, 1 in the 30 before; the rate is weighted by reach:
    // (136 + 340 + 60 + 43) / (2000 + 8500 + 1000 + 900) = 4.67 %.
    expect(await page.getByTestId("overview-total-posts").textContent()).toMatch(/^4prev\. 1$/)
    expect(await page.getByTestId("overview-total-rate").textContent()).toMatch(/^4\.67%prev\. 3\.00%$/)
    expect(await page.getByTestId("top-by-rate").getByRole("link").first().textContent()).toBe("=cmd|' /C calc'!A0")
    await screenshot(page.locator("main"), "social-overview.png")
  })

  it("draws the best-time heatmap in the browser's zone, with a cell marked as not enough posts", async () => {
    const heatmap = await visible(page.getByTestId("best-time-heatmap"))
    expect(await page.getByTestId("heat-cell").count()).toBe(1)
    expect(await page.getByTestId("heat-cell-insufficient").count()).toBe(1)
    await visible(page.getByTestId("best-time-legend").getByText(/in Europe\/Berlin/))
    // The three 09:00–09:20 UTC posts sit in Berlin's 10:00 or 11:00 cell, not in UTC's 09:00.
    expect(await heatCellPosition()).toEqual(cellIn(at(7, 9, 0), "Europe/Berlin"))
    expect(await page.getByTestId("best-time-timezone").textContent()).toBe("Browser's (Europe/Berlin)")
    await heatmap.scrollIntoViewIfNeeded()
    await screenshot(page.getByTestId("best-time-heatmap").locator(".."), "social-best-time.png")
  })

  it("keeps the store's time zone chosen on the page, and the heatmap follows it", async () => {
    const tokyo = cellIn(at(7, 9, 0), "Asia/Tokyo")
    expect(tokyo).not.toEqual(cellIn(at(7, 9, 0), "Europe/Berlin"))
    await page.getByTestId("best-time-timezone").click()
    await page.getByRole("option", { name: "Asia/Tokyo", exact: true }).click()
    await visible(page.getByTestId("best-time-legend").getByText(/in Asia\/Tokyo/))
    await page.waitForFunction((hour) => document.querySelector('[data-testid="heat-cell"]')?.getAttribute("data-hour") === hour, tokyo.hour)
    expect(await heatCellPosition()).toEqual(tokyo)
    // Saved on the store, so it survives a reload and is every admin's zone.
    expect((await (await page.request.get(`${admin.app.url}/admin/social-overview/settings`)).json()).settings.timezone).toBe("Asia/Tokyo")
    await page.reload()
    await visible(page.getByTestId("best-time-legend").getByText(/in Asia\/Tokyo/))
    expect(await heatCellPosition()).toEqual(tokyo)
    expect(await page.getByTestId("best-time-timezone").textContent()).toBe("Asia/Tokyo")

    // "Browser's" forgets the setting: back to Berlin.
    await page.getByTestId("best-time-timezone").click()
    await page.getByRole("option", { name: "Browser's (Europe/Berlin)" }).click()
    await visible(page.getByTestId("best-time-legend").getByText(/in Europe\/Berlin/))
    expect(await heatCellPosition()).toEqual(cellIn(at(7, 9, 0), "Europe/Berlin"))
    expect((await (await page.request.get(`${admin.app.url}/admin/social-overview/settings`)).json()).settings.timezone).toBeNull()
  })

  it("charts followers on the platforms page with the 7/30/90-day change", async () => {
    await page.goto("/app/social-posts/platforms")
    const growth = await visible(page.getByTestId(`follower-growth-${platformId}`))
    await visible(growth.getByTestId("follower-chart"))
    // Snapshots every other day from 40 days ago: 21 points, of which the last 90 days show all.
    expect(await growth.getByTestId("follower-point").count()).toBe(21)
    // Today 2160; 8 days ago (closest on or before 7 days back) 2088 → +72.
    expect(await growth.getByTestId("follower-change-7").textContent()).toBe("7 d: +72 (+3.45 %)")
    expect(await growth.getByTestId("follower-change-90").textContent()).toBe("90 d: –")
    // The x axis (and tooltip) name days, never a time of day: one count a day, its UTC calendar day.
    const ticks = await growth.locator(".recharts-xAxis .recharts-cartesian-axis-tick-value").allTextContents()
    expect(ticks.length).toBeGreaterThan(1)
    for (const tick of ticks) expect(tick).toMatch(/^[A-Z][a-z]{2} \d{1,2}$/)
    expect(ticks[ticks.length - 1]).toBe(new Date().toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" }))
    await screenshot(growth, "social-follower-growth.png")
  })

  it("exports what the list's filters show as CSV", async () => {
    await page.goto("/app/social-posts")
    await visible(page.getByRole("heading", { name: "Social Posts" }))
    const link = await visible(page.getByTestId("export-csv"))
    expect(await link.getAttribute("href")).toBe("/admin/social-posts/export?format=csv")
    await page.getByPlaceholder("Search posts").fill("linen")
    await page.waitForFunction(() => document.querySelector('[data-testid="export-csv"]')?.getAttribute("href")?.includes("q=linen"))
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()])
    const text = fs.readFileSync((await download.path())!, "utf8")
    const lines = text.trim().split("\r\n")
    expect(lines[0].startsWith("post_id,platform_post_id,platform,account_id,account_name,name")).toBe(true)
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain("Linen launch")
    expect(admin.pageErrors).toEqual([])
  })
})
