import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SOCIALS_MODULE } from "../modules/socials"
import type SocialsModuleService from "../modules/socials/service"
import { createSocialPlatformWorkflow } from "../workflows/create-social-platform"
import { createSocialPostWorkflow } from "../workflows/create-social-post"
import { syncAllPostInsightsWorkflow } from "../workflows/sync-all-post-insights"
import { seedAttributedOrders } from "./seed-demo-orders"
import type { CreateSocialPlatformStepInput } from "../workflows/steps/create-social-platform"
import type { CreateSocialPostStepInput } from "../workflows/steps/create-social-post"

/**
 * Demo data for `npm run demo`: one account per platform on the platform sandbox
 * (its seeded demo tokens and post ids, see docs/SANDBOX.md), posts of every kind,
 * then one sync so the admin shows numbers at once. Runs once per database.
 */
const DAY = 86_400_000
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString()

export default async function seedDemo({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const socials = container.resolve<SocialsModuleService>(SOCIALS_MODULE)
  if ((await socials.listSocialPlatforms({}, { take: 1 })).length) {
    logger.info("Demo data already present: skipping the seed")
    return
  }

  const platform = async (input: CreateSocialPlatformStepInput) =>
    (await createSocialPlatformWorkflow(container).run({ input })).result.id

  const page = await platform({ name: "Sandbox Coffee Co. (Facebook Page)", provider: "facebook", account_id: "104000000000001", api_config: { access_token: "meta-demo-token" } })
  const instagram = await platform({ name: "@sandbox_coffee (Instagram)", provider: "instagram", account_id: "17841400000000001", api_config: { access_token: "meta-demo-token" } })
  const x = await platform({
    name: "@sandbox_coffee (X)",
    provider: "twitter",
    account_id: "1500000000000000001",
    api_config: { access_token: "x-demo-token", refresh_token: "x-demo-refresh", auth_type: "user_context", token_expires_at: new Date(Date.now() + 2 * 3_600_000).toISOString() },
  })
  const linkedin = await platform({ name: "Sandbox Coffee Co. (LinkedIn)", provider: "linkedin", account_id: "urn:li:organization:90000001", api_config: { access_token: "linkedin-demo-token" } })
  const threads = await platform({ name: "@sandbox_coffee (Threads)", provider: "threads", account_id: "25000000000000001", api_config: { access_token: "threads-demo-token" } })

  const posts: (Omit<CreateSocialPostStepInput, "status"> & { draft?: boolean })[] = [
    { platform_id: page, name: "Autumn blend launch", caption: "Our autumn blend is here.", media_type: "TEXT", posted_at: ago(2), insights: { facebook_post_id: "104000000000001_900000000000001" } },
    { platform_id: page, name: "Roastery tour video", caption: "Behind the scenes at the roastery.", media_type: "VIDEO", posted_at: ago(5), insights: { facebook_post_id: "104000000000001_900000000000003" } },
    { platform_id: page, name: "Customer photos (busy thread)", caption: "Show us your cup!", media_type: "IMAGE", posted_at: ago(9), insights: { facebook_post_id: "104000000000001_900000000000004" } },
    { platform_id: page, name: "Cross-posted latte art", caption: "Latte art Friday, on Facebook and Instagram.", media_type: "IMAGE", posted_at: ago(1), insights: { facebook_post_id: "104000000000001_900000000000002", instagram_media_id: "17900000000000001" } },
    { platform_id: instagram, name: "Carousel: brewing guide", caption: "Five steps to a better pour-over.", media_type: "CAROUSEL_ALBUM", posted_at: ago(3), insights: { instagram_media_id: "17900000000000002" } },
    { platform_id: instagram, name: "Reel: espresso pull", caption: "Slow motion espresso.", media_type: "REELS", posted_at: ago(4), insights: { instagram_media_id: "17900000000000003" } },
    { platform_id: instagram, name: "Giveaway (75 comments)", caption: "Comment to win a bag of beans.", media_type: "IMAGE", posted_at: ago(6), insights: { instagram_media_id: "17900000000000007" } },
    { platform_id: instagram, name: "Likes hidden", caption: "A quiet morning.", media_type: "IMAGE", posted_at: ago(8), insights: { instagram_media_id: "17900000000000006" } },
    { platform_id: x, name: "Launch thread", caption: "The autumn blend is live.", media_type: "TEXT", posted_at: ago(2), insights: { twitter_tweet_id: "1850000000000000001" } },
    { platform_id: x, name: "Roast timelapse", caption: "12 minutes in 30 seconds.", media_type: "VIDEO", posted_at: ago(3), insights: { twitter_tweet_id: "1850000000000000003" } },
    { platform_id: linkedin, name: "We are hiring baristas", caption: "Join the team.", media_type: "TEXT", posted_at: ago(5), insights: { linkedin_post_urn: "urn:li:ugcPost:7304968765245411329" } },
    { platform_id: linkedin, name: "Sourcing trip video", caption: "Visiting our growers.", media_type: "VIDEO", posted_at: ago(7), insights: { linkedin_post_urn: "urn:li:ugcPost:7300000000000000002" } },
    { platform_id: threads, name: "Thread: cupping notes", caption: "What we taste in the autumn blend.", media_type: "TEXT", posted_at: ago(2), insights: { threads_media_id: "18050000000000001" } },
    { platform_id: threads, name: "Thread: latte art photo (60 replies)", caption: "Rate this heart.", media_type: "IMAGE", posted_at: ago(5), insights: { threads_media_id: "18050000000000002" } },
    { platform_id: page, name: "Deleted on Facebook", caption: "This one was removed on the platform.", media_type: "TEXT", posted_at: ago(10), insights: { facebook_post_id: "104000000000001_900000000000005" } },
    { platform_id: page, name: "Winter menu (draft)", caption: "Coming soon.", media_type: "IMAGE", draft: true },
  ]
  for (const post of posts) {
    const { draft, ...input } = post
    await createSocialPostWorkflow(container).run({ input: { ...input, status: draft ? "draft" : "posted" } })
  }

  // A few orders placed through the posts' tracked links, so revenue per post shows (docs/attribution.md).
  await seedAttributedOrders(container)

  const { result } = await syncAllPostInsightsWorkflow(container).run({ input: { limit: 100, force: true } })
  logger.info(`Demo data: 5 platforms, ${posts.length} posts; first sync: ${result.message} (${result.failed} failed on purpose)`)
}
