import { withReads } from "../../x-spend/sync-guard"
import { hostIs, type ParsedPostUrl } from "../listing/post-url"
import type { SyncContext } from "../types"
import { createXClient } from "./client"
import { readCount, timelineSchema, toListed } from "./list-posts"

/** x.com|twitter.com/{user}/status/{id} (also mobile., /i/web/status/, /photo/1, ?s=20). */
const STATUS = /^\/(?:[^/]+|i(?:\/web)?)\/status(?:es)?\/(\d{1,19})(?:\/|$)/

/**
 * The URL carries the post id; one lookup (one billed read, booked on the spend
 * counter) checks that the connected user wrote it and reads its text and date.
 */
export function parseXPostUrl(url: URL): ParsedPostUrl {
  if (!hostIs(url, "x.com", "twitter.com")) return undefined
  const id = STATUS.exec(url.pathname)?.[1]
  if (!id) return { platform: "twitter", problem: "this X link is not a post (it should look like x.com/<user>/status/<id>)" }
  return { platform: "twitter", kind: "lookup", lookup: (ctx) => lookupOwnPost(ctx, id) }
}

async function lookupOwnPost(ctx: SyncContext, id: string) {
  const query = { ids: id, "tweet.fields": "created_at,attachments,author_id", expansions: "attachments.media_keys,author_id", "media.fields": "type" }
  const client = createXClient(ctx)
  const res = await withReads(ctx.xReads, ctx.now ?? Date.now, 1, () => client.get("/2/tweets", query, "tweets-lookup"), (r) => readCount(r.data))
  const parsed = timelineSchema.safeParse(res.data ?? {})
  if (!parsed.success) return { problem: "X answered the post lookup in an unexpected shape" }
  const page = parsed.data
  const tweet = page.data?.[0]
  if (!tweet) return { problem: `X has no post ${id} (deleted, protected or never existed)` }
  if (tweet.author_id !== ctx.credentials.accountId) return { problem: `X post ${id} was written by another account than this one (user ${ctx.credentials.accountId})` }
  return toListed(page)[0]
}
