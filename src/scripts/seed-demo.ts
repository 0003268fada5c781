import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { SOCIALS_MODULE } from "../modules/socials"
import type SocialsModuleService from "../modules/socials/service"
import type { PendingAccount } from "../modules/social-connect/types"
import { createSocialPostWorkflow } from "../workflows/create-social-post"
import { deleteSocialPostsWorkflow } from "../workflows/delete-social-posts"
import { syncAllPostInsightsWorkflow } from "../workflows/sync-all-post-insights"
import { updateSocialPostWorkflow } from "../workflows/update-social-post"
import { connectAccounts, importAllPosts } from "./seed-demo-connect"
import { seedAttributedOrders } from "./seed-demo-orders"

/**
 * Demo data for `npm run demo`, made the way a merchant makes it: each account is
 * connected through the platform's consent (the sandbox's Allow, see
 * seed-demo-connect.ts) and the connect workflows, its posts imported with the
 * import workflow; then a few posts get a merchant's names, one becomes a
 * cross-post, a draft and a post deleted on the platform are added by hand, and
 * one sync fills the numbers. Runs once per database.
 */
const DAY = 86_400_000
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString()

/** The sandbox's first Page, its Instagram account, X user, organization and Threads user (docs/SANDBOX.md). */
const DEMO_ACCOUNTS = {
  facebook: "104000000000001",
  instagram: "17841400000000001",
  twitter: "1500000000000000001",
  linkedin: "urn:li:organization:90000001",
  threads: "25000000000000001",
}
const CROSS_POST = { facebook_post_id: "104000000000001_900000000000002", instagram_media_id: "17900000000000001" }
const DELETED_ON_FACEBOOK = "104000000000001_900000000000005"

/** Names a merchant gave imported posts (the import names a post after its caption); seed-demo-orders.ts finds three by name. */
const DEMO_NAMES: Record<string, string> = {
  "104000000000001_900000000000001": "Autumn blend launch",
  "104000000000001_900000000000003": "Roastery tour video",
  "104000000000001_900000000000004": "Customer photos (busy thread)",
  [CROSS_POST.facebook_post_id]: "Cross-posted latte art",
  "17900000000000002": "Carousel: brewing guide",
  "17900000000000003": "Reel: espresso pull",
  "17900000000000007": "Giveaway (75 comments)",
  "17900000000000006": "Likes hidden",
  "1850000000000000001": "Launch thread",
  "1850000000000000003": "Roast timelapse",
  "urn:li:ugcPost:7304968765245411329": "We are hiring baristas",
  "urn:li:ugcPost:7300000000000000002": "Sourcing trip video",
  "18050000000000001": "Thread: cupping notes",
  "18050000000000002": "Thread: latte art photo (60 replies)",
}

type StoredPost = { id: string; platform_id: string; insights: Record<string, unknown> | null }
const ID_FIELDS = ["facebook_post_id", "instagram_media_id", "twitter_tweet_id", "linkedin_post_urn", "threads_media_id"]
const platformPostId = (p: StoredPost) => ID_FIELDS.map((f) => p.insights?.[f]).find((v): v is string => typeof v === "string")

/** The admin who "clicks" Connect: the demo's admin (scripts/demo.js creates it first), else any user. */
async function demoAdminId(container: MedusaContainer): Promise<string> {
  const users = container.resolve(Modules.USER)
  const email = process.env.DEMO_ADMIN_EMAIL || "admin@example.com"
  const [byEmail] = await users.listUsers({ email }, { take: 1 })
  const [any] = byEmail ? [byEmail] : await users.listUsers({}, { take: 1, order: { created_at: "ASC" } })
  return any?.id ?? "demo-seed"
}

export default async function seedDemo({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const socials = container.resolve<SocialsModuleService>(SOCIALS_MODULE)
  if ((await socials.listSocialPlatforms({}, { take: 1 })).length) {
    logger.info("Demo data already present: skipping the seed")
    return
  }

  // Connect: one consent per provider; the picker keeps the demo's accounts (Meta's consent also offers a second Page).
  const userId = await demoAdminId(container)
  const only = (...accountIds: string[]) => (accounts: PendingAccount[]) => accounts.filter((a) => accountIds.includes(a.account_id))
  const platforms = [
    ...(await connectAccounts(container, "meta", userId, only(DEMO_ACCOUNTS.facebook, DEMO_ACCOUNTS.instagram))),
    ...(await connectAccounts(container, "x", userId, only(DEMO_ACCOUNTS.twitter))),
    ...(await connectAccounts(container, "linkedin", userId, only(DEMO_ACCOUNTS.linkedin))),
    ...(await connectAccounts(container, "threads", userId, only(DEMO_ACCOUNTS.threads))),
  ]
  const platformOf = (provider: keyof typeof DEMO_ACCOUNTS) => platforms.find((p) => p.provider === provider)!.id

  // Import: every account's published posts, X only its latest 100 (each read is billed).
  for (const platform of platforms) {
    const summary = await importAllPosts(container, platform.id, platform.provider === "twitter" ? 1 : Infinity)
    logger.info(`Demo data: imported ${summary.imported} ${platform.provider} posts`)
  }

  // What a merchant does next in the admin: names, one cross-post, a draft, a post deleted on the platform.
  const imported = (await socials.listSocialPosts({}, { select: ["id", "platform_id", "insights"], take: 1000 })) as unknown as StoredPost[]
  const byPlatformId = new Map(imported.map((p) => [platformPostId(p), p]))
  for (const [platformPostIdValue, name] of Object.entries(DEMO_NAMES)) {
    const post = byPlatformId.get(platformPostIdValue)
    if (post) await updateSocialPostWorkflow(container).run({ input: { id: post.id, name } })
  }
  // The latte art went out on Facebook and Instagram at once: one post with both ids, its Instagram copy folded in.
  const crossPost = byPlatformId.get(CROSS_POST.facebook_post_id)
  const instagramCopy = byPlatformId.get(CROSS_POST.instagram_media_id)
  if (crossPost) {
    if (instagramCopy) await deleteSocialPostsWorkflow(container).run({ input: { ids: [instagramCopy.id] } })
    await updateSocialPostWorkflow(container).run({ input: { id: crossPost.id, insights: { instagram_media_id: CROSS_POST.instagram_media_id } } })
  }
  // Platforms stop listing a deleted post: this one was added before it was removed, and its sync fails on purpose.
  if (!byPlatformId.has(DELETED_ON_FACEBOOK)) {
    await createSocialPostWorkflow(container).run({
      input: { platform_id: platformOf("facebook"), name: "Deleted on Facebook", caption: "This one was removed on the platform.", media_type: "TEXT", status: "posted", posted_at: ago(10), insights: { facebook_post_id: DELETED_ON_FACEBOOK } },
    })
  }
  await createSocialPostWorkflow(container).run({ input: { platform_id: platformOf("facebook"), name: "Winter menu (draft)", caption: "Coming soon.", media_type: "IMAGE", status: "draft" } })

  // A few orders placed through the posts' tracked links, so revenue per post shows (docs/attribution.md).
  await seedAttributedOrders(container)

  const { result } = await syncAllPostInsightsWorkflow(container).run({ input: { limit: 100, force: true } })
  const count = (await socials.listSocialPosts({}, { select: ["id"], take: 1000 })).length
  logger.info(`Demo data: ${platforms.length} accounts connected through the sandbox's consent, ${count} posts; first sync: ${result.message} (${result.failed} failed on purpose)`)
}
