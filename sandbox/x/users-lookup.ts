import { configuredFollowers } from "../core/followers"
import type { SandboxContext, SandboxReply, TokenFixture } from "../types"
import { invalidRequest, reply } from "./problems"

const USER_ID_PATTERN = /^\d{1,19}$/

/**
 * GET /2/users/:id with `user.fields=public_metrics`: any public user can be read
 * (public data); followers come from a token fixture of that user, else from the id.
 * Without `user.fields` X answers only id, name and username.
 */
export function lookupUser(ctx: SandboxContext, _token: TokenFixture, query: URLSearchParams, id: string): SandboxReply {
  if (!USER_ID_PATTERN.test(id)) {
    return invalidRequest([{ parameters: { id: [id] }, message: `The \`id\` query parameter value [${id}] does not match ^[0-9]{1,19}$` }])
  }
  const owner = ctx.fixtures.tokens.find((t) => t.family === "x" && t.account_id === id)
  const username = owner?.account_name ?? `sandbox_${id.slice(-4)}`
  const fields = (query.get("user.fields") ?? "").split(",")
  const data: Record<string, unknown> = { id, name: username, username }
  if (fields.includes("public_metrics")) {
    data.public_metrics = {
      followers_count: configuredFollowers(ctx, id) ?? 500 + (Number(id.slice(-3)) || 0),
      following_count: 42,
      tweet_count: 321,
      listed_count: 3,
      like_count: 77,
      media_count: 12,
    }
  }
  return reply(200, { data })
}
