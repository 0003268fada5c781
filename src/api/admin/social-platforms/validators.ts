import { z } from "@medusajs/framework/zod"
import { SOCIAL_PLATFORM_STATUSES, SOCIAL_PROVIDERS } from "../../../modules/socials/models/social-platform"

const isoDate = (field: string) =>
  z.string().datetime({ offset: true, message: `${field} must be an ISO 8601 date-time` })

export const ApiConfigBody = z
  .object({
    access_token: z.string().min(1).max(4096).nullish(),
    refresh_token: z.string().min(1).max(4096).nullish(),
    token_expires_at: isoDate("token_expires_at").nullish(),
    auth_type: z.enum(["user_context", "app_only", "page", "user", "system_user", "oauth2"]).nullish(),
  })
  .strict()

const PlatformFields = {
  name: z.string().trim().min(1).max(200),
  provider: z.enum(SOCIAL_PROVIDERS),
  account_id: z.string().trim().min(1).max(200).nullish(),
  api_config: ApiConfigBody.optional(),
  status: z.enum(SOCIAL_PLATFORM_STATUSES).optional(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
}

export const AdminCreateSocialPlatform = z.object(PlatformFields).strict()
export type AdminCreateSocialPlatformType = z.infer<typeof AdminCreateSocialPlatform>

export const AdminUpdateSocialPlatform = z
  .object({ ...PlatformFields, name: PlatformFields.name.optional(), provider: PlatformFields.provider.optional() })
  .strict()
export type AdminUpdateSocialPlatformType = z.infer<typeof AdminUpdateSocialPlatform>

export const AdminListSocialPlatformsQuery = z
  .object({
    q: z.string().max(200).optional(),
    provider: z.enum(SOCIAL_PROVIDERS).optional(),
    status: z.enum(SOCIAL_PLATFORM_STATUSES).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    order: z.string().regex(/^-?(name|provider|status|created_at|updated_at)$/, "order must be one of name, provider, status, created_at, updated_at, optionally prefixed with -").optional(),
  })
  .strict()
export type AdminListSocialPlatformsQueryType = z.infer<typeof AdminListSocialPlatformsQuery>

export const AdminGetSocialPlatformQuery = z.object({}).strict()
