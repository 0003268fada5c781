import { StoredApiConfig, toPublicApiConfig } from "../../modules/socials/utils/api-config"
import type { SocialPlatform, SocialPost, Wire } from "../../types/api"

type PlatformRecord = { api_config?: unknown; posts?: unknown } & Record<string, unknown>
type PostRecord = { platform?: PlatformRecord | null } & Record<string, unknown>

// The one place a stored row becomes its API type: the row's columns are the API's fields (the
// models and src/types/api.ts describe the same table; `insights` passed its zod schema before
// it was stored), so the cast names that fact instead of repeating it in every route.

/** The only shape in which a platform leaves the server: never a token, sealed or not. */
export function toPublicPlatform(platform: PlatformRecord): Wire<SocialPlatform> {
  const { api_config, posts: _posts, ...rest } = platform
  return { ...(rest as Wire<Omit<SocialPlatform, "api_config">>), api_config: toPublicApiConfig(api_config as StoredApiConfig | null) }
}

export function toPublicPost(post: PostRecord): Wire<SocialPost> {
  const { platform, ...rest } = post
  return { ...(rest as Wire<Omit<SocialPost, "platform">>), platform: platform ? toPublicPlatform(platform) : platform }
}
