import type { ExecArgs } from "@medusajs/framework/types"
import { createSocialPlatformWorkflow } from "../../../src/workflows/create-social-platform"
import { createSocialPostWorkflow } from "../../../src/workflows/create-social-post"
import { SOCIALS_MODULE } from "../../../src/modules/socials"
import type SocialsModuleService from "../../../src/modules/socials/service"

/** Process 1: publish a post, wait until its first sync is recorded as due, then exit. */
export default async function publishPost({ container }: ExecArgs) {
  const { result: platform } = await createSocialPlatformWorkflow(container).run({
    input: { name: "Page", provider: "facebook", account_id: "104000000000001", api_config: { access_token: "meta-demo-token" } },
  })
  const { result: post } = await createSocialPostWorkflow(container).run({
    input: { platform_id: platform.id, status: "posted", insights: { facebook_post_id: process.env.RESTART_FB_POST_ID } },
  })
  const socials = container.resolve<SocialsModuleService>(SOCIALS_MODULE)
  for (let i = 0; i < 100; i++) {
    const { next_sync_at } = await socials.retrieveSocialPost(post.id, { select: ["next_sync_at"] })
    if (next_sync_at) {
      return
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error("the published post never got a due time")
}
