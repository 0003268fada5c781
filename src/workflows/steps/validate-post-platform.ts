import { MedusaError } from "@medusajs/framework/utils"
import SocialsModuleService from "../../modules/socials/service"
import { platformsServing, type PlatformPostIdField } from "../../modules/socials/platforms/catalog"

type PostIds = Partial<Record<PlatformPostIdField, string | null>>

/** Which platform post ids make sense on which provider (Meta can cross-post FB + IG): the provider's own first. */
function allowedIds(provider: string): string[] {
  const serving = platformsServing(provider)
  return [...serving.filter((p) => p.id === provider), ...serving.filter((p) => p.id !== provider)].map((p) => p.postIdField)
}

/**
 * Loads the post's platform, turning "not found" into a 400 on `platform_id`
 * (the client sent a bad reference; the post route itself exists).
 */
export async function loadPlatformForPost(socials: SocialsModuleService, platformId: string, ids?: PostIds) {
  const [platform] = await socials.listSocialPlatforms({ id: platformId }, { take: 1 })
  if (!platform) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `platform_id: no social platform with id '${platformId}'`)
  }
  const allowed = allowedIds(platform.provider)
  for (const [key, value] of Object.entries(ids ?? {})) {
    if (value && !allowed.includes(key)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `insights.${key}: not valid for a ${platform.provider} platform (expected ${allowed.join(" or ")})`
      )
    }
  }
  return platform
}
