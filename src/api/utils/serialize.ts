import { StoredApiConfig, toPublicApiConfig } from "../../modules/socials/utils/api-config"

type PlatformRecord = { api_config?: unknown; posts?: unknown } & Record<string, unknown>
type PostRecord = { platform?: PlatformRecord | null } & Record<string, unknown>

/** The only shape in which a platform leaves the server: never a token, sealed or not. */
export function toPublicPlatform(platform: PlatformRecord) {
  const { api_config, posts: _posts, ...rest } = platform
  return { ...rest, api_config: toPublicApiConfig(api_config as StoredApiConfig | null) }
}

export function toPublicPost(post: PostRecord) {
  const { platform, ...rest } = post
  return { ...rest, platform: platform ? toPublicPlatform(platform) : platform }
}
