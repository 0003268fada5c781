import { graphError, type GraphError } from "../meta/graph-errors"
import { pageOf } from "../meta/paging"
import { isGraphError, requireScope } from "./auth"
import { limitOf, paging } from "./edges"
import { MEDIA_FIELDS, renderMedia, requestedFields } from "./render"
import type { ThreadsScope } from "./scope"

const USER_FIELDS = new Set(["id", "username", "name", "threads_profile_picture_url", "threads_biography", "is_verified"])
/** The earliest `since` the listing accepts (platform-onboarding §6.2). */
const EARLIEST_SINCE = 1688540400

/** GET /me (or /{own-user-id}): the token's user, with the fields asked for. */
export function getUser(scope: ThreadsScope): unknown {
  const denied = requireScope(scope.token, "threads_basic")
  if (denied) return denied
  const fields = requestedFields(scope.query.get("fields"), USER_FIELDS, "ThreadsUser")
  if (isGraphError(fields)) return fields
  const username = scope.token.username ?? `user_${scope.token.user_id.slice(-4)}`
  const all: Record<string, unknown> = {
    id: scope.token.user_id,
    username,
    name: username.replace(/_/g, " "),
    threads_profile_picture_url: `https://scontent.cdninstagram.com/sandbox/${scope.token.user_id}.jpg`,
    threads_biography: "Sandbox account",
    is_verified: false,
  }
  return Object.fromEntries(fields.filter((f) => all[f] !== undefined).map((f) => [f, all[f]]))
}

/** `since`/`until`: Unix seconds or anything strtotime would read (ISO dates here). */
function instant(raw: string | null): number | undefined | GraphError {
  if (raw === null || raw === "") return undefined
  const seconds = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw) / 1000
  if (!Number.isFinite(seconds)) return graphError(100, `(#100) Invalid time: ${raw}`)
  return seconds
}

/** GET /me/threads: the user's own posts, newest first, `since`/`until` windows and cursor paging. */
export function listThreads(scope: ThreadsScope): unknown {
  const denied = requireScope(scope.token, "threads_basic")
  if (denied) return denied
  const fields = requestedFields(scope.query.get("fields"), MEDIA_FIELDS, "ThreadsMedia")
  if (isGraphError(fields)) return fields
  const since = instant(scope.query.get("since"))
  const until = instant(scope.query.get("until"))
  if (isGraphError(since)) return since
  if (isGraphError(until)) return until
  if (since !== undefined && since < EARLIEST_SINCE) return graphError(100, `(#100) since must be at or after ${EARLIEST_SINCE}`)
  const posts = scope.fixtures.media
    .filter((m) => m.owner_id === scope.token.user_id && !m.deleted)
    .filter((m) => {
      const at = Date.parse(m.timestamp.replace(/([+-]\d{2})(\d{2})$/, "$1:$2")) / 1000
      return (since === undefined || at >= since) && (until === undefined || at <= until)
    })
    .sort((a, b) => Date.parse(b.timestamp.replace(/([+-]\d{2})(\d{2})$/, "$1:$2")) - Date.parse(a.timestamp.replace(/([+-]\d{2})(\d{2})$/, "$1:$2")))
  const page = pageOf(posts, (m) => m.id, { limit: limitOf(scope), after: scope.query.get("after"), before: scope.query.get("before") })
  if (isGraphError(page)) return page
  return { data: page.items.map((m) => renderMedia(m, scope.token.username, fields)), paging: paging(scope, "me/threads", page) }
}
