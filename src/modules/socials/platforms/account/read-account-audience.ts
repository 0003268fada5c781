import { z } from "@medusajs/framework/zod"
import { PlatformApiError } from "../http/platform-api-error"
import { createFacebookClient } from "../facebook/client"
import { createInstagramClient } from "../instagram/client"
import type { GraphClient } from "../meta/graph-client"
import { createLinkedInClient } from "../linkedin/client"
import { encodeUrn, organizationUrn } from "../linkedin/urn"
import { createThreadsClient } from "../threads/client"
import { createXClient } from "../x/client"
import type { SocialPlatform, SyncContext } from "../types"

/** An account's audience on one day; a number the platform did not give stays undefined (never 0). */
export type AccountAudience = { followers?: number; views?: number; reach?: number }

const count = z.number().int().nonnegative()
const graphAccount = z.object({ followers_count: count.optional() })
const xUser = z.object({ data: z.object({ public_metrics: z.object({ followers_count: count.optional() }).optional() }) })
const linkedInNetworkSize = z.object({ firstDegreeSize: count.optional() })
const threadsUserInsights = z.object({
  data: z.array(z.object({ name: z.string(), total_value: z.object({ value: count }).optional() })),
})

/**
 * One call per account, through the platform's client (budgets, retries, token
 * refresh and redaction come from the HTTP layer):
 * - Instagram `/{ig-user-id}?fields=followers_count`, Facebook `/{page-id}?fields=followers_count`;
 * - X `GET /2/users/:id?user.fields=public_metrics` (its own 15-minute bucket);
 * - LinkedIn `networkSizes/{org}?edgeType=COMPANY_FOLLOWED_BY_MEMBER` (a total, unlike
 *   organizationalEntityFollowerStatistics, which pages through demographic facets);
 * - Threads `/{threads-user-id}/threads_insights?metric=followers_count` (the current total; it
 *   ignores since/until).
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
  if (platform === "threads") {
    const res = await createThreadsClient(ctx).get(`${encodeURIComponent(accountId)}/threads_insights`, { metric: "followers_count" }, "account-followers")
    const metric = parse(platform, threadsUserInsights, res.data).data.find((m) => m.name === "followers_count")
    return { followers: metric?.total_value?.value }
  }
  if (platform === "linkedin") {
    const org = encodeUrn(organizationUrn(accountId))
    const res = await createLinkedInClient(ctx).get(`networkSizes/${org}?edgeType=COMPANY_FOLLOWED_BY_MEMBER`, "network-sizes")
    return { followers: parse(platform, linkedInNetworkSize, res.data).firstDegreeSize }
  }
  // A new platform fails to compile here; a row from a newer build gets an error, never another platform's endpoint.
  const unknown: never = platform
  throw new PlatformApiError({ platform: unknown, kind: "invalid_request", code: "unknown_platform", detail: `no account audience read for '${String(unknown)}'` })
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
