import { readFileSync } from "node:fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { SOCIALS_MODULE } from "../../../src/modules/socials"
import type SocialsModuleService from "../../../src/modules/socials/service"

export type MultiProcessSeed = {
  admin: { email: string; password: string }
  platforms: { key: string; name: string; provider: "instagram" | "facebook" | "twitter" | "linkedin"; account_id: string; access_token: string; auth_type?: string }[]
  posts: { platformKey: string; insights: Record<string, string>; media_type: "IMAGE" | "VIDEO" | "TEXT"; posted_at: string }[]
}

/**
 * `medusa exec` script for the multi-process test: an admin who can log in on
 * either process, platforms with their tokens sealed by the module, posted posts.
 * Prints the platform ids by key as one JSON line for the test to read.
 */
export default async function seedMultiProcess({ container }: ExecArgs) {
  const file = process.env.MULTI_PROCESS_SEED
  if (!file) throw new Error("MULTI_PROCESS_SEED is not set")
  const seed = JSON.parse(readFileSync(file, "utf8")) as MultiProcessSeed

  const users = container.resolve(Modules.USER)
  const auth = container.resolve(Modules.AUTH)
  const user = await users.createUsers({ email: seed.admin.email, first_name: "Multi", last_name: "Process" })
  const { authIdentity, error } = await auth.register("emailpass", {
    url: "",
    headers: {},
    query: {},
    protocol: "http",
    body: { email: seed.admin.email, password: seed.admin.password },
  })
  if (!authIdentity) throw new Error(`could not register the admin: ${error}`)
  await auth.updateAuthIdentities({ id: authIdentity.id, app_metadata: { user_id: user.id } })

  const socials = container.resolve<SocialsModuleService>(SOCIALS_MODULE)
  const platforms = await socials.createSocialPlatforms(
    seed.platforms.map((p) => ({
      name: p.name,
      provider: p.provider,
      account_id: p.account_id,
      ...socials.sealForNewPlatform({ access_token: p.access_token, ...(p.auth_type ? { auth_type: p.auth_type } : {}) }),
    }))
  )
  const ids = Object.fromEntries(seed.platforms.map((p, i) => [p.key, platforms[i].id]))
  await socials.createSocialPosts(
    seed.posts.map((p) => ({
      platform_id: ids[p.platformKey],
      name: Object.values(p.insights)[0],
      status: "posted" as const,
      media_type: p.media_type,
      posted_at: new Date(p.posted_at),
      insights: p.insights,
    }))
  )
  process.stdout.write(`MULTI_PROCESS_PLATFORMS=${JSON.stringify(ids)}\n`)
}
