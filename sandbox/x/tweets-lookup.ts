import type { SandboxContext, SandboxReply, TokenFixture, TweetFixture } from "../types"
import { xOptions } from "./options"
import { badTweetId, checkParams, FIELD_PARAMS, fieldSelection, listParam, TWEET_ID_PATTERN } from "./params"
import { invalidRequest, privateMetricsForbidden, reply, tweetNotFound, tweetNotFoundMinimal, type ParameterError } from "./problems"
import { asksPrivateMetrics, canReadPrivateMetrics, TweetRenderer } from "./render"
import { recordPostReads } from "./usage"

/** OpenAPI `minItems: 1, maxItems: 100` on `ids`. */
const MAX_IDS = 100

type Json = Record<string, unknown>

function idsErrors(query: URLSearchParams): { ids: string[]; errors: ParameterError[] } {
  const ids = [...new Set(listParam(query, "ids"))]
  if (!query.has("ids") || ids.length === 0) {
    return { ids, errors: [{ parameters: { ids: [] }, message: "The `ids` query parameter can not be empty" }] }
  }
  if (ids.length > MAX_IDS) {
    return {
      ids,
      errors: [
        {
          parameters: { ids: [query.get("ids") ?? ""] },
          message: `The number of values in the \`ids\` query parameter list [${ids.length}] is not between 1 and ${MAX_IDS}`,
        },
      ],
    }
  }
  return { ids, errors: ids.filter((id) => !TWEET_ID_PATTERN.test(id)).map((id) => badTweetId("ids", id)) }
}

function livePost(ctx: SandboxContext, id: string): TweetFixture | undefined {
  const tweet = ctx.lookup("tweets", id)
  return tweet && !tweet.deleted ? tweet : undefined
}

interface Lookup {
  found: TweetFixture[]
  renderer: TweetRenderer
  missing: Json[]
}

/**
 * Shared by both lookup endpoints: renders the live posts and lists the missing ones, or
 * answers 403 for the whole request when the refusal mode is "forbidden".
 */
function lookup(ctx: SandboxContext, token: TokenFixture, query: URLSearchParams, ids: string[], parameter: "id" | "ids"): Lookup | SandboxReply {
  const sel = fieldSelection(query)
  const refusal = xOptions(ctx).privateMetricsRefusal ?? "field-errors"
  const now = ctx.now()
  const found: TweetFixture[] = []
  const missing: Json[] = []
  for (const id of ids) {
    const tweet = livePost(ctx, id)
    if (tweet) found.push(tweet)
    else missing.push(xOptions(ctx).partialErrorShape === "minimal" ? tweetNotFoundMinimal(id, parameter) : tweetNotFound(id, parameter))
  }
  const allowed = found.map((t) => canReadPrivateMetrics(token, t, now))
  if (refusal === "forbidden") {
    const refused = found.filter((t, i) => !allowed[i] && asksPrivateMetrics(sel, t)).map((t) => t.id)
    if (refused.length) return privateMetricsForbidden(refused)
  }
  const renderer = new TweetRenderer(sel, refusal === "omit" ? "omit" : "field-errors", parameter)
  found.forEach((t, i) => renderer.add(t, allowed[i]))
  return { found, renderer, missing }
}

function body(data: unknown, renderer: TweetRenderer, errors: Json[]): Json {
  const out: Json = {}
  if (data !== undefined) out.data = data
  const includes = renderer.includes()
  if (includes) out.includes = includes
  if (errors.length) out.errors = errors
  return out
}

/** GET /2/tweets?ids= : partial errors ride along with HTTP 200 (§4.4). */
export function lookupTweets(ctx: SandboxContext, token: TokenFixture, query: URLSearchParams): SandboxReply {
  const paramErrors = checkParams(query, ["ids", ...FIELD_PARAMS])
  const { ids, errors } = idsErrors(query)
  if (paramErrors.length || errors.length) return invalidRequest([...paramErrors, ...errors])

  const result = lookup(ctx, token, query, ids, "ids")
  if ("status" in result) return result
  recordPostReads(ctx, token.token, result.found.length)
  const data = result.found.length ? result.renderer.data : undefined
  return reply(200, body(data, result.renderer, [...result.missing, ...result.renderer.errors]))
}

/**
 * GET /2/tweets/:id. A deleted or unknown post was observed as 200 with only `errors`; the
 * docs' troubleshooting says 404 (§4.4), so `x.singleNotFoundStatus` switches.
 */
export function lookupTweet(ctx: SandboxContext, token: TokenFixture, query: URLSearchParams, id: string): SandboxReply {
  const paramErrors = checkParams(query, FIELD_PARAMS)
  if (!TWEET_ID_PATTERN.test(id)) paramErrors.push(badTweetId("id", id))
  if (paramErrors.length) return invalidRequest(paramErrors)

  const result = lookup(ctx, token, query, [id], "id")
  if ("status" in result) return result
  if (!result.found.length) {
    return reply(xOptions(ctx).singleNotFoundStatus ?? 200, { errors: result.missing })
  }
  recordPostReads(ctx, token.token, 1)
  return reply(200, body(result.renderer.data[0], result.renderer, result.renderer.errors))
}
