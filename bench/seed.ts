import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, generateEntityId } from "@medusajs/framework/utils"
import { SOCIALS_MODULE } from "../src/modules/socials"
import type SocialsModuleService from "../src/modules/socials/service"
import { readBenchConfig } from "./config"
import { buildWorkload, orderedPostSeeds, platformSeeds, POST_ID_KEY } from "./workload"

/** Rows per INSERT: one statement per chunk keeps a 10,000-post seed at a few seconds. */
const INSERT_CHUNK = 1_000

/**
 * `medusa exec ./bench/seed.ts`: the workload's accounts as social platforms (tokens
 * sealed by the module service, exactly as the admin route stores them), then every
 * post as a `posted` row carrying its platform post id, bulk-inserted.
 */
export default async function seedBench({ container }: ExecArgs) {
  const config = readBenchConfig()
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const socials = container.resolve<SocialsModuleService>(SOCIALS_MODULE)
  const workload = buildWorkload(config.workload)

  const seeds = platformSeeds(workload.accounts)
  const created = await socials.createSocialPlatforms(
    seeds.map((p) => ({
      name: p.name,
      provider: p.provider,
      account_id: p.account_id,
      status: "active" as const,
      ...socials.sealForNewPlatform({ access_token: p.access_token, ...(p.auth_type ? { auth_type: p.auth_type } : {}) }),
    }))
  )
  const platformIdByKey = new Map(seeds.map((p, i) => [p.key, created[i].id]))

  let rows: Record<string, unknown>[] = []
  let total = 0
  const flush = async () => {
    if (!rows.length) return
    await knex("social_post").insert(rows)
    total += rows.length
    rows = []
  }
  // Ids are time-ordered (ULIDs): inserting in this order decides how pages fall.
  for (const post of orderedPostSeeds(workload, config.seedOrder)) {
    const platformId = platformIdByKey.get(post.platformKey)
    if (!platformId) throw new Error(`no platform seeded for ${post.platformKey}`)
    rows.push({
      id: generateEntityId(undefined, "socpost"),
      platform_id: platformId,
      name: `${post.provider} ${post.platformPostId}`,
      status: "posted",
      posted_at: post.posted_at,
      media_type: post.media_type,
      insights: JSON.stringify({ [POST_ID_KEY[post.provider]]: post.platformPostId }),
    })
    if (rows.length >= INSERT_CHUNK) await flush()
  }
  await flush()
  logger.info(`bench: seeded ${seeds.length} platforms and ${total} posts`)
}
