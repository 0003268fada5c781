import { z } from "@medusajs/framework/zod"
import { PlatformApiError } from "../http/platform-api-error"
import { createFacebookClient } from "../facebook/client"
import { createInstagramClient } from "../instagram/client"
import type { GraphClient } from "../meta/graph-client"
import { createLinkedInClient } from "../linkedin/client"
import { encodeUrn, organizationUrn } from "../linkedin/urn"
import { createXClient } from "../x/client"
import type { SocialPlatform, SyncContext } from "../types"

/** An account's audience on one day; a number the platform did not give stays undefined (never 0). */
export type AccountAudience = { followers?: number; views?: number; reach?: number }

const count = z.number().int().nonnegative()
const graphAccount = z.object({ followers_count: count.optional() })
const xUser = z.object({ data: z.object({ public_metrics: z.object({ followers_count: count.optional() }).optional() }) })
const linkedInNetworkSize = z.object({ firstDegreeSize: count.optional() })

/**
 * One call per account, through the platform's client (budgets, retries, token
 * refresh and redaction come from the HTTP layer):
 * - Instagram `/{ig-user-id}?fields=followers_count`, Facebook `/{page-id}?fields=followers_count`;
 * - X `GET /2/users/:id?user.fields=public_metrics` (its own 15-minute bucket);
 * - LinkedIn `networkSizes/{org}?edgeType=COMPANY_FOLLOWED_BY_MEMBER` (a total, unlike
 *   organizationalEntityFollowerStatistics, which pages through demographic facets).
 * Daily views / reach would cost an insights call each: left for a later version.
 */
export async function readAccountAudience(ctx: SyncContext, platform: SocialPlatform): Promise<AccountAudience> {
  const accountId = ctx.credentials.accountId
  if (platform === "instagram" || platform === "facebook") {
    const client = platform === "instagram" ? createInstagramClient(ctx) : createFacebookClient(ctx)
    return { followers: parse(platform, graphAccount, await graphGet(client, `${accountId}?fields=followers_count`)).followers_count }
  }
  if (platform === "twitter") {
    const res = await createXClient(ctx).get(`/2/users/${encodeURIComponent(accountId)}`, { "user.fields": "public_metrics" }, "users-lookup")
    return { followers: parse(platform, xUser, res.data).data.public_metrics?.followers_count }
  }
  const org = encodeUrn(organizationUrn(accountId))
  const res = await createLinkedInClient(ctx).get(`networkSizes/${org}?edgeType=COMPANY_FOLLOWED_BY_MEMBER`, "network-sizes")
  return { followers: parse(platform, linkedInNetworkSize, res.data).firstDegreeSize }
}

async function graphGet(client: GraphClient, relative: string): Promise<unknown> {
  const [result] = await client.getMany([relative], `${client.platform}.account`)
  if (!result.ok) throw result.error
  return result.body
}

function parse<T>(platform: SocialPlatform, schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    throw new PlatformApiError({ platform, kind: "malformed_response", code: "account_shape", detail: "the account answer has an unexpected shape" })
  }
  return parsed.data
}
