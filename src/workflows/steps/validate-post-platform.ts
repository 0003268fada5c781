import { MedusaError } from "@medusajs/framework/utils"
import SocialsModuleService from "../../modules/socials/service"

type PostIds = {
  instagram_media_id?: string | null
  facebook_post_id?: string | null
  twitter_tweet_id?: string | null
  linkedin_post_urn?: string | null
}

/** Which platform post ids make sense on which provider (Meta can cross-post FB + IG). */
const ALLOWED_IDS: Record<string, (keyof PostIds)[]> = {
  instagram: ["instagram_media_id", "facebook_post_id"],
  facebook: ["facebook_post_id", "instagram_media_id"],
  twitter: ["twitter_tweet_id"],
  linkedin: ["linkedin_post_urn"],
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
  const allowed = ALLOWED_IDS[platform.provider]
  for (const [key, value] of Object.entries(ids ?? {})) {
    if (value && !allowed.includes(key as keyof PostIds)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `insights.${key}: not valid for a ${platform.provider} platform (expected ${allowed.join(" or ")})`
      )
    }
  }
  return platform
}
