import { THREADS_DEMO_TOKENS, THREADS_SEED_IDS } from "../../sandbox/threads/seed"
import { ARTIFACTS } from "./support/medusa-app"
import { metric, toast, useAdminBrowser, withDatabase } from "./support/admin-browser"

/**
 * Two platform-specific parts of the admin in a real browser (production build, as the
 * other browser specs). They share one Medusa boot: the read cap only bounds X's reads,
 * and neither test looks at the other's account.
 */
const admin = useAdminBrowser({ env: { SOCIALS_X_MONTHLY_READ_CAP: "1000" } })

/**
 * The X spend block of the platforms page: this month's reads of an X account against
 * SOCIALS_X_MONTHLY_READ_CAP, the estimated spend at the default price and the "near cap"
 * state. The counter is seeded in the database.
 */
describe("X spend in a browser", () => {
  let xId = ""

  beforeAll(async () => {
    const { social_platform } = await admin.api<{ social_platform: { id: string } }>("POST", "/admin/social-platforms", {
      name: "Shop X", provider: "twitter", account_id: "2244994945", api_config: { access_token: "x-demo-token" },
    })
    xId = social_platform.id
    await withDatabase(admin.databaseUrl, (client) =>
      client.query(`insert into social_x_read_count (platform_id, month, reads) values ($1, $2, 850)`, [xId, new Date().toISOString().slice(0, 7)])
    )
  })

  it("shows an X account's reads, cap, estimated spend and the near-cap state", async () => {
    const { page } = admin
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

/**
 * A Threads post: a Threads account and a post with insights.threads_media_id, synced from
 * the panel, then its shared numbers in the grid and its own "Threads metrics" block. The
 * sandbox's example thread has 2,000 views, 120 likes, 14 replies, 6 reposts, 3 quotes and 2 shares.
 */
describe("Threads in the admin", () => {
  it("syncs a Threads post from the panel and shows its numbers and its Threads metrics block", async () => {
    const { page } = admin
    const { social_platform } = await admin.api<{ social_platform: { id: string } }>("POST", "/admin/social-platforms", {
      name: "@sandbox_coffee (Threads)", provider: "threads", account_id: THREADS_SEED_IDS.user, api_config: { access_token: THREADS_DEMO_TOKENS.user },
    })
    const { social_post } = await admin.api<{ social_post: { id: string } }>("POST", "/admin/social-posts", {
      platform_id: social_platform.id, name: "Cupping notes", status: "posted", insights: { threads_media_id: THREADS_SEED_IDS.example },
    })

    await page.goto(`/app/social-posts/${social_post.id}`)
    await page.getByTestId("sync-insights-button").click()
    await toast(page, "Insights synced")
    await page.waitForFunction(() => document.querySelector('[data-testid="insights-metrics-grid"] [data-metric="Likes"]')?.textContent === "120")
    expect(await metric(page, "Comments")).toBe("14")
    // reposts + quotes + shares
    expect(await metric(page, "Shares")).toBe("11")

    const block = page.getByTestId("platform-metrics-threads")
    await block.waitFor({ state: "visible" })
    const text = (await block.textContent()) ?? ""
    expect(text).toContain("Threads metrics")
    for (const label of ["Reposts", "Quotes"]) expect(text).toContain(label)
    await page.getByTestId("post-insights-panel").screenshot({ path: `${ARTIFACTS}/panel-threads.png` })
  })
})
